// `strata diff migrations[@ID] URL`: the schema the migrations produce, built
// on a scratch database of the URL's engine that is always removed, compared
// with a live database on both engines.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "integration/test_database.h"

namespace strata::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class DiffMigrations : public WorkspaceTest<::testing::TestWithParam<Engine>> {
 protected:
  void SetUp() override {
    Open(GetParam());
    Write("m1.sql",
          "-- strata:up\nCREATE TABLE t1 (id int PRIMARY KEY);\n"
          "CREATE INDEX t1_id ON t1 (id);\n-- strata:down\nDROP TABLE t1;\n");
    Write("m2.sql",
          "-- strata:parent m1\n-- strata:up\nCREATE TABLE t2 (x int);\n"
          "ALTER TABLE t1 ADD COLUMN note text;\n");
    fs::create_directories(scratch_dir());
  }
  bool pg() const { return GetParam() == Engine::kPostgres; }
  std::string Name(const std::string& name) const { return (pg() ? "public." : "main.") + name; }
  fs::path scratch_dir() const { return tmp_ / "scratch"; }
  // Runs strata and notes what it could leave behind: its temporary
  // directory (the SQLite scratch file) or, on PostgreSQL, databases named
  // after its pid.
  CommandResult Diff(std::vector<std::string> args) {
    std::vector<std::string> full = {"--dir", dir_.path().string(), "--url", db_->url()};
    full.insert(full.end(), args.begin(), args.end());
    if (!pg()) return RunStrata(full, {}, {{"TMPDIR", scratch_dir().string()}});
    pid_t pid = SpawnStrata(full, tmp_.path(), "diff");
    pids_.push_back(pid);
    CommandResult r;
    r.exit_code = WaitFor(pid);
    r.out = ReadFile(tmp_ / "diff.out");
    r.err = ReadFile(tmp_ / "diff.err");
    return r;
  }
  void ExpectNoScratchLeft() {
    EXPECT_TRUE(fs::is_empty(scratch_dir()));
    for (pid_t pid : pids_) {
      EXPECT_EQ(db_->Scalar("SELECT count(*) FROM pg_database WHERE datname LIKE "
                            "'strata\\_scratch\\_" +
                            std::to_string(pid) + "\\_%'"),
                "0");
    }
  }
  std::vector<pid_t> pids_;
};

TEST_P(DiffMigrations, LiveDatabaseMatchesItsMigrationsUntilChangedByHand) {
  ASSERT_EQ(Strata({"up"}).exit_code, 0);
  CommandResult same = Diff({"diff", "migrations", db_->url()});
  EXPECT_EQ(same.exit_code, 0) << same.err << same.out;
  EXPECT_EQ(same.out, "no differences\n");

  CommandResult older = Diff({"diff", "migrations@m1", db_->url()});
  EXPECT_EQ(older.exit_code, 3) << older.err;
  EXPECT_EQ(older.out, "+ table " + Name("t2") + "\n+ column " + Name("t1.note") +
                           "\n2 differences: 2 added, 0 removed, 0 changed\n");

  db_->Exec("CREATE INDEX t2_x ON t2 (x)");
  CommandResult changed = Diff({"--json", "diff", "migrations", db_->url()});
  EXPECT_EQ(changed.exit_code, 3) << changed.err;
  json out = json::parse(changed.out);
  EXPECT_EQ(out["from"], "migrations");
  ASSERT_EQ(out["differences"].size(), 1u) << changed.out;
  EXPECT_EQ(out["differences"][0]["change"], "added");
  EXPECT_EQ(out["differences"][0]["kind"], "index");
  EXPECT_EQ(out["differences"][0]["name"], Name("t2_x"));

  // Both sides from the migrations: the scratch databases go next to --url.
  CommandResult both = Diff({"diff", "migrations@m1", "migrations@m2"});
  EXPECT_EQ(both.exit_code, 3) << both.err;
  ExpectNoScratchLeft();
}

TEST_P(DiffMigrations, AFailingMigrationIsReportedAndItsScratchDatabaseRemoved) {
  Write("m3.sql", "-- strata:parent m2\n-- strata:up\nINSERT INTO no_such_table VALUES (1);\n");
  CommandResult r = Diff({"--json", "diff", "migrations", db_->url()});
  EXPECT_EQ(r.exit_code, 1) << r.out;
  json out = json::parse(r.out);
  EXPECT_EQ(out["ok"], false);
  EXPECT_EQ(out["error"]["migration"], "m3");
  ExpectNoScratchLeft();
}

INSTANTIATE_TEST_SUITE_P(Engines, DiffMigrations,
                         ::testing::Values(Engine::kSqlite, Engine::kPostgres),
                         [](const auto& info) { return EngineName(info.param); });

}  // namespace
}  // namespace strata::testing
