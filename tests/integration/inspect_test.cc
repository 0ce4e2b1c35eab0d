// The Inspectors on real databases of both engines: every kind of object is
// read with its attributes, strata's own tables and extension members are
// left out, a hand change to each kind of object shows up in `diff`, and the
// binary's `inspect` and `diff` exit with the documented codes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "base/sha256.h"
#include "drivers/registry/inspector_registry.h"
#include "integration/test_database.h"
#include "schema/diff.h"

namespace strata::testing {
namespace {

using nlohmann::json;
using Strings = std::vector<std::string>;

// The same shop on each engine, with every kind of object the engine has.
const char* kPostgresShop = R"sql(
CREATE EXTENSION pgcrypto;
CREATE SCHEMA app;
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN email AS text NOT NULL CONSTRAINT has_at CHECK (VALUE LIKE '%@%');
CREATE SEQUENCE app.counter START 10 INCREMENT 5 CYCLE;
CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email email UNIQUE,
  name varchar(20) COLLATE "C" DEFAULT 'anon', m mood, total numeric GENERATED ALWAYS AS (id * 2) STORED,
  CONSTRAINT name_len CHECK (length(name) > 0));
CREATE UNLOGGED TABLE app.cache (k text PRIMARY KEY, v jsonb);
CREATE TABLE orders (id serial PRIMARY KEY, user_id bigint, note text, legacy int, period tsrange,
  created_at timestamptz NOT NULL DEFAULT now(), CONSTRAINT no_overlap EXCLUDE USING gist (period WITH &&));
ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id)
  ON DELETE CASCADE ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED NOT VALID;
CREATE INDEX orders_note_idx ON orders (lower(note) DESC NULLS LAST, note text_pattern_ops)
  INCLUDE (created_at) WHERE note IS NOT NULL;
CREATE UNIQUE INDEX users_name_idx ON users (name) NULLS NOT DISTINCT;
CREATE TABLE events (id int, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE VIEW active_users AS SELECT id, email FROM users WHERE m = 'happy';
CREATE MATERIALIZED VIEW order_counts AS SELECT user_id, count(*) FROM orders GROUP BY user_id;
CREATE FUNCTION add(a integer, b integer) RETURNS integer LANGUAGE sql IMMUTABLE STRICT AS 'SELECT a + b';
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN NEW.note := 'x'; RETURN NEW; END$$;
CREATE PROCEDURE app.noop() LANGUAGE sql BEGIN ATOMIC SELECT 1; END;
CREATE TRIGGER orders_touch BEFORE INSERT OR UPDATE OF note ON orders FOR EACH ROW EXECUTE FUNCTION touch();
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON users AS RESTRICTIVE FOR SELECT TO public USING (id > 0);
CREATE TABLE "Mixed Case" ("Id" int);
)sql";

const char* kSqliteShop = R"sql(
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, name VARCHAR(20) DEFAULT 'anon',
  total REAL GENERATED ALWAYS AS (id * 2) STORED);
CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id) ON DELETE CASCADE,
  note TEXT, "Created At" TEXT);
CREATE TABLE items (id INTEGER PRIMARY KEY, order_id INTEGER REFERENCES orders (id));
CREATE INDEX orders_note_idx ON orders (lower(note) DESC, user_id) WHERE note IS NOT NULL;
CREATE VIEW active_users AS SELECT id, email FROM users;
CREATE TRIGGER orders_touch AFTER INSERT ON orders BEGIN UPDATE orders SET note = 'x' WHERE id = NEW.id; END;
CREATE TABLE pairs (a TEXT, b TEXT, PRIMARY KEY (b, a)) WITHOUT ROWID;
CREATE TABLE typed (x INTEGER) STRICT;
)sql";

schema::Catalog InspectUrl(const std::string& url, const DriverOptions& options = {}) {
  auto inspector = drivers::OpenInspector(url, options);
  if (!inspector.ok()) throw std::runtime_error(inspector.status().ToString());
  auto catalog = (*inspector)->Inspect();
  if (!catalog.ok()) throw std::runtime_error(catalog.status().ToString());
  return std::move(catalog).value();
}

// The item of `items` whose name (and schema, when given) match; fails the
// test when there is none.
template <typename T>
const T& Named(const std::vector<T>& items, const std::string& name,
               const std::string& schema = "") {
  for (const T& item : items) {
    if (item.name != name) continue;
    if constexpr (requires { item.schema; }) {
      if (!schema.empty() && item.schema != schema) continue;
    }
    return item;
  }
  throw std::runtime_error("no object named " + name);
}

