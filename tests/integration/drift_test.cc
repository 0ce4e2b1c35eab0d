// `strata drift`: the live schema against what its own ledger says was
// applied, rebuilt on a scratch database. Every kind of object changed by
// hand is reported; a database that matches is not; the scratch database is
// always removed.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "integration/test_database.h"

namespace strata::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class DriftTest : public WorkspaceTest<::testing::TestWithParam<Engine>> {
 protected:
  void SetUp() override {
    Open(GetParam());
    fs::create_directories(tmp_ / "scratch");
  }
  bool pg() const { return GetParam() == Engine::kPostgres; }

  json Drift(int expected_exit, std::vector<std::string> extra = {}) {
    std::vector<std::string> full = {"--dir", dir_.path().string(), "--url", db_->url(), "--json"};
    full.insert(full.end(), extra.begin(), extra.end());
    full.push_back("drift");
    CommandResult r = RunStrata(full, {}, {{"TMPDIR", (tmp_ / "scratch").string()}});
    EXPECT_EQ(r.exit_code, expected_exit) << r.err << r.out;
    EXPECT_TRUE(fs::is_empty(tmp_ / "scratch"));
    if (pg()) {
      // Named after the pid: other tests may have scratch databases of their own.
      EXPECT_EQ(db_->Scalar("SELECT count(*) FROM pg_database WHERE datname LIKE "
                            "'strata\\_scratch\\_" +
                            std::to_string(r.pid) + "\\_%'"),
                "0");
    }
    return json::parse(r.out);
  }
  // "added index public.x" for each difference, sorted.
  static std::vector<std::string> Changes(const json& report) {
    std::vector<std::string> out;
    for (const json& d : report["differences"]) {
      out.push_back(d["change"].get<std::string>() + " " + d["kind"].get<std::string>() + " " +
                    d["name"].get<std::string>());
    }
    std::sort(out.begin(), out.end());
    return out;
  }
};

TEST_P(DriftTest, MatchingDatabaseHasNoDriftAndAHandMadeTableIsReported) {
  Write("m1.sql", "-- strata:up\nCREATE TABLE users (id integer PRIMARY KEY);\n");
  Write("m2.sql",
        "-- strata:parent m1\n-- strata:up\nCREATE INDEX users_id ON users (id);\n"
        "-- strata:down\nDROP INDEX users_id;\n");
  ASSERT_EQ(Strata({"up"}).exit_code, 0);
  json clean = Drift(0);
  EXPECT_EQ(clean["drifted"], false);
  EXPECT_EQ(clean["applied"], json({"m1", "m2"}));

  // Reverted migrations are not expected either.
  ASSERT_EQ(Strata({"down", "m1"}).exit_code, 0);
  EXPECT_EQ(Drift(0)["applied"], json({"m1"}));

  db_->Exec("CREATE TABLE adhoc (x integer)");
  CommandResult text = Strata({"drift"});
  EXPECT_EQ(text.exit_code, 3) << text.err;
  const std::string table = pg() ? "public.adhoc" : "main.adhoc";
  EXPECT_NE(text.out.find("+ table " + table), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("applied migration, rebuilt on a scratch database"), std::string::npos)
      << text.out;
}

TEST_P(DriftTest, EditedAndMissingMigrationsAreWarnedAbout) {
  Write("m1.sql", "-- strata:up\nCREATE TABLE users (id integer PRIMARY KEY);\n");
  Write("m2.sql", "-- strata:parent m1\n-- strata:up\nCREATE TABLE orders (id integer);\n");
  ASSERT_EQ(Strata({"up"}).exit_code, 0);
  Write("m2.sql", "-- strata:parent m1\n-- strata:up\nCREATE TABLE orders (id bigint);\n");
  json report = Drift(3);
  ASSERT_FALSE(report["warnings"].empty()) << report.dump();
  EXPECT_EQ(report["warnings"][0]["file"], (dir_ / "m2.sql").string());
  ASSERT_EQ(report["differences"].size(), 1u) << report.dump();
  EXPECT_EQ(report["differences"][0]["kind"], "column");
}

TEST_P(DriftTest, MissingDatabaseFileOrServerIsAnError) {
  Write("m1.sql", "-- strata:up\nCREATE TABLE users (id integer PRIMARY KEY);\n");
  if (pg()) {
    CommandResult r = Strata({"--scratch-url", "sqlite:" + (tmp_ / "x.db").string(), "drift"});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("schemas of two engines cannot be compared"), std::string::npos) << r.err;
  } else {
    CommandResult r = RunStrata({"--dir", dir_.path().string(), "--url",
                                 "sqlite:" + (tmp_ / "missing.db").string(), "drift"});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_FALSE(fs::exists(tmp_ / "missing.db"));
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, DriftTest, ::testing::Values(Engine::kSqlite, Engine::kPostgres),
                         [](const auto& info) { return EngineName(info.param); });

class DriftSqliteTest : public DriftTest {};

