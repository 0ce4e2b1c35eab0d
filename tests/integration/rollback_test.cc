// `strata test rollback`: each migration's up, down and up again on a scratch
// database, on both engines. A corpus whose down parts are wrong in the ways
// people get them wrong, each caught with its verdict and diff; a corpus whose
// down parts are right, all ok; the scratch database always removed.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "integration/test_database.h"

namespace strata::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class RollbackTest : public WorkspaceTest<::testing::TestWithParam<Engine>> {
 protected:
  void SetUp() override {
    Open(GetParam());
    fs::create_directories(tmp_ / "scratch");
  }
  bool pg() const { return GetParam() == Engine::kPostgres; }
  std::string Name(const std::string& name) const { return (pg() ? "public." : "main.") + name; }

  // Writes migration `id` as the child of `parent` (none when empty).
  void Migration(const std::string& id, const std::string& parent, const std::string& up,
                 const std::string& down) {
    std::string text = parent.empty() ? "" : "-- strata:parent " + parent + "\n";
    text += "-- strata:up\n" + up + "\n";
    if (!down.empty()) text += "-- strata:down\n" + down + "\n";
    Write(id + ".sql", text);
  }

  // `strata --json test rollback ARGS`, with SQLite's scratch file kept in a
  // folder the test can check is left empty.
  json TestRollback(std::vector<std::string> args, int expected_exit) {
    std::vector<std::string> full = {
        "--dir", dir_.path().string(), "--url", db_->url(), "--json", "test", "rollback"};
    full.insert(full.end(), args.begin(), args.end());
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

  static const json& Result(const json& report, const std::string& id) {
    for (const json& r : report["results"]) {
      if (r["migration"] == id) return r;
    }
    throw std::runtime_error("no result for " + id);
  }
  // "added index main.users_email_idx" for each difference of a result.
  static std::vector<std::string> Changes(const json& result) {
    std::vector<std::string> out;
    for (const json& d : result["differences"]) {
      out.push_back(d["change"].get<std::string>() + " " + d["kind"].get<std::string>() + " " +
                    d["name"].get<std::string>());
    }
    return out;
  }
};

TEST_P(RollbackTest, CorrectDownPartsAreAllOk) {
  Migration("m1", "", "CREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL);",
            "DROP TABLE users;");
  Migration("m2", "m1", "CREATE INDEX users_email_idx ON users (email);",
            "DROP INDEX users_email_idx;");
  Migration("m3", "m2", "ALTER TABLE users ADD COLUMN age integer;",
            "ALTER TABLE users DROP COLUMN age;");
  Migration("m4", "m3", "CREATE VIEW adults AS SELECT id FROM users WHERE age >= 18;",
            "DROP VIEW adults;");
  json report = TestRollback({}, 0);
  EXPECT_EQ(report["ok"], true);
  EXPECT_EQ(report["failures"], 0);
  ASSERT_EQ(report["results"].size(), 4u);
  for (const json& r : report["results"]) EXPECT_EQ(r["verdict"], "ok") << r.dump();
  // The configured database is only where the scratch goes: untouched.
  EXPECT_FALSE(db_->HasRelation("users"));
  EXPECT_EQ(db_->LedgerCount(), 0);
}

TEST_P(RollbackTest, WrongDownPartsAreEachCaughtWithTheirDiff) {
  Migration("m1", "", "CREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL);",
            "DROP TABLE users;");
  // Forgets the index.
  Migration("m2", "m1", "CREATE INDEX users_email_idx ON users (email);", "SELECT 1;");
  // Leaves the column.
  Migration("m3", "m2", "ALTER TABLE users ADD COLUMN age integer;", "SELECT 1;");
  // Fails outright.
  Migration("m4", "m3", "CREATE TABLE audit (id integer);", "DROP TABLE no_such_table;");
  // No down part at all.
  Migration("m5", "m4", "CREATE TABLE notes (id integer);", "");
  // The up part itself fails; its child cannot be tested.
  Migration("m8", "m5", "INSERT INTO no_such_table VALUES (1);", "SELECT 1;");
  Migration("m9", "m8", "CREATE TABLE later (id integer);", "DROP TABLE later;");

  json report = TestRollback({}, 3);
  EXPECT_EQ(report["ok"], false);
  EXPECT_EQ(Result(report, "m1")["verdict"], "ok");

  const json& index = Result(report, "m2");
  EXPECT_EQ(index["verdict"], "down_differs");
  EXPECT_EQ(Changes(index), std::vector<std::string>{"added index " + Name("users_email_idx")});

  const json& column = Result(report, "m3");
  EXPECT_EQ(column["verdict"], "down_differs");
  EXPECT_EQ(Changes(column), std::vector<std::string>{"added column " + Name("users.age")});

  const json& fails = Result(report, "m4");
  EXPECT_EQ(fails["verdict"], "down_fails");
  EXPECT_NE(fails["error"]["message"].get<std::string>().find("no_such_table"), std::string::npos)
      << fails.dump();
  EXPECT_EQ(fails["error"]["file"], (dir_ / "m4.sql").string());
  EXPECT_EQ(fails["error"]["line"], 5);

  EXPECT_EQ(Result(report, "m5")["verdict"], "no_down");
  EXPECT_EQ(Result(report, "m5")["failed"], true);

  const json& up = Result(report, "m8");
  EXPECT_EQ(up["verdict"], "up_fails");
  EXPECT_EQ(up["error"]["line"], 3);
  EXPECT_EQ(Result(report, "m9")["verdict"], "skipped");
  EXPECT_EQ(report["failures"], 6);  // m2 m3 m4 m5 m8 m9
  EXPECT_GE(report["rebuilds"], 2);  // after m2 and m3
}

TEST_P(RollbackTest, DownThatKeepsDataMakesTheSecondUpFail) {
  Migration("m1", "", "CREATE TABLE settings (key text PRIMARY KEY);", "DROP TABLE settings;");
  Migration("m2", "m1", "INSERT INTO settings (key) VALUES ('mode');", "SELECT 1;");
  Migration("m3", "m2", "CREATE TABLE after_it (id integer);", "DROP TABLE after_it;");
  json report = TestRollback({}, 3);
  const json& reup = Result(report, "m2");
  EXPECT_EQ(reup["verdict"], "reup_fails") << reup.dump();
  EXPECT_EQ(reup["error"]["file"], (dir_ / "m2.sql").string());
  // The run goes on from a rebuilt scratch database.
  EXPECT_EQ(Result(report, "m3")["verdict"], "ok");
  EXPECT_EQ(report["failures"], 1);
}

TEST_P(RollbackTest, FromAndToLimitWhatIsTestedAndNoDownCanBeAllowed) {
  Migration("m1", "", "CREATE TABLE a (id integer);", "SELECT 1;");
  Migration("m2", "m1", "CREATE TABLE b (id integer);", "");
  Migration("m3", "m2", "CREATE TABLE c (id integer);", "DROP TABLE c;");
  Migration("m4", "m3", "CREATE TABLE d (id integer);", "SELECT 1;");
  json report = TestRollback({"--from", "m2", "--to", "m3", "--allow-no-down"}, 0);
  ASSERT_EQ(report["results"].size(), 3u);
  EXPECT_EQ(Result(report, "m1")["verdict"], "not_tested");
  EXPECT_EQ(Result(report, "m2")["verdict"], "no_down");
  EXPECT_EQ(Result(report, "m2")["failed"], false);
  EXPECT_EQ(Result(report, "m3")["verdict"], "ok");

  CommandResult bad = Strata({"test", "rollback", "--from", "m4", "--to", "m3"});
  EXPECT_EQ(bad.exit_code, 2) << bad.err;
  EXPECT_NE(bad.err.find("--from 'm4' is not among the migrations to test"), std::string::npos)
      << bad.err;
}

TEST_P(RollbackTest, TextReportNamesEachVerdictAndTheDiff) {
  Migration("m1", "", "CREATE TABLE users (id integer PRIMARY KEY, email text);",
            "DROP TABLE users;");
  Migration("m2", "m1", "CREATE INDEX users_email_idx ON users (email);", "SELECT 1;");
  CommandResult r = Strata({"test", "rollback"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.out.find("ok                       m1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("down leaves a difference m2"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("+ index " + Name("users_email_idx")), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2 migrations: 1 down_differs, 1 ok; 1 failure"), std::string::npos)
      << r.out;
}

TEST_P(RollbackTest, DownThatRestoresTheSchemaInOtherWordsIsOk) {
  // SQLite compares its stored CREATE text first; text that differs only in
  // blanks is a different snapshot but the same schema.
  Migration("m1", "", "CREATE TABLE t (id integer);", "DROP TABLE t;");
  Migration("m2", "m1", "ALTER TABLE t ADD COLUMN x integer;",
            "DROP TABLE t;\nCREATE TABLE t (  id   integer  );");
  Migration("m3", "m2", "CREATE INDEX t_x ON t (x);", "DROP INDEX t_x;");
  json report = TestRollback({}, 0);
  EXPECT_EQ(Result(report, "m2")["verdict"], "ok") << report.dump();
  EXPECT_EQ(Result(report, "m3")["verdict"], "ok") << report.dump();
  if (!pg()) {
    EXPECT_EQ(report["rebuilds"], 1);  // to read the schema before m2
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, RollbackTest,
                         ::testing::Values(Engine::kSqlite, Engine::kPostgres),
                         [](const auto& info) { return EngineName(info.param); });

// PostgreSQL-only ways to get a down part wrong.
class RollbackPostgresTest : public RollbackTest {};

TEST_P(RollbackPostgresTest, WrongDefaultAndWrongConstraintAreCaught) {
  Migration("m1", "",
            "CREATE TABLE users (id integer PRIMARY KEY, email text, status text DEFAULT "
            "'active',\n  CONSTRAINT users_status_check CHECK (status <> ''));",
            "DROP TABLE users;");
  Migration("m2", "m1", "ALTER TABLE users ALTER COLUMN status SET DEFAULT 'new';",
            "ALTER TABLE users ALTER COLUMN status SET DEFAULT 'inactive';");
  Migration("m3", "m2", "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);",
            "ALTER TABLE users DROP CONSTRAINT users_status_check;");
  json report = TestRollback({}, 3);
  const json& default_result = Result(report, "m2");
  EXPECT_EQ(default_result["verdict"], "down_differs");
  ASSERT_EQ(default_result["differences"].size(), 1u) << default_result.dump();
  const json& column = default_result["differences"][0];
  EXPECT_EQ(column["name"], "public.users.status");
  EXPECT_EQ(column["attributes"][0]["name"], "default");
  EXPECT_EQ(column["attributes"][0]["old"], "'active'::text");
  EXPECT_EQ(column["attributes"][0]["new"], "'inactive'::text");

  const json& constraint = Result(report, "m3");
  EXPECT_EQ(constraint["verdict"], "down_differs");
  std::vector<std::string> changes = Changes(constraint);
  // The unique constraint's index is reported with it.
  EXPECT_NE(
      std::find(changes.begin(), changes.end(), "added constraint public.users.users_email_key"),
      changes.end())
      << constraint.dump();
  EXPECT_NE(std::find(changes.begin(), changes.end(),
                      "removed constraint public.users.users_status_check"),
            changes.end())
      << constraint.dump();
}

TEST_P(RollbackPostgresTest, NoTransactionDownThatFailsHalfwayIsRebuiltFrom) {
  Migration("m1", "", "CREATE TABLE t (id integer);", "DROP TABLE t;");
  Write("m2.sql",
        "-- strata:parent m1\n-- strata:no-transaction\n-- strata:up\n"
        "CREATE INDEX CONCURRENTLY t_id ON t (id);\n"
        "-- strata:down\nDROP INDEX CONCURRENTLY t_id;\nDROP TABLE missing;\n");
  Migration("m3", "m2", "CREATE TABLE u (id integer);", "DROP TABLE u;");
  json report = TestRollback({}, 3);
  EXPECT_EQ(Result(report, "m2")["verdict"], "down_fails");
  EXPECT_EQ(Result(report, "m3")["verdict"], "ok") << report.dump();
  EXPECT_GE(report["rebuilds"], 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, RollbackPostgresTest, ::testing::Values(Engine::kPostgres),
                         [](const auto& info) { return EngineName(info.param); });

}  // namespace
}  // namespace strata::testing