template <typename T>
bool Has(const std::vector<T>& items, const std::string& name) {
  for (const T& item : items) {
    if (item.name == name) return true;
  }
  return false;
}

Strings Lines(const std::vector<schema::Difference>& diffs) {
  Strings out;
  for (const auto& d : diffs)
    out.push_back(schema::ChangeKindName(d.change) + (" " + d.kind) + " " + d.name);
  return out;
}

// Each engine's own kinds of object, one test per engine.
class InspectEngine : public WorkspaceTest<::testing::Test> {};

TEST_F(InspectEngine, PostgresSeesEveryObjectKindWithItsAttributes) {
  Open(Engine::kPostgres);
  db_->Exec(kPostgresShop);
  // A failed CREATE INDEX CONCURRENTLY leaves an INVALID index.
  db_->Exec("CREATE TABLE dup (x int); INSERT INTO dup VALUES (1), (1)");
  EXPECT_THROW(db_->Exec("CREATE UNIQUE INDEX CONCURRENTLY dup_x ON dup (x)"), std::runtime_error);
  schema::Catalog c = InspectUrl(db_->url());

  EXPECT_EQ(c.dialect, "postgres");
  EXPECT_TRUE(Has(c.schemas, "app") && Has(c.schemas, "public"));
  EXPECT_TRUE(Has(c.extensions, "pgcrypto") && Has(c.extensions, "plpgsql"));
  EXPECT_EQ(Named(c.types, "mood").labels, (Strings{"sad", "ok", "happy"}));
  const auto& email = Named(c.types, "email");
  EXPECT_EQ(email.kind, "domain");
  EXPECT_EQ(email.base_type, "text");
  EXPECT_TRUE(email.not_null);
  EXPECT_EQ(email.checks, Strings{"has_at CHECK (VALUE ~~ '%@%'::text)"});

  const auto& counter = Named(c.sequences, "counter", "app");
  EXPECT_EQ(counter.start, 10);
  EXPECT_EQ(counter.increment, 5);
  EXPECT_TRUE(counter.cycle);
  EXPECT_EQ(Named(c.sequences, "orders_id_seq").owned_by, "public.orders.id");
  EXPECT_FALSE(Has(c.sequences, "users_id_seq"));  // an identity column's own

  const auto& users = Named(c.tables, "users");
  EXPECT_TRUE(users.rls_enabled);
  EXPECT_EQ(Named(users.columns, "id").identity, "always");
  const auto& name = Named(users.columns, "name");
  EXPECT_EQ(name.position, 3);
  EXPECT_EQ(name.type, "character varying(20)");
  EXPECT_EQ(name.collation, "\"C\"");
  EXPECT_EQ(name.default_expr, "'anon'::character varying");
  EXPECT_EQ(Named(users.columns, "total").generated, "(id * 2)");
  EXPECT_EQ(Named(users.columns, "email").type, "public.email");
  EXPECT_EQ(Named(users.constraints, "users_pkey").columns, Strings{"id"});
  EXPECT_EQ(Named(users.constraints, "users_email_key").kind, schema::ConstraintKind::kUnique);
  EXPECT_EQ(Named(users.constraints, "name_len").definition, "CHECK (length(name::text) > 0)");
  EXPECT_EQ(Named(c.tables, "cache", "app").persistence, "unlogged");
  EXPECT_EQ(Named(c.tables, "events").partition_key, "RANGE (at)");
  EXPECT_EQ(Named(c.tables, "events_2024").partition_of, "public.events");

  const auto& orders = Named(c.tables, "orders");
  EXPECT_NE(Named(orders.columns, "id").default_expr.find("nextval"), std::string::npos);
  const auto& fk = Named(orders.constraints, "orders_user_fk");
  EXPECT_EQ(fk.kind, schema::ConstraintKind::kForeignKey);
  EXPECT_EQ(fk.columns, Strings{"user_id"});
  EXPECT_EQ(fk.ref_schema + "." + fk.ref_table, "public.users");
  EXPECT_EQ(fk.ref_columns, Strings{"id"});
  EXPECT_EQ(fk.on_delete, "cascade");
  EXPECT_EQ(fk.on_update, "set null");
  EXPECT_TRUE(fk.deferrable && fk.initially_deferred);
  EXPECT_FALSE(fk.valid);
  EXPECT_EQ(Named(orders.constraints, "no_overlap").kind, schema::ConstraintKind::kExclusion);

  const auto& note_idx = Named(c.indexes, "orders_note_idx");
  EXPECT_EQ(note_idx.method, "btree");
  EXPECT_EQ(note_idx.keys, (Strings{"lower(note) DESC NULLS LAST", "note text_pattern_ops"}));
  EXPECT_EQ(note_idx.include, Strings{"created_at"});
  EXPECT_EQ(note_idx.predicate, "(note IS NOT NULL)");
  EXPECT_TRUE(Named(c.indexes, "users_name_idx").unique);
  EXPECT_TRUE(Named(c.indexes, "users_name_idx").nulls_not_distinct);
  EXPECT_FALSE(Named(c.indexes, "dup_x").valid);
  EXPECT_FALSE(Has(c.indexes, "users_pkey"));  // it is the constraint

  EXPECT_FALSE(Named(c.views, "active_users").materialized);
  EXPECT_TRUE(Named(c.views, "order_counts").materialized);
  EXPECT_NE(Named(c.views, "order_counts").definition.find("count(*)"), std::string::npos);
  const auto& add = Named(c.functions, "add");
  EXPECT_EQ(add.arguments, "a integer, b integer");
  EXPECT_EQ(add.result, "integer");
  EXPECT_EQ(add.language, "sql");
  EXPECT_EQ(add.volatility, "immutable");
  EXPECT_TRUE(add.strict);
  EXPECT_EQ(add.body_sha256, base::Sha256Hex("SELECT a + b"));
  EXPECT_EQ(Named(c.functions, "noop", "app").kind, "procedure");
  EXPECT_FALSE(Has(c.functions, "digest"));  // pgcrypto's
  EXPECT_NE(Named(c.triggers, "orders_touch").definition.find("BEFORE INSERT OR UPDATE OF note"),
            std::string::npos);
  const auto& policy = Named(c.policies, "own_rows");
  EXPECT_FALSE(policy.permissive);
  EXPECT_EQ(policy.command, "select");
  EXPECT_EQ(policy.using_expr, "(id > 0)");
  EXPECT_EQ(Named(c.tables, "Mixed Case").columns.at(0).name, "Id");
}

