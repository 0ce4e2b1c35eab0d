#!/usr/bin/env python3
"""Deterministic PostgreSQL migration corpus for the lint benchmark (strata lint vs squawk).

    python3 bench/lint_corpus.py --out DIR [--n 17000] [--seed 42]

Writes:
  DIR/migrations/<id>.sql  N migrations in strata's native format, a linear chain: an optional
                           `--` comment line, `-- strata:parent <previous id>` (not on the first),
                           `-- strata:no-transaction` on some, `-- strata:up`, then the SQL.
                           No `-- strata:down` part (see "Fairness" below). id = NNNNN_slug.
  DIR/apply_all.psql       every up part in order, for psql: a transactional migration inside
                           BEGIN/COMMIT (as strata runs it), a no-transaction one statement by
                           statement. Applying it to an empty PostgreSQL 15 database must succeed:
                           that is how the corpus is checked (bench/lint_corpus_check.sh).
  DIR/manifest.json        files, lines, bytes, statements, migrations per kind, hazards planted.

Fairness: only the up part is meant to be linted, and squawk lints whole files (the strata
directives are `--` comments to it). So the files have no down part: both tools read the same
bytes and see exactly the same statements. strata may report its "no down part" policy finding
on every migration; that is output squawk does not produce, so it counts against strata.

The mix (weights in KINDS), modelled on the migrations of a long-lived application: CREATE
TABLE with 4-10 columns (identity/bigserial/uuid/integer keys, defaults, CHECKs, inline and
table-level foreign keys, composite UNIQUE), ALTER TABLE ADD COLUMN (constant, volatile or no
default), multi-action ALTER TABLE, CREATE INDEX (plain in a transactional migration, or
CONCURRENTLY IF NOT EXISTS in a `-- strata:no-transaction` one; unique, partial, expression,
INCLUDE, GIN), DROP INDEX [CONCURRENTLY], foreign keys with and without NOT VALID and their later
VALIDATE CONSTRAINT, CHECK constraints, the CHECK-then-SET NOT NULL pattern, plpgsql functions
and trigger functions with dollar-quoted bodies (some with DDL words in string literals), a
few SQL-standard `BEGIN ATOMIC` function bodies, DO blocks (guarded enum creation, EXCEPTION
handlers, batched backfill loops, dynamic DDL through EXECUTE), views, materialized views and
their refresh, COMMENT ON, UPDATE/DELETE backfills (whole-table and batched), enum types and
ALTER TYPE ... ADD VALUE, domains, range-partitioned tables (new partitions, ATTACH, DETACH),
staging tables (UNLOGGED, TRUNCATE, DROP), lookup tables with seed rows, schema-qualified and
quoted mixed-case identifiers, `SET [LOCAL] lock_timeout` / `statement_timeout` /
set_config() on about half of the DDL migrations, and a share of deliberately unsafe statements
(column type changes, SET NOT NULL, RENAME, DROP COLUMN, ADD UNIQUE, LOCK TABLE, REINDEX,
CONCURRENTLY inside a transactional migration, an enum value used in the transaction that added
it, nested BEGIN, ...). Everything is valid PostgreSQL 15 and runs in order on an empty
database, except the migrations listed under "expect_error_in_transaction" in the manifest,
which fail only when wrapped in a transaction (that is their hazard); apply_all.psql runs those
outside one.

About 7.6 lines per migration: --n 17000 gives about 130,000 lines. Same --n and --seed give
byte-identical output. Python 3 standard library only.
"""
import argparse
import hashlib
import json
import os
import random
import shutil
import sys

PG_MAX_IDENT = 63

NOUNS = [
    "account", "customer", "invoice", "product", "payment", "shipment", "address", "supplier",
    "warehouse", "inventory", "employee", "department", "project", "task", "ticket", "session",
    "audit_event", "message", "tenant", "plan", "subscription", "coupon", "review", "category",
    "tag", "document", "attachment", "report", "metric", "device", "region", "price", "refund",
    "ledger_line", "journal", "contract", "vendor", "asset", "booking", "carrier", "course",
    "lesson", "membership", "notification", "webhook", "api_key", "quota", "cart", "wishlist",
    "store", "route", "vehicle", "driver", "claim", "policy", "dispute", "payout", "statement",
]
QUALIFIERS = ["", "", "", "customer", "order", "billing", "user", "team", "partner", "internal",
              "daily", "legacy", "pending", "archived", "shared"]
SCHEMAS = ["public", "public", "public", "public", "public", "billing", "ops", "reporting"]

# name, type, kind. The kind decides the default, the backfill value and what may be done to it.
COLUMNS = [
    ("name", "text", "text"), ("title", "text", "text"), ("status", "text", "status"),
    ("code", "varchar(32)", "varchar"), ("email", "varchar(255)", "varchar"),
    ("phone", "varchar(32)", "varchar"), ("amount", "numeric(12,2)", "num"),
    ("total", "numeric(14,2)", "num"), ("quantity", "integer", "int"), ("note", "text", "text"),
    ("description", "text", "text"), ("created_at", "timestamptz", "ts"),
    ("updated_at", "timestamptz", "ts"), ("deleted_at", "timestamptz", "tsnull"),
    ("is_active", "boolean", "bool"), ("is_archived", "boolean", "bool"),
    ("score", "double precision", "float"), ("rank", "integer", "int"), ("weight", "real", "float"),
    ("external_ref", "text", "textnull"), ("payload", "jsonb", "jsonb"),
    ("settings", "jsonb", "jsonb"), ("metadata", "jsonb", "jsonb"), ("due_date", "date", "date"),
    ("starts_on", "date", "date"), ("ends_on", "date", "date"), ("currency", "char(3)", "currency"),
    ("country", "char(2)", "country"), ("city", "text", "text"),
    ("postal_code", "varchar(16)", "varchar"), ("label", "text", "text"), ("kind", "text", "text"),
    ("priority", "smallint", "int"), ("version", "integer", "int"), ("checksum", "bytea", "bytea"),
    ("source", "text", "text"), ("channel", "text", "text"), ("locale", "varchar(16)", "varchar"),
    ("slug", "varchar(128)", "varchar"), ("tags", "text[]", "array"),
    ("ip_address", "inet", "inet"), ("token", "uuid", "uuid"),
    ("expires_at", "timestamptz", "tsnull"), ("sort_order", "integer", "int"),
    ("retries", "smallint", "int"), ("amount_cents", "bigint", "bigint"),
    ("legacy_ts", "timestamp", "timestamp"), ("raw_payload", "json", "json"),
]
STATUS_VALUES = ["new", "active", "suspended", "closed"]
ENUM_SETS = [["draft", "open", "closed"], ["pending", "approved", "rejected"],
             ["low", "medium", "high"], ["queued", "running", "done", "failed"]]

# What a backfill sets a column of each kind to (a constant or a cheap expression).
FILL = {
    "text": "''", "textnull": "''", "varchar": "''", "status": "'new'", "num": "0",
    "int": "0", "bigint": "0", "float": "0", "ts": "now()", "tsnull": "now()",
    "bool": "false", "jsonb": "'{}'::jsonb", "json": "'{}'::json", "date": "current_date",
    "currency": "'EUR'", "country": "'DE'", "bytea": "'\\x'::bytea", "array": "'{}'",
    "inet": "'0.0.0.0'", "uuid": "gen_random_uuid()", "timestamp": "localtimestamp",
}
LOCK_TIMEOUTS = ["'2s'", "'3s'", "'5s'", "'1500ms'", "'10s'"]
TICKETS = ["OPS", "BILL", "CORE", "DATA", "PLAT", "SEC"]
COMMENT_TEXTS = [
    "Source of truth for {n}; written by the {s} service.",
    "One row per {n}. Soft-deleted rows keep deleted_at set.",
    "Kept for the {s} export; do not read from the app.",
    "Denormalised copy of {n} for reporting; rebuilt nightly.",
    "Customer's {n} as entered; validated later by the {s} job.",
    "Legacy: DROP TABLE once the {s} migration is done; see the runbook.",
]


