// kill -9 in the middle of a run. A transactional migration is either wholly
// there with its ledger row or wholly absent; an interrupted no-transaction
// migration leaves the database dirty until `repair` records the outcome.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <functional>
#include <nlohmann/json.hpp>

#include "integration/test_support.h"

namespace strata::testing {
namespace {

namespace fs = std::filesystem;

// A statement that keeps SQLite busy for a while.
std::string SlowSelect(int rows) {
  return "SELECT count(*) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
         "WHERE x < " +
         std::to_string(rows) + ") SELECT x FROM c);\n";
}

int CountRows(const fs::path& db, const std::string& where) {
  if (!fs::exists(db)) return 0;
  try {
    auto rows = SqliteQuery(db, "SELECT count(*) FROM strata_ledger WHERE " + where);
    return std::stoi(rows[0][0]);
  } catch (const std::exception&) {
    return 0;  // the ledger does not exist yet
  }
}

bool WaitUntil(const std::function<bool()>& condition, int timeout_ms) {
  for (int waited = 0; waited < timeout_ms; waited += 5) {
    if (condition()) return true;
    usleep(5000);
  }
  return false;
}

TEST(Kill, InterruptedNoTransactionMigrationIsDirtyThenRepaired) {
  TempDir tmp;
  const fs::path dir = tmp / "migrations";
  WriteChain(dir, 1);
  WriteFile(dir / "m0002_slow.sql",
            "-- strata:parent m0001_t\n-- strata:no-transaction\n-- strata:up\n"
            "CREATE TABLE half (x);\n" +
                SlowSelect(400000000) +
                "CREATE TABLE never (x);\n-- strata:down\nDROP TABLE half;\n");
  const fs::path db = tmp / "kill.db";
  const std::string url = "sqlite:" + db.string();
  pid_t pid = SpawnStrata({"--dir", dir.string(), "--url", url, "up"}, tmp.path(), "up");
  ASSERT_TRUE(WaitUntil([&] { return CountRows(db, "event = 'started'") == 1; }, 20000))
      << ReadFile(tmp / "up.err");
  usleep(200000);
  ASSERT_EQ(kill(pid, SIGKILL), 0);
  EXPECT_EQ(WaitFor(pid), 128 + SIGKILL);

  CommandResult status = RunStrata({"--dir", dir.string(), "--url", url, "--json", "status"});
  EXPECT_EQ(status.exit_code, 5);
  auto doc = nlohmann::json::parse(status.out);
  EXPECT_EQ(doc["dirty"]["migration"], "m0002_slow");
  EXPECT_EQ(doc["dirty"]["event"], "started");
  EXPECT_TRUE(SqliteHasTable(db, "half"));
  EXPECT_FALSE(SqliteHasTable(db, "never"));
  EXPECT_EQ(RunStrata({"--dir", dir.string(), "--url", url, "up"}).exit_code, 5);

  // The operator finishes the migration by hand and records it as applied.
  sqlite3* h = nullptr;
  sqlite3_open(db.c_str(), &h);
  ASSERT_EQ(sqlite3_exec(h, "CREATE TABLE never (x)", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(h);
  CommandResult repair =
      RunStrata({"--dir", dir.string(), "--url", url, "repair", "m0002_slow", "--applied"});
  EXPECT_EQ(repair.exit_code, 0) << repair.err;
  CommandResult after = RunStrata({"--dir", dir.string(), "--url", url, "--json", "status"});
  EXPECT_EQ(after.exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(after.out)["pending"], 0);
  EXPECT_EQ(RunStrata({"--dir", dir.string(), "--url", url, "audit"}).exit_code, 0);
}

// Killed at several points of a run of transactional migrations: the schema
// and the ledger agree afterwards, and the next `up` finishes the job.
TEST(Kill, KilledTransactionalRunLeavesSchemaAndLedgerInAgreement) {
  const int n = 12;
  for (int kill_after : {0, 3, 7}) {
    TempDir tmp;
    const fs::path dir = tmp / "migrations";
    std::string parent;
    for (int i = 1; i <= n; ++i) {
      std::string id = "s" + std::to_string(100 + i);
      std::string text = parent.empty() ? "" : "-- strata:parent " + parent + "\n";
      text += "-- strata:up\nCREATE TABLE " + id + " (x);\n" + SlowSelect(1500000) +
              "INSERT INTO " + id + " VALUES (1);\n-- strata:down\nDROP TABLE " + id + ";\n";
      WriteFile(dir / (id + ".sql"), text);
      parent = id;
    }
    const fs::path db = tmp / "tx.db";
    const std::string url = "sqlite:" + db.string();
    pid_t pid = SpawnStrata({"--dir", dir.string(), "--url", url, "up"}, tmp.path(), "up");
    ASSERT_TRUE(WaitUntil(
        [&] {
          return CountRows(db, "event = 'applied'") >= kill_after && fs::exists(tmp / "tx.db-wal");
        },
        60000));
    usleep(30000);
    kill(pid, SIGKILL);
    WaitFor(pid);

    auto applied = SqliteQuery(db, "SELECT migration_id FROM strata_ledger WHERE event='applied'");
    for (int i = 1; i <= n; ++i) {
      std::string id = "s" + std::to_string(100 + i);
      bool in_ledger = false;
      for (const auto& row : applied) in_ledger = in_ledger || row[0] == id;
      bool has_table = SqliteHasTable(db, id);
      EXPECT_EQ(in_ledger, has_table) << id << " after a kill at step " << kill_after;
      if (has_table) {
        EXPECT_EQ(SqliteQuery(db, "SELECT count(*) FROM " + id)[0][0], "1");
      }
    }
    CommandResult up = RunStrata({"--dir", dir.string(), "--url", url, "up"});
    EXPECT_EQ(up.exit_code, 0) << up.err;
    EXPECT_EQ(CountRows(db, "event = 'applied'"), n);
    EXPECT_EQ(RunStrata({"--dir", dir.string(), "--url", url, "audit"}).exit_code, 0);
  }
}

}  // namespace
}  // namespace strata::testing