TEST_F(InspectEngine, SqliteSeesEveryObjectKindWithItsAttributes) {
  Open(Engine::kSqlite);
  db_->Exec(kSqliteShop);
  schema::Catalog c = InspectUrl(db_->url());
  EXPECT_EQ(c.dialect, "sqlite");
  const auto& users = Named(c.tables, "users");
  EXPECT_EQ(Named(users.constraints, "primary key").columns, Strings{"id"});
  EXPECT_EQ(Named(users.constraints, "unique (email)").columns, Strings{"email"});
  EXPECT_TRUE(Named(users.columns, "email").not_null);
  EXPECT_EQ(Named(users.columns, "name").type, "VARCHAR(20)");
  EXPECT_EQ(Named(users.columns, "name").default_expr, "'anon'");
  EXPECT_EQ(Named(users.columns, "total").generated, "stored");
  const auto& fk =
      Named(Named(c.tables, "orders").constraints, "foreign key (user_id) references users");
  EXPECT_EQ(fk.ref_columns, Strings{"id"});
  EXPECT_EQ(fk.on_delete, "cascade");
  EXPECT_EQ(Named(Named(c.tables, "orders").columns, "Created At").position, 4);
  EXPECT_EQ(Named(Named(c.tables, "pairs").constraints, "primary key").columns,
            (Strings{"b", "a"}));
  EXPECT_TRUE(Named(c.tables, "pairs").without_rowid);
  EXPECT_TRUE(Named(c.tables, "typed").strict);
  const auto& index = Named(c.indexes, "orders_note_idx");
  EXPECT_EQ(index.keys, (Strings{"lower(note) DESC", "user_id"}));
  EXPECT_EQ(index.predicate, "note IS NOT NULL");
  EXPECT_EQ(c.indexes.size(), 1u);  // no sqlite_autoindex_*
  EXPECT_EQ(Named(c.views, "active_users").definition,
            "CREATE VIEW active_users AS SELECT id, email FROM users");
  EXPECT_EQ(Named(c.triggers, "orders_touch").table, "orders");
}

// The same scenarios on both engines.
class Inspect : public WorkspaceTest<::testing::TestWithParam<Engine>> {
 protected:
  void SetUp() override { Open(GetParam()); }
  bool pg() const { return GetParam() == Engine::kPostgres; }
  const char* Shop() const { return pg() ? kPostgresShop : kSqliteShop; }
};