def shorten(name):
    """A PostgreSQL identifier: names over 63 bytes get a hash suffix instead of truncation."""
    if len(name) <= PG_MAX_IDENT:
        return name
    return "%s_%s" % (name[:PG_MAX_IDENT - 9], hashlib.sha256(name.encode()).hexdigest()[:8])


def plural(noun):
    if noun.endswith("y") and noun[-2:] not in ("ay", "ey", "oy"):
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun + "s"


class Column:
    def __init__(self, name, sqltype, kind, nullable):
        self.name, self.type, self.kind, self.nullable = name, sqltype, kind, nullable
        self.locked = False  # used by a view, a generated column or a SQL function: leave it


class Table:
    def __init__(self, schema, name, quoted=False):
        self.schema, self.name, self.quoted = schema, name, quoted
        self.cols = {}          # name -> Column, in creation order
        self.id_type = "bigint"
        self.int_id = True      # id is an integer (batched backfills by id range work)
        self.indexes = []       # (name, schema-qualified ref, [columns it depends on])
        self.pending = []       # (constraint name, column) added NOT VALID, not validated yet
        self.fk_cols = []
        self.has_trigger = False

    @property
    def ref(self):
        n = '"%s"' % self.name if self.quoted else self.name
        return n if self.schema == "public" else "%s.%s" % (self.schema, n)

    def slug(self):
        return self.name.lower()


