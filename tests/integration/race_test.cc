// Eight `strata up` processes racing over one SQLite file: every migration is
// applied exactly once and the ledger's chain stays intact.
#include <gtest/gtest.h>

#include <unistd.h>

#include "integration/test_support.h"

namespace strata::testing {
namespace {

TEST(Race, EightProcessesApplyFiftyMigrationsExactlyOnce) {
  TempDir tmp;
  WriteChain(tmp / "migrations", 50);
  const std::string url = "sqlite:" + (tmp / "race.db").string();
  std::vector<pid_t> pids;
  for (int i = 0; i < 8; ++i) {
    pids.push_back(SpawnStrata(
        {"--dir", (tmp / "migrations").string(), "--url", url, "--lock-timeout", "120", "up"},
        tmp.path(), "p" + std::to_string(i)));
  }
  for (size_t i = 0; i < pids.size(); ++i) {
    EXPECT_EQ(WaitFor(pids[i]), 0) << ReadFile(tmp / ("p" + std::to_string(i) + ".err"));
  }
  auto counts = SqliteQuery(
      tmp / "race.db", "SELECT migration_id, count(*) FROM strata_ledger GROUP BY migration_id");
  ASSERT_EQ(counts.size(), 50u);
  for (const auto& row : counts) EXPECT_EQ(row[1], "1") << row[0] << " applied more than once";
  EXPECT_EQ(SqliteQuery(tmp / "race.db", "SELECT count(*) FROM t50")[0][0], "1");
  CommandResult audit = RunStrata({"--dir", (tmp / "migrations").string(), "--url", url, "audit"});
  EXPECT_EQ(audit.exit_code, 0) << audit.err;
}

TEST(Race, LoserGivesUpAfterTheLockTimeoutWithExitCode4) {
  TempDir tmp;
  // One migration that keeps the lock for a few seconds.
  WriteFile(
      tmp / "migrations" / "a.sql",
      "-- strata:up\nCREATE TABLE a AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 "
      "FROM c WHERE x < 30000000) SELECT count(*) AS n FROM c;\n");
  const std::string url = "sqlite:" + (tmp / "lock.db").string();
  const std::string dir = (tmp / "migrations").string();
  pid_t holder = SpawnStrata({"--dir", dir, "--url", url, "up"}, tmp.path(), "holder");
  // Wait until the holder has the lock: its WAL file appears at its first write.
  for (int i = 0; i < 500 && !std::filesystem::exists(tmp / "lock.db-wal"); ++i) usleep(10000);
  CommandResult loser = RunStrata({"--dir", dir, "--url", url, "--lock-timeout", "0.2", "up"});
  EXPECT_EQ(loser.exit_code, 4) << loser.err;
  EXPECT_NE(loser.err.find("migration lock"), std::string::npos) << loser.err;
  EXPECT_EQ(WaitFor(holder), 0);
}

}  // namespace
}  // namespace strata::testing
