// The PostgreSQL server crashes (immediate shutdown) and comes back in the
// middle of a run, at several points: strata fails with a clear error, the
// schema and the ledger agree (every migration is wholly there with its row or
// wholly absent), and the next `up` finishes. Uses a private cluster, so the
// crash cannot disturb other tests running in parallel.
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <cstdlib>
#include <functional>

#include "integration/test_support.h"

namespace strata::testing {
namespace {

namespace fs = std::filesystem;

const std::string kServerScript = std::string(STRATA_SOURCE_DIR) + "/scripts/pg-test-server.sh";

int Shell(const std::string& command) { return std::system(command.c_str()); }

// Scalar query; "" when the server cannot be reached.
std::string Scalar(const std::string& url, const std::string& sql) {
  PGconn* conn = PQconnectdb(url.c_str());
  std::string value;
  if (PQstatus(conn) == CONNECTION_OK) {
    PGresult* r = PQexec(conn, sql.c_str());
    if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0) value = PQgetvalue(r, 0, 0);
    PQclear(r);
  }
  PQfinish(conn);
  return value;
}

class PrivateServer {
 public:
  PrivateServer() {
    fs::permissions(dir_.path(), fs::perms::all, fs::perm_options::add);
    EXPECT_EQ(Shell("bash " + kServerScript + " start " + dir_.path().string() + " >/dev/null"), 0);
    url_ = ReadFile(dir_ / "url");
    while (!url_.empty() && url_.back() == '\n') url_.pop_back();
  }
  ~PrivateServer() { Shell("bash " + kServerScript + " stop " + dir_.path().string()); }
  void Crash() { EXPECT_EQ(Shell("bash " + kServerScript + " crash " + dir_.path().string()), 0); }
  void Resume() {
    EXPECT_EQ(Shell("bash " + kServerScript + " resume " + dir_.path().string()), 0);
  }
  const std::string& url() const { return url_; }

 private:
  TempDir dir_;
  std::string url_;
};

TEST(ServerCrash, LedgerAndSchemaAgreeAndTheNextRunFinishes) {
  PrivateServer server;
  ASSERT_FALSE(server.url().empty());
  const int n = 10;
  TempDir tmp;
  std::string parent;
  for (int i = 1; i <= n; ++i) {
    std::string id = "c" + std::to_string(100 + i);
    std::string text = parent.empty() ? "" : "-- strata:parent " + parent + "\n";
    text += "-- strata:up\nCREATE TABLE " + id + " (x int);\nSELECT pg_sleep(0.25);\nINSERT INTO " +
            id + " VALUES (1);\n-- strata:down\nDROP TABLE " + id + ";\n";
    WriteFile(tmp / "migrations" / (id + ".sql"), text);
    parent = id;
  }
  const std::string dir = (tmp / "migrations").string();
  auto applied = [&] {
    std::string count =
        Scalar(server.url(), "SELECT count(*) FROM strata_ledger WHERE event = 'applied'");
    return count.empty() ? 0 : std::stoi(count);
  };
  int expected_rows = 0;
  for (int crash_after : {2, 6}) {
    SCOPED_TRACE("crash after " + std::to_string(crash_after) + " applied");
    const int before = applied();
    pid_t pid = SpawnStrata({"--dir", dir, "--url", server.url(), "up"}, tmp.path(), "up");
    ASSERT_TRUE(WaitUntil([&] { return applied() >= before + crash_after; }, 60000));
    server.Crash();
    int code = WaitFor(pid);
    std::string err = ReadFile(tmp / "up.err");
    EXPECT_EQ(code, 1) << err;
    EXPECT_TRUE(err.find("connection") != std::string::npos ||
                err.find("terminat") != std::string::npos)
        << err;
    server.Resume();

    // Every migration is wholly there with its ledger row, or wholly absent.
    // Commits are asynchronous until the run ends (strata forces the flush
    // only when it reports success), so the last few may be gone: that
    // migration is then wholly gone, ledger row included.
    int rows = applied();
    EXPECT_GE(rows, expected_rows);
    for (int i = 1; i <= n; ++i) {
      std::string id = "c" + std::to_string(100 + i);
      // The ledger's last word on it: applied, or reverted / never run.
      bool in_ledger =
          Scalar(server.url(), "SELECT event FROM strata_ledger WHERE migration_id = '" + id +
                                   "' AND event IN ('applied', 'reverted') ORDER BY seq DESC "
                                   "LIMIT 1") == "applied";
      bool has_table = Scalar(server.url(), "SELECT to_regclass('" + id + "') IS NOT NULL") == "t";
      EXPECT_EQ(in_ledger, has_table) << id;
      if (has_table) {
        EXPECT_EQ(Scalar(server.url(), "SELECT count(*) FROM " + id), "1") << id;
      }
    }
    expected_rows = rows;
    if (crash_after == 2) {
      // Revert what ran so the second round crashes in the middle again.
      CommandResult down = RunStrata({"--dir", dir, "--url", server.url(), "down", "--all"});
      ASSERT_EQ(down.exit_code, 0) << down.err;
      expected_rows = applied();
    }
  }
  CommandResult up = RunStrata({"--dir", dir, "--url", server.url(), "up"});
  EXPECT_EQ(up.exit_code, 0) << up.err;
  EXPECT_EQ(Scalar(server.url(), "SELECT count(*) FROM c110"), "1");
  EXPECT_EQ(RunStrata({"--dir", dir, "--url", server.url(), "audit"}).exit_code, 0);
}

}  // namespace
}  // namespace strata::testing
