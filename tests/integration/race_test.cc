// Eight `strata up` processes racing over one database: every migration is
// applied exactly once and the ledger's chain stays intact. On both engines.
#include <gtest/gtest.h>
#include <unistd.h>

#include <functional>

#include "integration/test_database.h"
#include "integration/test_support.h"

namespace strata::testing {
namespace {

class Race : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override { db_ = MakeTestDatabase(GetParam(), tmp_.path()); }
  TempDir tmp_;
  std::unique_ptr<TestDatabase> db_;
};

TEST_P(Race, EightProcessesApplyTwoHundredMigrationsExactlyOnce) {
  WriteChain(tmp_ / "migrations", 200);
  std::vector<pid_t> pids;
  for (int i = 0; i < 8; ++i) {
    pids.push_back(SpawnStrata({"--dir", (tmp_ / "migrations").string(), "--url", db_->url(),
                                "--lock-timeout", "120", "up"},
                               tmp_.path(), "p" + std::to_string(i)));
  }
  for (size_t i = 0; i < pids.size(); ++i) {
    EXPECT_EQ(WaitFor(pids[i]), 0) << ReadFile(tmp_ / ("p" + std::to_string(i) + ".err"));
  }
  auto counts = db_->Query(
      "SELECT migration_id, count(*) FROM strata_ledger GROUP BY migration_id ORDER BY 1");
  ASSERT_EQ(counts.size(), 200u);
  for (const auto& row : counts) EXPECT_EQ(row[1], "1") << row[0] << " applied more than once";
  EXPECT_EQ(db_->Scalar("SELECT count(*) FROM t200"), "1");
  CommandResult audit =
      RunStrata({"--dir", (tmp_ / "migrations").string(), "--url", db_->url(), "audit"});
  EXPECT_EQ(audit.exit_code, 0) << audit.err;
}

TEST_P(Race, LoserGivesUpAfterTheLockTimeoutWithExitCode4) {
  // A no-transaction migration records "started" and then keeps the lock busy.
  WriteFile(tmp_ / "migrations" / "a.sql",
            "-- strata:no-transaction\n-- strata:up\nCREATE TABLE a (x int);\n" +
                SlowStatement(GetParam(), 2) + ";\n-- strata:down\nDROP TABLE a;\n");
  const std::string dir = (tmp_ / "migrations").string();
  pid_t holder = SpawnStrata({"--dir", dir, "--url", db_->url(), "up"}, tmp_.path(), "holder");
  ASSERT_TRUE(WaitUntil([&] { return db_->LedgerCount("event = 'started'") == 1; }, 30000))
      << ReadFile(tmp_ / "holder.err");
  CommandResult loser =
      RunStrata({"--dir", dir, "--url", db_->url(), "--lock-timeout", "0.3", "up"});
  EXPECT_EQ(loser.exit_code, 4) << loser.err;
  EXPECT_NE(loser.err.find("migration lock"), std::string::npos) << loser.err;
  if (GetParam() == Engine::kPostgres) {
    // The holder is named: its pid and application_name.
    EXPECT_NE(loser.err.find("application_name 'strata'"), std::string::npos) << loser.err;
  }
  EXPECT_EQ(WaitFor(holder), 0) << ReadFile(tmp_ / "holder.err");
  EXPECT_EQ(db_->LedgerCount("event = 'applied'"), 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, Race, ::testing::Values(Engine::kSqlite, Engine::kPostgres),
                         [](const auto& info) { return EngineName(info.param); });

}  // namespace
}  // namespace strata::testing
