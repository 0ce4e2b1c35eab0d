#!/usr/bin/env python3
"""Deterministic synthetic migration corpus for strata's benchmark, SQLite or PostgreSQL.

    python3 bench/gen_corpus.py --out DIR --n N [--seed S] [--no-raw] [--dialect sqlite|pg]

Writes:
  DIR/native/<id>.sql          strata's native format, a linear chain of N migrations
                               (id = NNNN_slug; the first has no parent)
  DIR/raw/up_all.sql           every up part inside one BEGIN/COMMIT: the floor
  DIR/raw/up_tx_history.sql    a history table, then each up part in its own BEGIN/COMMIT
                               with an INSERT into that table
  DIR/raw/down_all.sql         every down part, newest first, inside one BEGIN/COMMIT
  DIR/manifest.json            counts per kind and the objects expected at head

The mix: CREATE TABLE (5-12 columns, defaults, CHECKs, foreign keys), ALTER TABLE ADD
COLUMN, CREATE [UNIQUE] INDEX (single, composite or partial), views, and multi-statement
migrations (a link table plus its indexes). Every migration has an exact down part; running
the downs newest first leaves an empty schema.

Same --n and --seed give byte-identical output. The migrations are prefix-stable: the first
K of an N-corpus have the same SQL as a K-corpus whenever both ids have the same width
(max(4, digits of N)). Python 3 standard library only.

--dialect pg (default sqlite) writes the same migrations, drawn from the same random stream
(same kinds, tables, columns, indexes and views, so the same manifest counts), rendered for
PostgreSQL:
  - types: BOOLEAN with DEFAULT false (no 0/1 CHECK), BYTEA for BLOB, TIMESTAMPTZ for the
    timestamp columns, JSONB for settings; the rest (TEXT, VARCHAR, NUMERIC, REAL, DATE,
    SMALLINT, INTEGER PRIMARY KEY) is valid as it is;
  - identifiers longer than PostgreSQL's 63 bytes are shortened to 54 characters plus '_'
    and 8 hex digits of their SHA-256 (PostgreSQL would truncate them and could collide);
  - raw/up_all.sql and raw/down_all.sql have no BEGIN/COMMIT: run them with
    `psql --single-transaction`, which supplies the one transaction;
  - bench_history.applied_at is TIMESTAMPTZ; manifest.json gets "dialect": "pg".
The default (sqlite) output is unchanged by the option's existence.
"""
import argparse
import hashlib
import json
import os
import random
import shutil
import sys

# Nouns for table names. SQL keywords (order, group, user, ...) are left out on purpose.
NOUNS = [
    "account", "customer", "invoice", "product", "payment", "shipment", "address", "supplier",
    "warehouse", "inventory", "employee", "department", "project", "task", "ticket", "session",
    "audit_event", "message", "tenant", "plan", "subscription", "coupon", "review", "category",
    "tag", "document", "attachment", "report", "metric", "device", "region", "price", "refund",
    "ledger_line", "journal", "contract", "vendor", "asset", "booking", "carrier",
]