TEST_P(Inspect, StrataTablesAreLeftOut) {
  Write("m1.sql", "-- strata:up\nCREATE TABLE from_migration (x int);\n");
  std::vector<std::string> args = {"up"};
  if (pg()) args = {"--schema", "strata_meta", "--lock-mode", "lease", "up"};
  CommandResult up = Strata(args);
  ASSERT_EQ(up.exit_code, 0) << up.err;
  DriverOptions options;
  if (pg()) options.ledger_schema = "strata_meta";
  schema::Catalog c = InspectUrl(db_->url(), options);
  ASSERT_EQ(c.tables.size(), 1u);
  EXPECT_EQ(c.tables[0].name, "from_migration");
  EXPECT_TRUE(c.indexes.empty());
  EXPECT_FALSE(Has(c.schemas, "strata_meta"));
}

TEST_P(Inspect, HandChangesToEachObjectKindShowUpInDiff) {
  TempDir other;
  std::unique_ptr<TestDatabase> changed = MakeTestDatabase(GetParam(), other.path());
  db_->Exec(Shop());
  changed->Exec(Shop());
  EXPECT_TRUE(schema::Diff(InspectUrl(db_->url()), InspectUrl(changed->url())).empty());
  Strings expected;
  if (pg()) {
    changed->Exec(R"sql(
      CREATE SCHEMA extra_schema; CREATE EXTENSION citext;
      ALTER TYPE mood ADD VALUE 'ecstatic'; ALTER DOMAIN email DROP NOT NULL;
      ALTER SEQUENCE app.counter INCREMENT BY 7;
      DROP TABLE app.cache; CREATE TABLE extra (x int); ALTER TABLE users DISABLE ROW LEVEL SECURITY;
      ALTER TABLE users ALTER COLUMN name TYPE varchar(40), ALTER COLUMN name SET DEFAULT 'x';
      ALTER TABLE orders ADD COLUMN extra_col int, DROP COLUMN legacy;
      ALTER TABLE users DROP CONSTRAINT name_len, ADD CONSTRAINT name_len CHECK (length(name) > 1);
      ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;
      DROP INDEX orders_note_idx; CREATE INDEX users_email_idx ON users (email);
      CREATE OR REPLACE VIEW active_users AS SELECT id, email, name FROM users WHERE m = 'happy';
      DROP MATERIALIZED VIEW order_counts;
      CREATE MATERIALIZED VIEW order_counts AS SELECT user_id FROM orders;
      CREATE OR REPLACE FUNCTION add(a integer, b integer) RETURNS integer LANGUAGE sql STABLE STRICT
        AS 'SELECT a + b + 0';
      ALTER TABLE orders DISABLE TRIGGER orders_touch;
      ALTER POLICY own_rows ON users USING (id > 10);
    )sql");
    expected = {"added schema extra_schema",
                "added extension citext",
                "changed type public.email",
                "changed type public.mood",
                "changed sequence app.counter",
                "removed table app.cache",
                "added table public.extra",
                "changed table public.users",
                "added column public.orders.extra_col",
                "removed column public.orders.legacy",
                "changed column public.users.name",
                "changed constraint public.orders.orders_user_fk",
                "changed constraint public.users.name_len",
                "removed index public.orders_note_idx",
                "added index public.users_email_idx",
                "changed view public.active_users",
                "changed view public.order_counts",
                "changed function public.add(a integer, b integer)",
                "changed trigger public.orders.orders_touch",
                "changed policy public.users.own_rows"};
  } else {
    changed->Exec(R"sql(
      CREATE TABLE extra (x); DROP TABLE pairs;
      ALTER TABLE users ADD COLUMN age INTEGER; ALTER TABLE orders DROP COLUMN "Created At";
      DROP TABLE typed; CREATE TABLE typed (x TEXT NOT NULL DEFAULT 'a') STRICT;
      DROP TABLE items;
      CREATE TABLE items (id INTEGER PRIMARY KEY, order_id INTEGER REFERENCES orders (id) ON DELETE SET NULL);
      DROP INDEX orders_note_idx; CREATE INDEX orders_note_idx ON orders (user_id);
      CREATE UNIQUE INDEX users_name ON users (name);
      DROP VIEW active_users; CREATE VIEW active_users AS SELECT id FROM users;
      DROP TRIGGER orders_touch;
    )sql");
    expected = {"added table main.extra",
                "removed table main.pairs",
                "removed column main.orders.\"Created At\"",
                "changed column main.typed.x",
                "added column main.users.age",
                "changed constraint main.items.\"foreign key (order_id) references orders\"",
                "changed index main.orders_note_idx",
                "added index main.users_name",
                "changed view main.active_users",
                "removed trigger main.orders.orders_touch"};
  }
  std::vector<schema::Difference> diffs =
      schema::Diff(InspectUrl(db_->url()), InspectUrl(changed->url()));
  EXPECT_EQ(Lines(diffs), expected);
  for (const auto& d : diffs) {
    if (d.change == schema::ChangeKind::kChanged) {
      EXPECT_FALSE(d.attributes.empty()) << d.name;
    }
  }
  // The binary says the same, and exits 3.
  CommandResult r = RunStrata({"--json", "diff", db_->url(), changed->url()});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  json out = json::parse(r.out);
  EXPECT_EQ(out["equal"], false);
  EXPECT_EQ(out["differences"].size(), expected.size());
  const json& column = out["differences"][pg() ? 10 : 3];
  EXPECT_EQ(column["kind"], "column");
  EXPECT_EQ(column["attributes"][0]["name"], "type");
  EXPECT_EQ(column["attributes"][0]["old"], pg() ? "character varying(20)" : "INTEGER");
  EXPECT_EQ(column["attributes"][0]["new"], pg() ? "character varying(40)" : "TEXT");
}