TEST_P(DriftSqliteTest, EveryObjectKindChangedByHandIsReported) {
  Write("m1.sql",
        "-- strata:up\n"
        "CREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL);\n"
        "CREATE TABLE orders (id integer PRIMARY KEY, user_id integer REFERENCES users (id));\n"
        "CREATE INDEX orders_user ON orders (user_id);\n"
        "CREATE VIEW user_emails AS SELECT email FROM users;\n"
        "CREATE TRIGGER users_check BEFORE INSERT ON users BEGIN SELECT 1; END;\n");
  ASSERT_EQ(Strata({"up"}).exit_code, 0);
  EXPECT_EQ(Drift(0)["drifted"], false);
  db_->Exec(
      "CREATE TABLE adhoc (x integer);"
      "ALTER TABLE users ADD COLUMN nickname text;"
      "DROP INDEX orders_user;"
      "CREATE INDEX users_email ON users (email);"
      "DROP VIEW user_emails; CREATE VIEW user_emails AS SELECT id, email FROM users;"
      "DROP TRIGGER users_check;");
  EXPECT_EQ(Changes(Drift(3)), (std::vector<std::string>{
                                   "added column main.users.nickname",
                                   "added index main.users_email",
                                   "added table main.adhoc",
                                   "changed view main.user_emails",
                                   "removed index main.orders_user",
                                   "removed trigger main.users.users_check",
                               }));
}

INSTANTIATE_TEST_SUITE_P(Engines, DriftSqliteTest, ::testing::Values(Engine::kSqlite),
                         [](const auto& info) { return EngineName(info.param); });

class DriftPostgresTest : public DriftTest {};

TEST_P(DriftPostgresTest, EveryObjectKindChangedByHandIsReported) {
  Write("m1.sql", R"sql(-- strata:up
CREATE SCHEMA app;
CREATE TYPE mood AS ENUM ('ok', 'sad');
CREATE SEQUENCE order_no;
CREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL, mood mood,
                    age integer CONSTRAINT users_age_check CHECK (age >= 0));
CREATE TABLE orders (id integer PRIMARY KEY, user_id integer REFERENCES users (id),
                     total numeric(10,2) DEFAULT 0);
CREATE INDEX orders_user_idx ON orders (user_id);
CREATE VIEW big_orders AS SELECT id FROM orders WHERE total > 100;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch();
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
CREATE POLICY users_self ON users USING (true);
)sql");
  ASSERT_EQ(Strata({"up"}).exit_code, 0);
  EXPECT_EQ(Drift(0)["drifted"], false);
  db_->Exec(R"sql(
CREATE SCHEMA reporting;
CREATE EXTENSION citext;
CREATE TABLE app.adhoc (x integer);
ALTER TABLE users ADD COLUMN nickname text;
ALTER TABLE users ALTER COLUMN email DROP NOT NULL;
ALTER TABLE orders ALTER COLUMN total SET DEFAULT 1;
DROP INDEX orders_user_idx;
CREATE INDEX users_email_idx ON users (email);
ALTER TABLE users DROP CONSTRAINT users_age_check;
CREATE OR REPLACE VIEW big_orders AS SELECT id FROM orders WHERE total > 200;
ALTER TYPE mood ADD VALUE 'happy';
DROP SEQUENCE order_no;
CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$;
DROP TRIGGER orders_touch ON orders;
DROP POLICY users_self ON users;
)sql");
  EXPECT_EQ(Changes(Drift(3)), (std::vector<std::string>{
                                   "added column public.users.nickname",
                                   "added extension citext",
                                   "added index public.users_email_idx",
                                   "added schema reporting",
                                   "added table app.adhoc",
                                   "changed column public.orders.total",
                                   "changed column public.users.email",
                                   "changed function public.touch()",
                                   "changed type public.mood",
                                   "changed view public.big_orders",
                                   "removed constraint public.users.users_age_check",
                                   "removed index public.orders_user_idx",
                                   "removed policy public.users.users_self",
                                   "removed sequence public.order_no",
                                   "removed trigger public.orders.orders_touch",
                               }));
}

TEST_P(DriftPostgresTest, ScratchUrlPutsTheScratchDatabaseOnAnotherServerUrl) {
  Write("m1.sql", "-- strata:up\nCREATE TABLE users (id integer PRIMARY KEY);\n");
  ASSERT_EQ(Strata({"up"}).exit_code, 0);
  // The test server's maintenance database: a URL other than --url.
  const std::string server = std::getenv("STRATA_TEST_PG_URL");
  json report = Drift(0, {"--scratch-url", server});
  EXPECT_EQ(report["drifted"], false);
  // Nothing listens on port 1: the failure shows the flag is what is used.
  CommandResult unreachable =
      Strata({"--scratch-url", "postgres://strata:secret@127.0.0.1:1/postgres", "drift"});
  EXPECT_NE(unreachable.exit_code, 0);
  EXPECT_NE(unreachable.err.find("127.0.0.1:1"), std::string::npos) << unreachable.err;
  EXPECT_EQ(unreachable.err.find("secret"), std::string::npos) << unreachable.err;
}

INSTANTIATE_TEST_SUITE_P(Engines, DriftPostgresTest, ::testing::Values(Engine::kPostgres),
                         [](const auto& info) { return EngineName(info.param); });

}  // namespace
}  // namespace strata::testing