# (column name, SQLite type, kind) -- the kind decides defaults and constraints.
COLUMNS = [
    ("name", "TEXT", "text"), ("title", "TEXT", "text"), ("status", "TEXT", "status"),
    ("code", "VARCHAR(32)", "text"), ("email", "VARCHAR(255)", "text"),
    ("phone", "VARCHAR(32)", "text"), ("amount", "NUMERIC(12,2)", "num"),
    ("total", "NUMERIC(12,2)", "num"), ("quantity", "INTEGER", "int"), ("note", "TEXT", "text"),
    ("description", "TEXT", "text"), ("created_at", "TEXT", "ts"), ("updated_at", "TEXT", "ts"),
    ("deleted_at", "TEXT", "nullable"), ("is_active", "BOOLEAN", "bool"),
    ("is_archived", "BOOLEAN", "bool"), ("score", "REAL", "real"), ("rank", "INTEGER", "int"),
    ("weight", "REAL", "real"), ("external_ref", "TEXT", "nullable"),
    ("payload", "BLOB", "nullable"), ("settings", "TEXT", "json"), ("due_date", "DATE", "nullable"),
    ("starts_on", "DATE", "nullable"), ("ends_on", "DATE", "nullable"),
    ("currency", "CHAR(3)", "currency"), ("country", "CHAR(2)", "text"), ("city", "TEXT", "text"),
    ("postal_code", "VARCHAR(16)", "text"), ("label", "TEXT", "text"), ("kind", "TEXT", "text"),
    ("priority", "SMALLINT", "int"), ("version", "INTEGER", "int"),
    ("checksum", "CHAR(64)", "nullable"), ("source", "TEXT", "text"), ("channel", "TEXT", "text"),
    ("locale", "VARCHAR(16)", "text"), ("slug", "VARCHAR(128)", "text"),
]
STATUS_VALUES = "('new', 'active', 'suspended', 'closed')"
PG_MAX_IDENT = 63  # NAMEDATALEN - 1: PostgreSQL truncates longer identifiers
PG_TYPES = {"BLOB": "BYTEA"}  # SQLite type name -> PostgreSQL, where they differ
PG_KIND_TYPES = {"ts": "TIMESTAMPTZ", "json": "JSONB"}  # by kind, where the type says more in PG


def plural(noun):
    if noun.endswith("y") and noun[-2:] not in ("ay", "ey", "oy"):
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun + "s"


class Table:
    def __init__(self, name, is_link=False):
        self.name = name
        self.is_link = is_link
        self.columns = []        # names in creation order, "id" excluded
        self.used = {"id"}
        self.fk_columns = []     # columns that reference another table's id


def column_def(rng, name, sqltype, kind, for_alter, dialect="sqlite"):
    """One column definition. ALTER TABLE ADD COLUMN in SQLite needs a constant default
    for NOT NULL columns and cannot add CURRENT_TIMESTAMP defaults, so for_alter trims
    those cases (in both dialects, so they stay the same migrations). Only the "text" kind
    draws from rng, whatever the dialect."""
    if dialect == "pg":
        sqltype = PG_KIND_TYPES.get(kind, PG_TYPES.get(sqltype, sqltype))
        if kind == "bool":
            return "%s %s NOT NULL DEFAULT false" % (name, sqltype)
    if kind == "text":
        return "%s %s NOT NULL DEFAULT ''" % (name, sqltype) if rng.random() < 0.5 else "%s %s" % (name, sqltype)
    if kind == "status":
        return "%s %s NOT NULL DEFAULT 'new' CHECK (%s IN %s)" % (name, sqltype, name, STATUS_VALUES)
    if kind in ("int", "num"):
        return "%s %s NOT NULL DEFAULT 0" % (name, sqltype)
    if kind == "real":
        return "%s %s" % (name, sqltype)
    if kind == "bool":
        return "%s %s NOT NULL DEFAULT 0 CHECK (%s IN (0, 1))" % (name, sqltype, name)
    if kind == "ts":
        if for_alter:
            return "%s %s" % (name, sqltype)
        return "%s %s NOT NULL DEFAULT CURRENT_TIMESTAMP" % (name, sqltype)
    if kind == "json":
        return "%s %s NOT NULL DEFAULT '{}'" % (name, sqltype)
    if kind == "currency":
        return "%s %s NOT NULL DEFAULT 'EUR'" % (name, sqltype)
    return "%s %s" % (name, sqltype)  # nullable


def pick_column(rng, table):
    """A column (name, type, kind) that the table does not have yet."""
    free = [c for c in COLUMNS if c[0] not in table.used]
    name, sqltype, kind = rng.choice(free or COLUMNS)
    base = name
    k = 2
    while name in table.used:  # only once a table has every column of the pool
        name = "%s_%d" % (base, k)
        k += 1
    table.used.add(name)
    return name, sqltype, kind