class Generator:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.tables = []        # the general pool: ordinary tables any migration may touch
        self.partitioned = []   # (Table, [month index of each partition])
        self.staging = []       # staging tables waiting to be dropped or truncated
        self.names = {}         # schema -> {relation / type / function names used}
        self.constraint_no = 0
        self.enums = []         # (schema-qualified name, [labels])
        self.matviews = []      # (ref, has unique index)
        self.functions = []
        self.views = 0

    # ---- names ------------------------------------------------------------------------------
    def fresh(self, schema, base):
        """A name unused in schema (relations, types and functions share the pool here)."""
        taken = self.names.setdefault(schema, {})
        base = shorten(base)
        name, k = base, 2
        while name in taken:
            name = shorten("%s_%d" % (base, k))
            k += 1
        taken[name] = True
        return name

    def qualify(self, schema, name):
        return name if schema == "public" else "%s.%s" % (schema, name)

    def constraint_name(self, table, what, col):
        self.constraint_no += 1
        return shorten("%s_%s_%s%d" % (table.slug(), col, what, self.constraint_no))

    def pick_table(self, pred=None):
        pool = [t for t in self.tables if pred is None or pred(t)]
        return self.rng.choice(pool) if pool else None

    def pick_col(self, t, pred):
        cols = [c for c in t.cols.values() if pred(c)]
        return self.rng.choice(cols) if cols else None

    # ---- pieces -----------------------------------------------------------------------------
    def lock_timeout(self, transactional):
        """None, or one or two SET statements for the timeouts (about half of the DDL)."""
        rng = self.rng
        r = rng.random()
        if r < 0.50:
            return []
        v = rng.choice(LOCK_TIMEOUTS)
        if r < 0.70 or not transactional:
            out = ["SET lock_timeout = %s;" % v]
        elif r < 0.88:
            out = ["SET LOCAL lock_timeout = %s;" % v]
        else:
            out = ["SELECT set_config('lock_timeout', %s, %s);" % (v, "true" if transactional else "false")]
        if rng.random() < 0.25:
            out.append("SET %sstatement_timeout = '%dmin';" % ("LOCAL " if transactional and rng.random() < 0.5 else "", rng.choice([1, 5, 15])))
        return out

    def column_def(self, name, sqltype, kind, in_create):
        """(SQL, nullable) of a column definition for CREATE TABLE or ADD COLUMN."""
        rng = self.rng
        if kind in ("text", "varchar"):
            if rng.random() < 0.45:
                return "%s %s NOT NULL DEFAULT ''" % (name, sqltype), False
            return "%s %s" % (name, sqltype), True
        if kind == "status":
            return ("%s %s NOT NULL DEFAULT 'new' CHECK (%s IN (%s))"
                    % (name, sqltype, name, ", ".join("'%s'" % v for v in STATUS_VALUES))), False
        if kind in ("int", "num", "bigint"):
            if rng.random() < 0.2:
                return "%s %s" % (name, sqltype), True
            extra = " CHECK (%s >= 0)" % name if kind == "num" and rng.random() < 0.3 else ""
            return "%s %s NOT NULL DEFAULT 0%s" % (name, sqltype, extra), False
        if kind == "bool":
            return "%s %s NOT NULL DEFAULT false" % (name, sqltype), False
        if kind == "ts":
            if in_create or rng.random() < 0.5:
                return "%s %s NOT NULL DEFAULT now()" % (name, sqltype), False
            return "%s %s" % (name, sqltype), True
        if kind == "jsonb":
            return "%s %s NOT NULL DEFAULT '{}'::jsonb" % (name, sqltype), False
        if kind == "currency":
            return "%s %s NOT NULL DEFAULT 'EUR'" % (name, sqltype), False
        if kind == "array":
            return "%s %s NOT NULL DEFAULT '{}'" % (name, sqltype), False
        if kind == "uuid":
            if in_create:
                return "%s %s NOT NULL DEFAULT gen_random_uuid()" % (name, sqltype), False
            return "%s %s" % (name, sqltype), True
        return "%s %s" % (name, sqltype), True  # nullable kinds

    def new_column(self, t, in_create):
        """Picks a column the table lacks; returns (definition SQL, Column)."""
        free = [c for c in COLUMNS if c[0] not in t.cols]
        name, sqltype, kind = self.rng.choice(free or COLUMNS)
        base, k = name, 2
        while name in t.cols:
            name = "%s_%d" % (base, k)
            k += 1
        sql, nullable = self.column_def(name, sqltype, kind, in_create)
        col = Column(name, sqltype, kind, nullable)
        t.cols[name] = col
        return sql, col

    def new_table(self, schema=None, staging=False):
        rng = self.rng
        schema = schema or rng.choice(SCHEMAS)
        noun = rng.choice(NOUNS)
        q = rng.choice(QUALIFIERS)
        base = "%s_%s" % (q, plural(noun)) if q else plural(noun)
        if staging:
            base = "import_%s_staging" % noun
        quoted = not staging and rng.random() < 0.01
        if quoted:
            base = "".join(p.capitalize() for p in base.split("_"))
        return Table(schema, self.fresh(schema, base), quoted)

    # ---- kinds: each returns (slug, [SQL chunks], transactional, expect_tx_error, statements) --
    def k_create_table(self):
        rng = self.rng
        t = self.new_table()
        r = rng.random()
        if r < 0.55:
            defs = ["id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY"]
        elif r < 0.75:
            defs = ["id bigserial PRIMARY KEY"]
        elif r < 0.87:
            defs = ["id uuid PRIMARY KEY DEFAULT gen_random_uuid()"]
            t.id_type, t.int_id = "uuid", False
        elif r < 0.94:
            defs = ["id integer PRIMARY KEY"]
            t.id_type = "integer"
        else:
            defs = ["id serial PRIMARY KEY"]
            t.id_type = "integer"
        stmts = 1
        for _ in range(rng.randint(4, 11)):
            sql, _col = self.new_column(t, in_create=True)
            defs.append(sql)
        parent = self.pick_table() if rng.random() < 0.45 else None
        if parent is not None:
            col = shorten("%s_id" % parent.slug())
            if col not in t.cols:
                nn = rng.random() < 0.6
                action = rng.choice(["ON DELETE CASCADE", "ON DELETE SET NULL", "ON DELETE RESTRICT", ""])
                if action == "ON DELETE SET NULL":
                    nn = False
                if rng.random() < 0.7:
                    defs.append(("%s %s%s REFERENCES %s (id) %s" % (col, parent.id_type, " NOT NULL" if nn else "",
                                                                    parent.ref, action)).rstrip())
                else:
                    defs.append("%s %s%s" % (col, parent.id_type, " NOT NULL" if nn else ""))
                    defs.append(("CONSTRAINT %s FOREIGN KEY (%s) REFERENCES %s (id) %s"
                                 % (self.constraint_name(t, "fk", "parent"), col, parent.ref, action)).rstrip())
                c = Column(col, parent.id_type, "fk", not nn)
                c.locked = True
                t.cols[col] = c
                t.fk_cols.append(col)
        names = [c for c in t.cols if t.cols[c].kind in ("text", "varchar", "int")]
        if len(names) >= 2 and rng.random() < 0.2:
            a, b = rng.sample(names, 2)
            defs.append("CONSTRAINT %s UNIQUE (%s, %s)" % (self.constraint_name(t, "uq", a), a, b))
        if "starts_on" in t.cols and "ends_on" in t.cols:
            defs.append("CONSTRAINT %s CHECK (ends_on IS NULL OR ends_on >= starts_on)"
                        % self.constraint_name(t, "ck", "dates"))
        chunks = ["CREATE TABLE %s%s (\n    %s\n);" % ("IF NOT EXISTS " if rng.random() < 0.2 else "", t.ref,
                                                   ",\n    ".join(defs))]
        if t.fk_cols and rng.random() < 0.6:
            # An index on the new table's foreign key: safe, the table is empty and new.
            ix = self.fresh(t.schema, "ix_%s_%s" % (t.slug(), t.fk_cols[0]))
            chunks.append("CREATE INDEX %s ON %s (%s);" % (ix, t.ref, t.fk_cols[0]))
            t.indexes.append((ix, self.qualify(t.schema, ix), [t.fk_cols[0]]))
            stmts += 1
        if rng.random() < 0.2:
            chunks.append("COMMENT ON TABLE %s IS '%s';" % (t.ref, self.comment_text(t)))
            stmts += 1
        self.tables.append(t)
        return "create_" + t.slug(), chunks, True, False, stmts

    def comment_text(self, t):
        return self.rng.choice(COMMENT_TEXTS).format(n=t.slug(), s=self.rng.choice(NOUNS)).replace("'", "''")

    def k_add_column(self):
        rng = self.rng
        t = self.pick_table()
        pre = self.lock_timeout(True)
        r = rng.random()
        if r < 0.55:
            sql, col = self.new_column(t, in_create=False)
            body = "ALTER TABLE %s ADD COLUMN %s%s;" % (t.ref, "IF NOT EXISTS " if rng.random() < 0.25 else "", sql)
        elif r < 0.70:  # volatile default: rewrites the table
            name = self.fresh_col(t, rng.choice(["public_id", "request_id", "seen_at", "row_token"]))
            if name.endswith("_at"):
                body = "ALTER TABLE %s ADD COLUMN %s timestamptz NOT NULL DEFAULT clock_timestamp();" % (t.ref, name)
                t.cols[name] = Column(name, "timestamptz", "ts", False)
            else:
                body = "ALTER TABLE %s ADD COLUMN %s uuid NOT NULL DEFAULT gen_random_uuid();" % (t.ref, name)
                t.cols[name] = Column(name, "uuid", "uuid", False)
        elif r < 0.80:  # NOT NULL without a default: fails on a non-empty table
            name = self.fresh_col(t, rng.choice(["region_code", "owner_ref", "tier"]))
            body = "ALTER TABLE %s ADD COLUMN %s text NOT NULL;" % (t.ref, name)
            t.cols[name] = Column(name, "text", "text", False)
        elif r < 0.86:  # json, not jsonb
            name = self.fresh_col(t, "extra_json")
            body = "ALTER TABLE %s ADD COLUMN %s json;" % (t.ref, name)
            t.cols[name] = Column(name, "json", "json", True)
        elif r < 0.90:  # serial / identity / stored generated column: rewrites
            name = self.fresh_col(t, "seq_no")
            form = rng.choice(["bigserial", "bigint GENERATED BY DEFAULT AS IDENTITY", "generated"])
            if form == "generated":
                src = self.pick_col(t, lambda c: c.kind in ("int", "num", "bigint") and not c.nullable and not c.locked)
                if src is None:
                    form = "bigserial"
                else:
                    src.locked = True
                    form = "bigint GENERATED ALWAYS AS (%s * 100) STORED" % src.name
            body = "ALTER TABLE %s ADD COLUMN %s %s;" % (t.ref, name, form)
            c = Column(name, "bigint", "bigint", False)
            c.locked = True
            t.cols[name] = c
        else:  # a foreign key column, sometimes NOT VALID
            parent = self.pick_table(lambda p: p is not t)
            name = self.fresh_col(t, "%s_id" % parent.slug())
            nv = rng.random() < 0.4
            if nv:
                cn = self.constraint_name(t, "fk", name)
                body = ("ALTER TABLE %s\n    ADD COLUMN %s %s,\n    ADD CONSTRAINT %s FOREIGN KEY (%s) REFERENCES %s (id) NOT VALID;"
                        % (t.ref, name, parent.id_type, cn, name, parent.ref))
                t.pending.append((cn, name))
            else:
                body = "ALTER TABLE %s ADD COLUMN %s %s REFERENCES %s (id) ON DELETE SET NULL;" % (
                    t.ref, name, parent.id_type, parent.ref)
            c = Column(name, parent.id_type, "fk", True)
            c.locked = True
            t.cols[name] = c
            t.fk_cols.append(name)
        return "add_column_to_" + t.slug(), pre + [body], True, False, len(pre) + 1

    def fresh_col(self, t, base):
        name, k = base, 2
        while name in t.cols:
            name = "%s_%d" % (base, k)
            k += 1
        return shorten(name)

    def k_alter_multi(self):
        rng = self.rng
        t = self.pick_table()
        pre = self.lock_timeout(True)
        actions = []
        retyped = False
        old = list(t.cols)  # columns added by this same command cannot be altered in it
        for _ in range(rng.randint(2, 4)):
            r = rng.random()
            if r < 0.45:
                sql, _ = self.new_column(t, in_create=False)
                actions.append("ADD COLUMN " + sql)
                continue
            if r < 0.60:
                c = self.pick_col(t, lambda c: c.name in old and c.kind in ("text", "varchar", "int", "num") and not c.locked)
                if c is not None:
                    actions.append("ALTER COLUMN %s SET DEFAULT %s" % (c.name, FILL[c.kind]))
                    continue
            if r < 0.70:
                c = self.pick_col(t, lambda c: c.name in old and not c.locked and c.kind in ("text", "varchar", "int", "num", "bool"))
                if c is not None and c.nullable:
                    actions.append("ALTER COLUMN %s DROP DEFAULT" % c.name)
                    continue
            if r < 0.80:
                c = self.pick_col(t, lambda c: c.name in old and c.kind in ("int", "num", "bigint") and not c.locked)
                if c is not None:
                    cn = self.constraint_name(t, "ck", c.name)
                    nv = rng.random() < 0.6
                    actions.append("ADD CONSTRAINT %s CHECK (%s >= 0)%s" % (cn, c.name, " NOT VALID" if nv else ""))
                    if nv:
                        t.pending.append((cn, c.name))
                    continue
            if r < 0.90:
                c = self.pick_col(t, lambda c: c.name in old and c.nullable and not c.locked and c.kind in FILL)
                if c is not None:
                    actions.append("ALTER COLUMN %s SET NOT NULL" % c.name)
                    c.nullable = False
                    continue
            c = None if retyped else self.pick_col(t, lambda c: c.name in old and c.kind == "varchar" and not c.locked)
            if c is not None:  # widening a varchar: no rewrite, but the lock is taken
                retyped = True
                actions.append("ALTER COLUMN %s TYPE varchar(%d)" % (c.name, rng.choice([300, 512, 1024])))
                c.type = "varchar(1024)"
            else:
                sql, _ = self.new_column(t, in_create=False)
                actions.append("ADD COLUMN " + sql)
        body = "ALTER TABLE %s\n    %s;" % (t.ref, ",\n    ".join(actions))
        return "alter_" + t.slug(), pre + [body], True, False, len(pre) + 1

    def index_spec(self, t):
        """(name base, column SQL, suffix, [columns used]) of an index on t."""
        rng = self.rng
        cols = [c for c in t.cols.values() if c.kind not in ("json", "bytea")]
        r = rng.random()
        jsonb = [c for c in cols if c.kind == "jsonb"]
        if r < 0.08 and jsonb:
            c = rng.choice(jsonb)
            return c.name + "_gin", "USING gin (%s)" % c.name, "", [c.name]
        text = [c for c in cols if c.kind in ("text", "varchar")]
        if r < 0.15 and text:
            c = rng.choice(text)
            return "lower_" + c.name, "(lower(%s))" % c.name, "", [c.name]
        if r < 0.55 or len(cols) < 2:
            c = rng.choice(cols)
            suffix, used = "", [c.name]
            if c.nullable and rng.random() < 0.3:
                suffix = " WHERE %s IS NOT NULL" % c.name
            elif "deleted_at" in t.cols and rng.random() < 0.2:
                suffix, used = " WHERE deleted_at IS NULL", [c.name, "deleted_at"]
            return c.name, "(%s)" % c.name, suffix, used
        a, b = rng.sample(cols, 2)
        if rng.random() < 0.15:
            return "%s_incl" % a.name, "(%s) INCLUDE (%s)" % (a.name, b.name), "", [a.name, b.name]
        return "%s_%s" % (a.name, b.name), "(%s, %s)" % (a.name, b.name), "", [a.name, b.name]

    def k_create_index(self):
        rng = self.rng
        t = self.pick_table()
        base, cols, suffix, used = self.index_spec(t)
        unique = rng.random() < 0.1 and not cols.startswith("USING") and "INCLUDE" not in cols
        ix = self.fresh(t.schema, "ix_%s_%s" % (t.slug(), base))
        qix = self.qualify(t.schema, ix)
        t.indexes.append((ix, qix, used))
        uq = "UNIQUE " if unique else ""
        r = rng.random()
        if r < 0.55:  # the safe way: its own non-transactional migration
            pre = ["SET lock_timeout = %s;" % rng.choice(LOCK_TIMEOUTS)] if rng.random() < 0.35 else []
            body = "CREATE %sINDEX CONCURRENTLY IF NOT EXISTS %s ON %s %s%s;" % (uq, ix, t.ref, cols, suffix)
            return "index_" + t.slug(), pre + [body], False, False, len(pre) + 1
        if r < 0.97:  # blocks writes for the whole build
            pre = self.lock_timeout(True)
            body = "CREATE %sINDEX %s ON %s %s%s;" % (uq, ix, t.ref, cols, suffix)
            return "index_" + t.slug(), pre + [body], True, False, len(pre) + 1
        # CONCURRENTLY in a transactional migration: fails at run time
        pre = self.lock_timeout(True)
        body = "CREATE %sINDEX CONCURRENTLY %s ON %s %s%s;" % (uq, ix, t.ref, cols, suffix)
        return "index_" + t.slug(), pre + [body], True, True, len(pre) + 1

    def k_drop_index(self):
        rng = self.rng
        t = self.pick_table(lambda t: t.indexes)
        if t is None:
            return self.k_create_index()
        ix, qix, _ = t.indexes.pop(rng.randrange(len(t.indexes)))
        if rng.random() < 0.5:
            return "drop_" + ix, ["DROP INDEX CONCURRENTLY IF EXISTS %s;" % qix], False, False, 1
        pre = self.lock_timeout(True)
        return "drop_" + ix, pre + ["DROP INDEX %s%s;" % ("IF EXISTS " if rng.random() < 0.5 else "", qix)], True, False, len(pre) + 1

    def k_foreign_key(self):
        rng = self.rng
        t = self.pick_table()
        parent = self.pick_table(lambda p: p is not t)
        col = self.fresh_col(t, "%s_id" % parent.slug())
        cn = self.constraint_name(t, "fk", col)
        pre = self.lock_timeout(True)
        c = Column(col, parent.id_type, "fk", True)
        c.locked = True
        t.cols[col] = c
        t.fk_cols.append(col)
        chunks = pre + ["ALTER TABLE %s ADD COLUMN %s %s;" % (t.ref, col, parent.id_type)]
        r = rng.random()
        fk = "ALTER TABLE %s\n    ADD CONSTRAINT %s FOREIGN KEY (%s)\n    REFERENCES %s (id) ON DELETE %s" % (
            t.ref, cn, col, parent.ref, rng.choice(["CASCADE", "SET NULL", "NO ACTION"]))
        if r < 0.5:  # NOT VALID now, VALIDATE in a later migration
            chunks.append(fk + " NOT VALID;")
            t.pending.append((cn, col))
        elif r < 0.6:  # NOT VALID and VALIDATE in the same transaction: buys nothing
            chunks.append(fk + " NOT VALID;")
            chunks.append("ALTER TABLE %s VALIDATE CONSTRAINT %s;" % (t.ref, cn))
        else:  # validating: scans the table under SHARE ROW EXCLUSIVE
            chunks.append(fk + ";")
        if rng.random() < 0.4:
            ix = self.fresh(t.schema, "ix_%s_%s" % (t.slug(), col))
            chunks.append("CREATE INDEX %s ON %s (%s);" % (ix, t.ref, col))
            t.indexes.append((ix, self.qualify(t.schema, ix), [col]))
        return "fk_%s_%s" % (t.slug(), parent.slug()), chunks, True, False, len(chunks)

    def k_validate(self):
        t = self.pick_table(lambda t: t.pending)
        if t is None:
            return self.k_check()
        cn, _ = t.pending.pop(0)
        pre = self.lock_timeout(True)
        return "validate_" + cn, pre + ["ALTER TABLE %s VALIDATE CONSTRAINT %s;" % (t.ref, cn)], True, False, len(pre) + 1

    def k_check(self):
        rng = self.rng
        t = self.pick_table(lambda t: any(c.kind in ("int", "num", "bigint", "text", "varchar") for c in t.cols.values()))
        c = self.pick_col(t, lambda c: c.kind in ("int", "num", "bigint", "text", "varchar"))
        cn = self.constraint_name(t, "ck", c.name)
        if c.kind in ("text", "varchar"):
            cond = "char_length(%s) <= %d" % (c.name, rng.choice([64, 255, 1000]))
        else:
            cond = "%s >= 0" % c.name
        pre = self.lock_timeout(True)
        nv = rng.random() < 0.55
        body = "ALTER TABLE %s ADD CONSTRAINT %s CHECK (%s)%s;" % (t.ref, cn, cond, " NOT VALID" if nv else "")
        if nv:
            t.pending.append((cn, c.name))
        return "check_" + t.slug(), pre + [body], True, False, len(pre) + 1

    def k_not_null(self):
        """SET NOT NULL: the safe pattern (validated CHECK first) or the scanning one."""
        rng = self.rng
        t = self.pick_table(lambda t: any(c.nullable and not c.locked and c.kind in FILL for c in t.cols.values()))
        if t is None:
            return self.k_add_column()
        c = self.pick_col(t, lambda c: c.nullable and not c.locked and c.kind in FILL)
        c.nullable = False
        pre = self.lock_timeout(True)
        fill = "UPDATE %s SET %s = %s WHERE %s IS NULL;" % (t.ref, c.name, FILL[c.kind], c.name)
        if rng.random() < 0.5:
            cn = self.constraint_name(t, "nn", c.name)
            chunks = pre + [
                fill,
                "ALTER TABLE %s ADD CONSTRAINT %s CHECK (%s IS NOT NULL) NOT VALID;" % (t.ref, cn, c.name),
                "ALTER TABLE %s VALIDATE CONSTRAINT %s;" % (t.ref, cn),
                "ALTER TABLE %s ALTER COLUMN %s SET NOT NULL;" % (t.ref, c.name),
                "ALTER TABLE %s DROP CONSTRAINT %s;" % (t.ref, cn),
            ]
        else:
            chunks = pre + [fill, "ALTER TABLE %s ALTER COLUMN %s SET NOT NULL;" % (t.ref, c.name)]
        return "not_null_%s_%s" % (t.slug(), c.name), chunks, True, False, len(chunks)

    def k_function(self):
        rng = self.rng
        t = self.pick_table()
        r = rng.random()
        num = self.pick_col(t, lambda c: c.kind in ("num", "int", "bigint"))
        if r < 0.45:
            fn = self.fresh(t.schema, "%s_total" % t.slug())
            q = self.qualify(t.schema, fn)
            expr = "coalesce(sum(%s), 0)" % num.name if num else "count(*)"
            body = ("CREATE OR REPLACE FUNCTION %s(p_id %s)\nRETURNS numeric\nLANGUAGE plpgsql STABLE\nAS $fn$\n"
                    "DECLARE\n    v_total numeric := 0;\nBEGIN\n"
                    "    SELECT %s INTO v_total FROM %s WHERE id = p_id;\n"
                    "    RETURN v_total;\nEND;\n$fn$;" % (q, t.id_type, expr, t.ref))
        elif r < 0.80:
            fn = self.fresh(t.schema, "archive_%s" % t.slug())
            q = self.qualify(t.schema, fn)
            # The body names DDL in a string literal and in a comment: it drops nothing.
            body = ("CREATE OR REPLACE FUNCTION %s(p_days integer DEFAULT 90)\nRETURNS integer\nLANGUAGE plpgsql\nAS $$\n"
                    "DECLARE\n    n integer;\nBEGIN\n"
                    "    -- never DROP TABLE here; the archive job owns retention\n"
                    "    IF p_days < 1 THEN\n"
                    "        RAISE EXCEPTION 'refusing to archive: DROP TABLE %s; is not allowed either';\n"
                    "    END IF;\n"
                    "    SELECT count(*) INTO n FROM %s;\n"
                    "    RAISE NOTICE 'archived %% rows older than %% days', n, p_days;\n"
                    "    RETURN n;\nEND;\n$$;" % (q, t.slug(), t.ref))
        else:
            fn = self.fresh(t.schema, "%s_count" % t.slug())
            q = self.qualify(t.schema, fn)
            if t.int_id and rng.random() < 0.5:
                # SQL-standard body (PostgreSQL 14+): semicolons outside any quotes.
                body = ("CREATE OR REPLACE FUNCTION %s(p_min %s)\nRETURNS bigint\nLANGUAGE sql STABLE\n"
                        "BEGIN ATOMIC\n    SELECT count(*) FROM %s WHERE id >= p_min;\nEND;" % (q, t.id_type, t.ref))
            else:
                body = ("CREATE OR REPLACE FUNCTION %s()\nRETURNS bigint\nLANGUAGE sql STABLE PARALLEL SAFE\n"
                        "AS $body$ SELECT count(*) FROM %s $body$;" % (q, t.ref))
        self.functions.append(q)
        return "function_" + fn, [body], True, False, 1

    def k_trigger(self):
        rng = self.rng
        t = self.pick_table(lambda t: "updated_at" in t.cols and not t.has_trigger)
        if t is None:
            return self.k_function()
        t.has_trigger = True
        t.cols["updated_at"].locked = True
        fn = self.fresh(t.schema, "touch_%s" % t.slug())
        q = self.qualify(t.schema, fn)
        trg = shorten("trg_%s_touch" % t.slug())
        pre = self.lock_timeout(True) if rng.random() < 0.5 else []
        chunks = pre + [
            "CREATE OR REPLACE FUNCTION %s() RETURNS trigger\nLANGUAGE plpgsql\nAS $$\nBEGIN\n"
            "    IF NEW IS DISTINCT FROM OLD THEN\n        NEW.updated_at := now();\n    END IF;\n"
            "    RETURN NEW;\nEND;\n$$;" % q,
            "CREATE TRIGGER %s\n    BEFORE UPDATE ON %s\n    FOR EACH ROW EXECUTE FUNCTION %s();" % (trg, t.ref, q),
        ]
        return "trigger_" + t.slug(), chunks, True, False, len(chunks)

    def k_do_block(self):
        rng = self.rng
        r = rng.random()
        if r < 0.3:
            schema = rng.choice(SCHEMAS)
            labels = rng.choice(ENUM_SETS)
            name = self.fresh(schema, "%s_state" % rng.choice(NOUNS))
            q = self.qualify(schema, name)
            self.enums.append((q, list(labels)))
            body = ("DO $$\nBEGIN\n    IF NOT EXISTS (SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace\n"
                    "                   WHERE t.typname = '%s' AND n.nspname = '%s') THEN\n"
                    "        CREATE TYPE %s AS ENUM (%s);\n    END IF;\nEND\n$$;"
                    % (name, schema, q, ", ".join("'%s'" % v for v in labels)))
            return "enum_" + name, [body], True, False, 1
        t = self.pick_table()
        if r < 0.55:
            c = self.pick_col(t, lambda c: c.kind in ("int", "num", "bigint"))
            if c is not None:
                cn = self.constraint_name(t, "ck", c.name)
                t.pending.append((cn, c.name))
                body = ("DO $$\nBEGIN\n    ALTER TABLE %s ADD CONSTRAINT %s CHECK (%s >= 0) NOT VALID;\n"
                        "EXCEPTION\n    WHEN duplicate_object THEN\n        RAISE NOTICE 'constraint %s already exists';\nEND\n$$;"
                        % (t.ref, cn, c.name, cn))
                return "guarded_check_" + t.slug(), [body], True, False, 1
        if r < 0.8 and t.int_id:
            c = self.pick_col(t, lambda c: c.kind in ("text", "varchar") and not c.locked)
            if c is not None:
                body = ("DO $$\nDECLARE\n    batch_start bigint := 0;\n    batch_size constant integer := 5000;\n"
                        "    max_id bigint;\nBEGIN\n    SELECT coalesce(max(id), 0) INTO max_id FROM %s;\n"
                        "    WHILE batch_start < max_id LOOP\n"
                        "        UPDATE %s SET %s = trim(%s)\n"
                        "        WHERE id > batch_start AND id <= batch_start + batch_size;\n"
                        "        batch_start := batch_start + batch_size;\n    END LOOP;\nEND\n$$;"
                        % (t.ref, t.ref, c.name, c.name))
                return "batched_trim_" + t.slug(), [body], True, False, 1
        # Dynamic DDL: invisible to a linter that does not look into bodies.
        c = rng.choice([c for c in t.cols.values() if c.kind not in ("json", "bytea", "jsonb", "array")])
        ix = self.fresh(t.schema, "ix_%s_%s_dyn" % (t.slug(), c.name))
        t.indexes.append((ix, self.qualify(t.schema, ix), [c.name]))
        body = ("DO $$\nBEGIN\n    EXECUTE format('CREATE INDEX IF NOT EXISTS %%I ON %%I.%%I (%%I)',\n"
                "                   '%s', '%s', '%s', '%s');\nEND\n$$;" % (ix, t.schema, t.name, c.name))
        return "dynamic_index_" + t.slug(), [body], True, False, 1

    def k_view(self):
        rng = self.rng
        child = self.pick_table(lambda t: t.fk_cols) if rng.random() < 0.6 else None
        self.views += 1
        if child is not None:
            fkc = rng.choice(child.fk_cols)
            parent = self.pick_table(lambda p: shorten("%s_id" % p.slug()) == fkc or fkc.startswith(p.slug() + "_id"))
            cols = [c for c in child.cols.values() if c.kind not in ("json",) and c.name != fkc]
            c1 = rng.choice(cols)
            c1.locked = True
            child.cols[fkc].locked = True
            schema = child.schema
            name = self.fresh(schema, "v_%s_details" % child.slug())
            if parent is not None and parent.id_type == child.cols[fkc].type:
                pc = rng.choice([c for c in parent.cols.values() if c.kind not in ("json",)])
                pc.locked = True
                sel = ("SELECT c.id, c.%s, p.id AS parent_id, p.%s AS parent_%s\nFROM %s c\nJOIN %s p ON p.id = c.%s"
                       % (c1.name, pc.name, pc.name, child.ref, parent.ref, fkc))
            else:
                sel = "SELECT c.id, c.%s, c.%s\nFROM %s c" % (c1.name, fkc, child.ref)
            if "deleted_at" in child.cols:
                child.cols["deleted_at"].locked = True
                sel += "\nWHERE c.deleted_at IS NULL"
        else:
            t = self.pick_table()
            c1 = rng.choice([c for c in t.cols.values() if c.kind not in ("json", "jsonb")])
            c1.locked = True
            schema = rng.choice(["reporting", t.schema])
            name = self.fresh(schema, "v_%s_by_%s" % (t.slug(), c1.name))
            sel = "SELECT %s, count(*) AS n\nFROM %s\nGROUP BY %s" % (c1.name, t.ref, c1.name)
        return "view_" + name, ["CREATE OR REPLACE VIEW %s AS\n%s;" % (self.qualify(schema, name), sel)], True, False, 1

    def k_matview(self):
        rng = self.rng
        if self.matviews and rng.random() < 0.5:
            ref, has_unique = rng.choice(self.matviews)
            conc = has_unique and rng.random() < 0.5
            return ("refresh_" + ref.split(".")[-1], ["REFRESH MATERIALIZED VIEW %s%s;" % ("CONCURRENTLY " if conc else "", ref)],
                    True, False, 1)
        t = self.pick_table()
        c = rng.choice([c for c in t.cols.values() if c.kind not in ("json", "jsonb", "array")])
        c.locked = True
        name = self.fresh("reporting", "mv_%s_by_%s" % (t.slug(), c.name))
        ref = "reporting." + name
        chunks = ["CREATE MATERIALIZED VIEW %s AS\nSELECT %s, count(*) AS n\nFROM %s\nGROUP BY %s;" % (ref, c.name, t.ref, c.name)]
        has_unique = rng.random() < 0.6
        if has_unique:
            ix = self.fresh("reporting", "ux_%s" % name)
            chunks.append("CREATE UNIQUE INDEX %s ON %s (%s);" % (ix, ref, c.name))
        self.matviews.append((ref, has_unique))
        return "matview_" + name, chunks, True, False, len(chunks)

    def k_comment(self):
        rng = self.rng
        t = self.pick_table()
        chunks = []
        if rng.random() < 0.5:
            chunks.append("COMMENT ON TABLE %s IS '%s';" % (t.ref, self.comment_text(t)))
        for c in rng.sample(list(t.cols.values()), min(len(t.cols), rng.randint(1, 3))):
            chunks.append("COMMENT ON COLUMN %s.%s IS '%s';" % (t.ref, c.name, rng.choice([
                "Set by the %s job; NULL until then." % rng.choice(NOUNS),
                "Free text; may contain '';'' and quotes like ''this''.",
                "Deprecated, use %s instead." % rng.choice(COLUMNS)[0],
                "In the account''s currency.", "UTC."])))
        return "comment_" + t.slug(), chunks, True, False, len(chunks)

    def k_backfill(self):
        rng = self.rng
        t = self.pick_table()
        c = self.pick_col(t, lambda c: c.kind in FILL and not c.locked and c.kind != "uuid")
        if c is None:
            return self.k_comment()
        r = rng.random()
        chunks = []
        if rng.random() < 0.3:
            chunks.append("SET LOCAL statement_timeout = '%dmin';" % rng.choice([5, 30]))
        if r < 0.45:  # the whole table in one statement
            chunks.append("UPDATE %s\nSET %s = %s\nWHERE %s IS NULL;" % (t.ref, c.name, FILL[c.kind], c.name))
        elif r < 0.75 and t.int_id:  # one batch, by primary key range
            lo = rng.randrange(0, 10 ** 6, 1000)
            chunks.append("UPDATE %s SET %s = %s\nWHERE id BETWEEN %d AND %d AND %s IS NULL;"
                          % (t.ref, c.name, FILL[c.kind], lo + 1, lo + 10000, c.name))
        elif r < 0.9 and "deleted_at" in t.cols:
            chunks.append("DELETE FROM %s\nWHERE deleted_at < now() - interval '%d days';" % (t.ref, rng.choice([30, 90, 365])))
        else:
            chunks.append("WITH stale AS (\n    SELECT id FROM %s WHERE %s IS NULL LIMIT 1000\n)\n"
                          "UPDATE %s AS t SET %s = %s\nFROM stale WHERE t.id = stale.id;"
                          % (t.ref, c.name, t.ref, c.name, FILL[c.kind]))
        return "backfill_" + t.slug(), chunks, True, False, len(chunks)

    def k_enum_domain(self):
        rng = self.rng
        r = rng.random()
        if r < 0.35 or not self.enums:
            schema = rng.choice(SCHEMAS)
            labels = rng.choice(ENUM_SETS)
            name = self.fresh(schema, "%s_status" % rng.choice(NOUNS))
            q = self.qualify(schema, name)
            self.enums.append((q, list(labels)))
            return "type_" + name, ["CREATE TYPE %s AS ENUM (%s);" % (q, ", ".join("'%s'" % v for v in labels))], True, False, 1
        if r < 0.5:
            schema = rng.choice(SCHEMAS)
            base = rng.choice(["positive_amount", "percentage", "short_code"])
            name = self.fresh(schema, base)
            q = self.qualify(schema, name)
            body = {"positive_amount": "CREATE DOMAIN %s AS numeric(12,2) CHECK (VALUE >= 0);",
                    "percentage": "CREATE DOMAIN %s AS numeric(5,2) NOT NULL DEFAULT 0 CHECK (VALUE BETWEEN 0 AND 100);",
                    "short_code": "CREATE DOMAIN %s AS text CHECK (VALUE ~ '^[A-Z0-9_]{1,16}$');"}[base] % q
            return "domain_" + name, [body], True, False, 1
        q, labels = rng.choice(self.enums)
        new = "%s_%d" % (rng.choice(["archived", "on_hold", "escalated", "expired"]), len(labels))
        labels.append(new)
        chunks = ["ALTER TYPE %s ADD VALUE IF NOT EXISTS '%s';" % (q, new)]
        if r < 0.8:  # a column of the type on an existing table
            t = self.pick_table()
            col = self.fresh_col(t, "state")
            chunks.append("ALTER TABLE %s ADD COLUMN %s %s;" % (t.ref, col, q))
            t.cols[col] = Column(col, q, "enum", True)
            t.cols[col].locked = True
            return "enum_value_" + new, chunks, True, False, 2
        if r < 0.9:  # using the value in the same transaction: fails when wrapped
            t = self.pick_table()
            col = self.fresh_col(t, "state")
            chunks.append("ALTER TABLE %s ADD COLUMN %s %s;" % (t.ref, col, q))
            chunks.append("UPDATE %s SET %s = '%s' WHERE %s IS NULL;" % (t.ref, col, new, col))
            t.cols[col] = Column(col, q, "enum", True)
            t.cols[col].locked = True
            return "enum_value_" + new, chunks, True, True, 3
        return "enum_value_" + new, chunks, False, False, 1

    def k_partition(self):
        rng = self.rng
        if not self.partitioned or rng.random() < 0.3:
            t = self.new_table(schema=rng.choice(["public", "ops", "reporting"]))
            t.name = self.fresh(t.schema, "%s_log" % t.name.lower().replace('"', ""))
            t.quoted = False
            months = [0, 1]
            chunks = ["CREATE TABLE %s (\n    id bigserial,\n    created_at timestamptz NOT NULL DEFAULT now(),\n"
                      "    %s_id bigint,\n    payload jsonb NOT NULL DEFAULT '{}'::jsonb,\n"
                      "    PRIMARY KEY (id, created_at)\n) PARTITION BY RANGE (created_at);" % (t.ref, rng.choice(NOUNS))]
            for m in months:
                chunks.append(self.partition_sql(t, m))
            self.partitioned.append((t, months))
            return "partitioned_" + t.name, chunks, True, False, len(chunks)
        t, months = rng.choice(self.partitioned)
        r = rng.random()
        if r < 0.55:
            m = months[-1] + 1
            months.append(m)
            return "partition_%s_%s" % (t.name, self.month(m)[0]), [self.partition_sql(t, m)], True, False, 1
        if r < 0.75 and len(months) > 2:  # detach the oldest (blocking form or CONCURRENTLY)
            m = months.pop(0)
            part = self.partition_ref(t, m)
            if rng.random() < 0.5:
                return ("detach_%s" % part.split(".")[-1], ["ALTER TABLE %s DETACH PARTITION %s CONCURRENTLY;" % (t.ref, part)],
                        False, False, 1)
            pre = self.lock_timeout(True)
            return "detach_%s" % part.split(".")[-1], pre + ["ALTER TABLE %s DETACH PARTITION %s;" % (t.ref, part)], True, False, len(pre) + 1
        # build next month's table on the side, then attach it
        m = months[-1] + 1
        months.append(m)
        part = self.partition_ref(t, m)
        lo, hi = self.month(m)[1], self.month(m + 1)[1]
        chunks = ["CREATE TABLE %s (LIKE %s INCLUDING DEFAULTS INCLUDING CONSTRAINTS);" % (part, t.ref)]
        if rng.random() < 0.5:
            cn = shorten("%s_bound" % part.split(".")[-1])
            chunks.append("ALTER TABLE %s ADD CONSTRAINT %s\n    CHECK (created_at >= '%s' AND created_at < '%s');"
                          % (part, cn, lo, hi))
        chunks.append("ALTER TABLE %s ATTACH PARTITION %s\n    FOR VALUES FROM ('%s') TO ('%s');" % (t.ref, part, lo, hi))
        return "attach_%s" % part.split(".")[-1], chunks, True, False, len(chunks)

    @staticmethod
    def month(m):
        y, mo = 2023 + m // 12, m % 12 + 1
        return "%04d_%02d" % (y, mo), "%04d-%02d-01" % (y, mo)

    def partition_ref(self, t, m):
        return self.qualify(t.schema, shorten("%s_%s" % (t.name, self.month(m)[0])))

    def partition_sql(self, t, m):
        return "CREATE TABLE %s PARTITION OF %s\n    FOR VALUES FROM ('%s') TO ('%s');" % (
            self.partition_ref(t, m), t.ref, self.month(m)[1], self.month(m + 1)[1])

    def k_staging(self):
        rng = self.rng
        if self.staging and rng.random() < 0.5:
            t = self.staging.pop(0)
            if rng.random() < 0.3:
                return "truncate_" + t.name, ["TRUNCATE %s%s;" % (t.ref, " CASCADE" if rng.random() < 0.3 else "")], True, False, 1
            return "drop_" + t.name, ["DROP TABLE IF EXISTS %s;" % t.ref], True, False, 1
        t = self.new_table(staging=True)
        target = self.pick_table()
        cols = ["    id bigint", "    raw_line text NOT NULL", "    loaded_at timestamptz NOT NULL DEFAULT now()",
                "    %s_ref text" % target.slug()[:40]]
        self.staging.append(t)
        chunks = ["CREATE UNLOGGED TABLE %s (\n%s\n);" % (t.ref, ",\n".join(cols))]
        return "staging_" + t.name, chunks, True, False, 1

    def k_lookup(self):
        rng = self.rng
        schema = rng.choice(SCHEMAS)
        noun = rng.choice(NOUNS)
        name = self.fresh(schema, "%s_types" % noun)
        q = self.qualify(schema, name)
        codes = rng.sample(["standard", "express", "internal", "partner", "trial", "legacy", "vip"], rng.randint(2, 4))
        rows = ",\n    ".join("('%s', '%s', %d)" % (c, c.capitalize(), i + 1) for i, c in enumerate(codes))
        chunks = ["CREATE TABLE %s (\n    code text PRIMARY KEY,\n    label text NOT NULL,\n    sort_order smallint NOT NULL DEFAULT 0\n);" % q,
                  "INSERT INTO %s (code, label, sort_order) VALUES\n    %s\nON CONFLICT (code) DO NOTHING;" % (q, rows)]
        return "lookup_" + name, chunks, True, False, 2

    def k_unsafe(self):
        """A rarer risky statement on an existing table."""
        rng = self.rng
        t = self.pick_table()
        pre = self.lock_timeout(True)
        r = rng.random()
        free = [c for c in t.cols.values() if not c.locked and c.name != "id"]
        if r < 0.18:
            c = self.pick_col(t, lambda c: not c.locked and c.kind in ("int", "text", "varchar"))
            if c is not None:
                if c.kind == "int":
                    body, c.type, c.kind = "ALTER TABLE %s ALTER COLUMN %s TYPE bigint;" % (t.ref, c.name), "bigint", "bigint"
                elif c.kind == "varchar":
                    body, c.type, c.kind = "ALTER TABLE %s ALTER COLUMN %s TYPE text;" % (t.ref, c.name), "text", "text"
                else:
                    body = "ALTER TABLE %s ALTER COLUMN %s TYPE varchar(500) USING left(%s, 500);" % (t.ref, c.name, c.name)
                    c.type, c.kind = "varchar(500)", "varchar"
                return "retype_%s_%s" % (t.slug(), c.name), pre + [body], True, False, len(pre) + 1
        if r < 0.32 and free:
            c = rng.choice(free)
            new = self.fresh_col(t, c.name + "_old" if rng.random() < 0.5 else "legacy_" + c.name)
            del t.cols[c.name]
            old = c.name
            c.name = new
            t.cols[new] = c
            t.indexes = [(i, q, [new if u == old else u for u in used]) for i, q, used in t.indexes]
            t.pending = [(cn, new if col == old else col) for cn, col in t.pending]
            return "rename_%s_%s" % (t.slug(), old), pre + ["ALTER TABLE %s RENAME COLUMN %s TO %s;" % (t.ref, old, new)], True, False, len(pre) + 1
        if r < 0.46 and len(free) > 2:
            c = rng.choice(free)
            del t.cols[c.name]
            t.indexes = [i for i in t.indexes if c.name not in i[2]]  # dropped with the column
            t.pending = [p for p in t.pending if p[1] != c.name]
            return "drop_%s_%s" % (t.slug(), c.name), pre + ["ALTER TABLE %s DROP COLUMN %s%s;" % (
                t.ref, "IF EXISTS " if rng.random() < 0.3 else "", c.name)], True, False, len(pre) + 1
        if r < 0.56:
            c = self.pick_col(t, lambda c: c.kind in ("text", "varchar", "int") and not c.locked)
            if c is not None:
                cn = self.constraint_name(t, "uq", c.name)
                return "unique_%s_%s" % (t.slug(), c.name), pre + ["ALTER TABLE %s ADD CONSTRAINT %s UNIQUE (%s);" % (t.ref, cn, c.name)], True, False, len(pre) + 1
        if r < 0.64:
            c = self.pick_col(t, lambda c: not c.nullable and not c.locked and c.kind not in ("status",))
            if c is not None:
                c.nullable = True
                return "nullable_%s_%s" % (t.slug(), c.name), pre + ["ALTER TABLE %s ALTER COLUMN %s DROP NOT NULL;" % (t.ref, c.name)], True, False, len(pre) + 1
        if r < 0.72:
            mode = rng.choice(["SHARE", "SHARE ROW EXCLUSIVE", "ACCESS EXCLUSIVE", ""])
            c = self.pick_col(t, lambda c: c.kind in FILL and c.nullable and not c.locked and c.kind != "uuid")
            chunks = pre + ["LOCK TABLE %s%s;" % (t.ref, " IN %s MODE" % mode if mode else "")]
            if c is not None:
                chunks.append("UPDATE %s SET %s = %s WHERE %s IS NULL;" % (t.ref, c.name, FILL[c.kind], c.name))
            return "lock_" + t.slug(), chunks, True, False, len(chunks)
        if r < 0.80 and t.indexes:
            ix, qix, _ = rng.choice(t.indexes)
            if rng.random() < 0.5:
                return "reindex_" + ix, ["REINDEX INDEX CONCURRENTLY %s;" % qix], False, False, 1
            return "reindex_" + ix, pre + ["REINDEX INDEX %s;" % qix], True, False, len(pre) + 1
        if r < 0.86:
            how = rng.choice(["SET (fillfactor = 90)", "SET (autovacuum_vacuum_scale_factor = 0.02)", "SET TABLESPACE pg_default",
                              "ALTER COLUMN %s SET STATISTICS 500" % rng.choice(list(t.cols))])
            return "tune_" + t.slug(), pre + ["ALTER TABLE %s %s;" % (t.ref, how)], True, False, len(pre) + 1
        if r < 0.92:
            # explicit transaction control in a migration strata already wraps
            c = self.pick_col(t, lambda c: c.kind in ("int", "num", "bigint"))
            stmt = ("UPDATE %s SET %s = 0 WHERE %s < 0;" % (t.ref, c.name, c.name)) if c else "ANALYZE %s;" % t.ref
            return "explicit_tx_" + t.slug(), ["BEGIN;", stmt, "COMMIT;"], True, False, 3
        if r < 0.96:
            # A rename with a compatibility view under the old name.
            old = t.name
            new = self.fresh(t.schema, "%s_v2" % t.name.lower())[:PG_MAX_IDENT]
            oldref = t.ref
            t.name, t.quoted = new, False
            for c in t.cols.values():  # SELECT * depends on every column there is now
                c.locked = True
            return ("rename_" + old.lower(), pre + ["ALTER TABLE %s RENAME TO %s;" % (oldref, new),
                                                    "CREATE VIEW %s AS SELECT * FROM %s;" % (oldref, t.ref)],
                    True, False, len(pre) + 2)
        return "analyze_" + t.slug(), ["ANALYZE %s;" % t.ref], True, False, 1

    KINDS = [  # (method, weight)
        ("k_create_table", 16), ("k_add_column", 12), ("k_alter_multi", 7), ("k_create_index", 13),
        ("k_drop_index", 2), ("k_foreign_key", 5), ("k_validate", 4), ("k_check", 3), ("k_not_null", 2),
        ("k_function", 5), ("k_trigger", 2), ("k_do_block", 4), ("k_view", 5), ("k_matview", 1.5),
        ("k_comment", 4), ("k_backfill", 5), ("k_enum_domain", 2), ("k_partition", 1.5), ("k_staging", 1.5),
        ("k_lookup", 1), ("k_unsafe", 5),
    ]

    def migration(self, i):
        if len(self.tables) < 4:
            return "k_create_table", self.k_create_table()
        r = self.rng.random() * sum(w for _, w in self.KINDS)
        for kind, w in self.KINDS:
            r -= w
            if r < 0:
                break
        return kind, getattr(self, kind)()

    def schemas_sql(self):
        return ["CREATE SCHEMA IF NOT EXISTS %s;" % s for s in dict.fromkeys(SCHEMAS) if s != "public"]


