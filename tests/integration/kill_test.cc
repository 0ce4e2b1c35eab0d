// kill -9 in the middle of a run, on both engines. A transactional migration
// is either wholly there with its ledger row or wholly absent; an interrupted
// no-transaction migration leaves the database dirty until `repair` records
// the outcome.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <functional>
#include <nlohmann/json.hpp>

#include "integration/test_database.h"
#include "integration/test_support.h"

namespace strata::testing {
namespace {

namespace fs = std::filesystem;

class Kill : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override { db_ = MakeTestDatabase(GetParam(), tmp_.path()); }
  CommandResult Strata(std::vector<std::string> args) {
    std::vector<std::string> full = {"--dir", (tmp_ / "migrations").string(), "--url", db_->url()};
    full.insert(full.end(), args.begin(), args.end());
    return RunStrata(full);
  }
  TempDir tmp_;
  std::unique_ptr<TestDatabase> db_;
};

TEST_P(Kill, InterruptedNoTransactionMigrationIsDirtyThenRepaired) {
  const fs::path dir = tmp_ / "migrations";
  WriteChain(dir, 1);
  WriteFile(dir / "m0002_slow.sql",
            "-- strata:parent m0001_t\n-- strata:no-transaction\n-- strata:up\nCREATE TABLE half "
            "(x int);\n" +
                SlowStatement(GetParam(), 15) +
                ";\nCREATE TABLE never (x int);\n-- strata:down\nDROP TABLE half;\n");
  pid_t pid = SpawnStrata({"--dir", dir.string(), "--url", db_->url(), "up"}, tmp_.path(), "up");
  ASSERT_TRUE(WaitUntil([&] { return db_->LedgerCount("event = 'started'") == 1; }, 30000))
      << ReadFile(tmp_ / "up.err");
  ASSERT_TRUE(WaitUntil([&] { return db_->HasRelation("half"); }, 30000));
  usleep(200000);
  ASSERT_EQ(kill(pid, SIGKILL), 0);
  EXPECT_EQ(WaitFor(pid), 128 + SIGKILL);

  CommandResult status = Strata({"--json", "status"});
  EXPECT_EQ(status.exit_code, 5);
  auto doc = nlohmann::json::parse(status.out);
  EXPECT_EQ(doc["dirty"]["migration"], "m0002_slow");
  EXPECT_EQ(doc["dirty"]["event"], "started");
  EXPECT_TRUE(db_->HasRelation("half"));
  EXPECT_FALSE(db_->HasRelation("never"));
  EXPECT_EQ(Strata({"--lock-timeout", "90", "up"}).exit_code, 5);

  // The operator finishes the migration by hand and records it as applied.
  db_->Exec("CREATE TABLE never (x int)");
  CommandResult repair = Strata({"--lock-timeout", "90", "repair", "m0002_slow", "--applied"});
  EXPECT_EQ(repair.exit_code, 0) << repair.err;
  CommandResult after = Strata({"--json", "status"});
  EXPECT_EQ(after.exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(after.out)["pending"], 0);
  EXPECT_EQ(Strata({"audit"}).exit_code, 0);
}

// Killed at several points of a run of transactional migrations: the schema
// and the ledger agree afterwards, and the next `up` finishes the job.
TEST_P(Kill, KilledTransactionalRunLeavesSchemaAndLedgerInAgreement) {
  const int n = 10;
  for (int kill_after : {0, 3, 7}) {
    SCOPED_TRACE("kill after " + std::to_string(kill_after) + " applied");
    TempDir scratch;
    auto db = MakeTestDatabase(GetParam(), scratch.path());
    const fs::path dir = scratch / "migrations";
    std::string parent;
    for (int i = 1; i <= n; ++i) {
      std::string id = "s" + std::to_string(100 + i);
      std::string text = parent.empty() ? "" : "-- strata:parent " + parent + "\n";
      text += "-- strata:up\nCREATE TABLE " + id + " (x int);\n" + SlowStatement(GetParam(), 0.15) +
              ";\nINSERT INTO " + id + " VALUES (1);\n-- strata:down\nDROP TABLE " + id + ";\n";
      WriteFile(dir / (id + ".sql"), text);
      parent = id;
    }
    pid_t pid =
        SpawnStrata({"--dir", dir.string(), "--url", db->url(), "up"}, scratch.path(), "up");
    ASSERT_TRUE(
        WaitUntil([&] { return db->LedgerCount("event = 'applied'") >= kill_after; }, 60000));
    usleep(100000);
    kill(pid, SIGKILL);
    WaitFor(pid);

    // The next run waits for the dead session's lock and finishes the job.
    CommandResult up =
        RunStrata({"--dir", dir.string(), "--url", db->url(), "--lock-timeout", "90", "up"});
    EXPECT_EQ(up.exit_code, 0) << up.err;
    EXPECT_EQ(db->LedgerCount("event = 'applied'"), n);
    // Every migration ran exactly once: no table got a second row, none is missing.
    for (int i = 1; i <= n; ++i) {
      EXPECT_EQ(db->Scalar("SELECT count(*) FROM s" + std::to_string(100 + i)), "1");
    }
    EXPECT_EQ(RunStrata({"--dir", dir.string(), "--url", db->url(), "audit"}).exit_code, 0);
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, Kill, ::testing::Values(Engine::kSqlite, Engine::kPostgres),
                         [](const auto& info) { return EngineName(info.param); });

}  // namespace
}  // namespace strata::testing