class Generator:
    def __init__(self, seed, dialect="sqlite"):
        self.rng = random.Random(seed)
        self.dialect = dialect
        self.tables = []
        self.table_names = set()
        self.index_names = set()
        self.view_names = set()

    def ident(self, name):
        """name as written in the SQL: unchanged, except over-long names in PostgreSQL."""
        if self.dialect != "pg" or len(name) <= PG_MAX_IDENT:
            return name
        return "%s_%s" % (name[:PG_MAX_IDENT - 9], hashlib.sha256(name.encode("utf-8")).hexdigest()[:8])

    def unique_name(self, name, taken, i):
        """A name not in taken (name, else name_i), recorded in taken."""
        out = self.ident(name)
        if out in taken:
            out = self.ident("%s_%d" % (name, i))
        taken.add(out)
        return out

    def new_table_name(self, i):
        rng = self.rng
        a = rng.choice(NOUNS)
        name = plural(a) if rng.random() < 0.5 else "%s_%s" % (a, plural(rng.choice(NOUNS)))
        return self.unique_name(name, self.table_names, i)

    def new_index_name(self, table, cols, i):
        return self.unique_name("ix_%s_%s" % (table, "_".join(cols)), self.index_names, i)

    # Each kind returns (slug, up statements, down statements, objects created); the
    # random draws happen in a fixed order, so the output depends only on seed and i.
    def create_table(self, i):
        rng = self.rng
        t = Table(self.new_table_name(i))
        defs = ["id INTEGER PRIMARY KEY"]
        for _ in range(rng.randint(4, 11)):
            name, sqltype, kind = pick_column(rng, t)
            defs.append(column_def(rng, name, sqltype, kind, for_alter=False, dialect=self.dialect))
            t.columns.append(name)
        if self.tables and rng.random() < 0.35:
            parent = rng.choice(self.tables)
            col = self.ident("%s_id" % parent.name)
            if col not in t.used:
                t.used.add(col)
                action = rng.choice(["ON DELETE CASCADE", "ON DELETE SET NULL", "ON DELETE RESTRICT"])
                defs.append("%s INTEGER REFERENCES %s (id) %s" % (col, parent.name, action))
                t.columns.append(col)
                t.fk_columns.append((col, parent.name))
        if len(t.columns) >= 2 and rng.random() < 0.15:
            a, b = rng.sample(t.columns, 2)
            defs.append("UNIQUE (%s, %s)" % (a, b))
        self.tables.append(t)
        up = ["CREATE TABLE %s (\n    %s\n)" % (t.name, ",\n    ".join(defs))]
        return "create_" + t.name, up, ["DROP TABLE %s" % t.name], {"table": 1}

    def add_column(self, i):
        rng = self.rng
        t = rng.choice(self.tables)
        if rng.random() < 0.2 and len(self.tables) > 1:
            parent = rng.choice([p for p in self.tables if p is not t])
            col = self.ident("%s_id" % parent.name)
            if col not in t.used:
                t.used.add(col)
                t.columns.append(col)
                t.fk_columns.append((col, parent.name))
                up = ["ALTER TABLE %s ADD COLUMN %s INTEGER REFERENCES %s (id) ON DELETE SET NULL"
                      % (t.name, col, parent.name)]
                return ("add_%s_to_%s" % (col, t.name), up,
                        ["ALTER TABLE %s DROP COLUMN %s" % (t.name, col)], {"column": 1})
        name, sqltype, kind = pick_column(rng, t)
        t.columns.append(name)
        up = ["ALTER TABLE %s ADD COLUMN %s"
              % (t.name, column_def(rng, name, sqltype, kind, for_alter=True, dialect=self.dialect))]
        return ("add_%s_to_%s" % (name, t.name), up,
                ["ALTER TABLE %s DROP COLUMN %s" % (t.name, name)], {"column": 1})

    def create_index(self, i):
        rng = self.rng
        t = rng.choice(self.tables)
        r = rng.random()
        if r < 0.6 or len(t.columns) < 2:
            cols = [rng.choice(t.columns)]
        else:
            cols = rng.sample(t.columns, 2)
        unique = rng.random() < 0.15
        partial = not unique and rng.random() < 0.15
        iname = self.new_index_name(t.name, cols, i)
        sql = "CREATE %sINDEX %s ON %s (%s)" % ("UNIQUE " if unique else "", iname, t.name, ", ".join(cols))
        if partial:
            sql += " WHERE %s IS NOT NULL" % cols[0]
        return "index_%s_%s" % (t.name, "_".join(cols)), [sql], ["DROP INDEX %s" % iname], {"index": 1}

    def create_view(self, i):
        rng = self.rng
        with_fk = [t for t in self.tables if t.fk_columns]
        if with_fk and rng.random() < 0.6:
            child = rng.choice(with_fk)
            col, parent_name = rng.choice(child.fk_columns)
            parent = next(t for t in self.tables if t.name == parent_name)
            c1 = rng.choice(child.columns)
            c2 = rng.choice(parent.columns)
            vname = "v_%s_with_%s" % (child.name, parent.name)
            sel = ("SELECT c.id, c.%s AS %s, p.id AS %s_id, p.%s AS %s\n"
                   "FROM %s c\nJOIN %s p ON p.id = c.%s"
                   % (c1, c1, "parent", c2, self.ident("parent_" + c2), child.name, parent.name, col))
        else:
            t = rng.choice(self.tables)
            c1 = rng.choice(t.columns)
            vname = "v_%s_by_%s" % (t.name, c1)
            sel = ("SELECT %s, count(*) AS n, max(id) AS last_id\nFROM %s\nGROUP BY %s"
                   % (c1, t.name, c1))
        vname = self.unique_name(vname, self.view_names, i)
        return "view_" + vname, ["CREATE VIEW %s AS\n%s" % (vname, sel)], ["DROP VIEW %s" % vname], {"view": 1}

    def create_link_table(self, i):
        """A many-to-many link table with two foreign keys and its indexes: one migration,
        several statements."""
        rng = self.rng
        a, b = rng.sample([t for t in self.tables if not t.is_link], 2)
        name = self.unique_name("%s_%s_links" % (a.name, b.name), self.table_names, i)
        t = Table(name, is_link=True)
        ca, cb = self.ident("%s_id" % a.name), self.ident("%s_id" % b.name)
        if ca == cb:
            cb = self.ident("other_" + cb)
        t.columns += [ca, cb, "created_at"]
        t.used.update(t.columns)
        t.fk_columns += [(ca, a.name), (cb, b.name)]
        self.tables.append(t)
        ix_pair = self.new_index_name(name, ["pair"], i)
        ix_b = self.new_index_name(name, [cb], i)
        up = ["CREATE TABLE %s (\n    id INTEGER PRIMARY KEY,\n"
              "    %s INTEGER NOT NULL REFERENCES %s (id) ON DELETE CASCADE,\n"
              "    %s INTEGER NOT NULL REFERENCES %s (id) ON DELETE CASCADE,\n"
              "    created_at %s NOT NULL DEFAULT CURRENT_TIMESTAMP\n)"
              % (name, ca, a.name, cb, b.name, "TIMESTAMPTZ" if self.dialect == "pg" else "TEXT"),
              "CREATE UNIQUE INDEX %s ON %s (%s, %s)" % (ix_pair, name, ca, cb),
              "CREATE INDEX %s ON %s (%s)" % (ix_b, name, cb)]
        down = ["DROP INDEX %s" % ix_b, "DROP INDEX %s" % ix_pair, "DROP TABLE %s" % name]
        return "create_" + name, up, down, {"table": 1, "index": 2}

    def migration(self, i):
        """(kind, slug, up statements, down statements, objects created) for migration i."""
        r = self.rng.random()
        if len(self.tables) < 3 or r < 0.38:
            kind = "create_table"
        elif r < 0.60:
            kind = "add_column"
        elif r < 0.82:
            kind = "create_index"
        elif r < 0.92:
            kind = "create_view"
        else:
            kind = "create_link_table"
        return (kind,) + getattr(self, kind)(i)