def slugify(s, limit=48):
    out = "".join(ch if ch.isalnum() or ch == "_" else "_" for ch in s.lower()).strip("_")
    while "__" in out:
        out = out.replace("__", "_")
    return out[:limit].rstrip("_") or "migration"


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True, help="output directory (replaced if it exists)")
    ap.add_argument("--n", type=int, default=17000, help="number of migrations (default 17000)")
    ap.add_argument("--seed", type=int, default=42)
    a = ap.parse_args(argv)
    if a.n < 1:
        ap.error("--n must be at least 1")

    gen = Generator(a.seed)
    rng = gen.rng
    width = max(5, len(str(a.n)))
    files = []          # (id, text)
    psql = ["\\set ON_ERROR_STOP 1", "SET client_min_messages = warning;"]
    kinds, expect_error = {}, []
    statements = notx = 0
    parent = None
    for i in range(1, a.n + 1):
        if i == 1:
            kind, (slug, chunks, transactional, tx_error, n_stmts) = "schemas", (
                "create_schemas", gen.schemas_sql(), True, False, len(gen.schemas_sql()))
        else:
            kind, (slug, chunks, transactional, tx_error, n_stmts) = gen.migration(i)
        assert n_stmts == len(chunks), (kind, n_stmts, chunks)  # one statement per chunk
        kind = kind[2:] if kind.startswith("k_") else kind
        kinds[kind] = kinds.get(kind, 0) + 1
        statements += n_stmts
        mid = "%0*d_%s" % (width, i, slugify(slug))
        head = []
        if rng.random() < 0.45:
            head.append("-- %s-%d: %s" % (rng.choice(TICKETS), rng.randint(100, 9999), slug.replace("_", " ")))
        if parent is not None:
            head.append("-- strata:parent %s" % parent)
        if not transactional:
            head.append("-- strata:no-transaction")
            notx += 1
        head.append("-- strata:up")
        files.append((mid, "\n".join(head + chunks) + "\n"))
        body = "\n".join(chunks)
        psql.append("\\echo %s" % mid if i % 1000 == 0 else "-- %s" % mid)
        if transactional and not tx_error:
            psql += ["BEGIN;", body, "COMMIT;"]
        else:
            if tx_error:
                expect_error.append(mid)
            psql.append(body)
        parent = mid

    if os.path.exists(a.out):
        shutil.rmtree(a.out)
    mdir = os.path.join(a.out, "migrations")
    os.makedirs(mdir)
    lines = size = 0
    for mid, text in files:
        with open(os.path.join(mdir, mid + ".sql"), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        lines += text.count("\n")
        size += len(text.encode("utf-8"))
    with open(os.path.join(a.out, "apply_all.psql"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(psql) + "\n")
    manifest = {
        "n": a.n, "seed": a.seed, "files": len(files), "lines": lines, "bytes": size,
        "statements": statements, "no_transaction_migrations": notx,
        "lines_per_migration": round(lines / len(files), 2), "kinds": dict(sorted(kinds.items())),
        "expect_error_in_transaction": expect_error,
    }
    with open(os.path.join(a.out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")
    print("%d migrations, %d lines, %d statements, %.1f MB in %s" % (len(files), lines, statements, size / 1e6, mdir))


if __name__ == "__main__":
    main(sys.argv[1:])