TEST_P(Inspect, BinaryInspectAndDiffExitCodes) {
  db_->Exec(Shop());
  CommandResult json_out = Strata({"--json", "inspect"});
  ASSERT_EQ(json_out.exit_code, 0) << json_out.err;
  json doc = json::parse(json_out.out);
  EXPECT_EQ(doc["ok"], true);
  EXPECT_EQ(doc["catalog"]["dialect"], EngineName(GetParam()));
  EXPECT_FALSE(doc["catalog"]["tables"].empty());

  CommandResult text = Strata({"inspect"});
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("tables:"), std::string::npos) << text.out;
  CommandResult sql = Strata({"inspect", "--sql"});
  EXPECT_EQ(sql.exit_code, 0) << sql.err;
  EXPECT_NE(sql.out.find("CREATE TABLE"), std::string::npos) << sql.out;
  EXPECT_EQ(Strata({"--json", "inspect", "--sql"}).exit_code, 2);

  CommandResult same = Strata({"diff", db_->url(), db_->url()});
  EXPECT_EQ(same.exit_code, 0) << same.err;
  EXPECT_EQ(same.out, "no differences\n");
  TempDir other;
  std::unique_ptr<TestDatabase> empty = MakeTestDatabase(GetParam(), other.path());
  empty->Exec("CREATE TABLE placeholder (x int)");
  CommandResult differs = Strata({"diff", db_->url(), empty->url()});
  EXPECT_EQ(differs.exit_code, 3) << differs.err;
  EXPECT_NE(differs.out.find("- table "), std::string::npos) << differs.out;
  EXPECT_NE(differs.out.find("+ table "), std::string::npos) << differs.out;

  // Unreachable or missing databases are errors, not differences.
  std::string missing =
      pg() ? "postgres://nobody@127.0.0.1:1/nothing" : "sqlite:" + (tmp_ / "no.db").string();
  CommandResult bad = Strata({"--json", "diff", db_->url(), missing});
  EXPECT_EQ(bad.exit_code, pg() ? 1 : 2) << bad.out;
  EXPECT_EQ(json::parse(bad.out)["ok"], false);
  EXPECT_FALSE(std::filesystem::exists(tmp_ / "no.db"));
}

TEST_P(Inspect, SqlListingReplaysIntoTheSameSchema) {
  db_->Exec(Shop());
  CommandResult sql = Strata({"inspect", "--sql"});
  ASSERT_EQ(sql.exit_code, 0) << sql.err;
  TempDir other;
  std::unique_ptr<TestDatabase> replay = MakeTestDatabase(GetParam(), other.path());
  replay->Exec(sql.out);
  EXPECT_EQ(Lines(schema::Diff(InspectUrl(db_->url()), InspectUrl(replay->url()))), Strings{});
}

TEST_P(Inspect, NamesCompareAsTheEngineComparesThem) {
  TempDir other;
  std::unique_ptr<TestDatabase> b = MakeTestDatabase(GetParam(), other.path());
  db_->Exec("CREATE TABLE users (id int)");
  b->Exec(pg() ? "CREATE TABLE \"Users\" (id int)" : "CREATE TABLE USERS (ID int)");
  Strings diff = Lines(schema::Diff(InspectUrl(db_->url()), InspectUrl(b->url())));
  if (pg()) {
    EXPECT_EQ(diff, (Strings{"added table public.\"Users\"", "removed table public.users"}));
  } else {
    EXPECT_EQ(diff, Strings{});  // SQLite names are case-insensitive
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, Inspect, ::testing::Values(Engine::kSqlite, Engine::kPostgres),
                         [](const auto& info) { return EngineName(info.param); });

}  // namespace
}  // namespace strata::testing