def sql_script(statements):
    return "".join(s + ";\n" for s in statements)


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True, help="output directory (replaced if it exists)")
    ap.add_argument("--n", type=int, required=True, help="number of migrations")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--no-raw", action="store_true", help="write only native/ and manifest.json")
    ap.add_argument("--dialect", choices=["sqlite", "pg"], default="sqlite",
                    help="SQL dialect of every file written (default sqlite)")
    a = ap.parse_args(argv)
    if a.n < 1:
        ap.error("--n must be at least 1")

    pg = a.dialect == "pg"
    gen = Generator(a.seed, a.dialect)
    width = max(4, len(str(a.n)))
    migrations = []  # (id, file text, up statements, down statements)
    counts = {"table": 0, "column": 0, "index": 0, "view": 0}
    kinds = {}
    parent = None
    for i in range(1, a.n + 1):
        kind, slug, up, down, made = gen.migration(i)
        kinds[kind] = kinds.get(kind, 0) + 1
        for k, v in made.items():
            counts[k] += v
        mid = ("%0*d_%s" % (width, i, slug))[:120]
        text = ""
        if parent is not None:
            text += "-- strata:parent %s\n" % parent
        text += "-- strata:up\n%s-- strata:down\n%s" % (sql_script(up), sql_script(down))
        migrations.append((mid, text, up, down))
        parent = mid

    if os.path.exists(a.out):
        shutil.rmtree(a.out)
    native = os.path.join(a.out, "native")
    os.makedirs(native)
    for mid, text, _, _ in migrations:
        write(os.path.join(native, mid + ".sql"), text)

    if not a.no_raw:
        raw = os.path.join(a.out, "raw")
        os.makedirs(raw)
        # psql --single-transaction supplies the transaction in PostgreSQL; a BEGIN inside
        # would only draw a warning, and its COMMIT would end the transaction early.
        one_tx = "%s" if pg else "BEGIN;\n%sCOMMIT;\n"
        body = "".join("-- %s\n%s" % (mid, sql_script(up)) for mid, _, up, _ in migrations)
        write(os.path.join(raw, "up_all.sql"), one_tx % body)
        body = "".join("-- %s\n%s" % (mid, sql_script(down)) for mid, _, _, down in reversed(migrations))
        write(os.path.join(raw, "down_all.sql"), one_tx % body)
        parts = ["CREATE TABLE bench_history (\n    id TEXT PRIMARY KEY,\n    checksum TEXT NOT NULL,\n"
                 "    applied_at %s NOT NULL DEFAULT CURRENT_TIMESTAMP\n);\n" % ("TIMESTAMPTZ" if pg else "TEXT")]
        for mid, text, up, _ in migrations:
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            parts.append("BEGIN;\n%sINSERT INTO bench_history (id, checksum) VALUES ('%s', '%s');\nCOMMIT;\n"
                         % (sql_script(up), mid, digest))
        write(os.path.join(raw, "up_tx_history.sql"), "".join(parts))

    manifest = {
        "n": a.n, "seed": a.seed, "width": width, "kinds": kinds,
        "expected_at_head": {"tables": counts["table"], "indexes": counts["index"], "views": counts["view"]},
        "first": migrations[0][0], "head": migrations[-1][0],
        "native_sha256": hashlib.sha256("".join(t for _, t, _, _ in migrations).encode("utf-8")).hexdigest(),
    }
    if pg:  # only then, so that the default output stays byte-identical
        manifest["dialect"] = "pg"
    write(os.path.join(a.out, "manifest.json"), json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
