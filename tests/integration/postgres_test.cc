// PostgreSQL-only behaviour, on the throwaway server: statements refused at
// validation time, CREATE INDEX CONCURRENTLY and INVALID indexes, lock
// timeouts that name the blocker and retries, the ledger's schema, and
// passwords kept out of every message.
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "integration/test_database.h"
#include "integration/test_support.h"

namespace strata::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class Postgres : public WorkspaceTest<::testing::Test> {
 protected:
  void SetUp() override { Open(Engine::kPostgres); }
};

// A session of the test's own that holds locks while strata runs.
class Session {
 public:
  explicit Session(const std::string& url) : conn_(PQconnectdb(url.c_str())) {
    EXPECT_EQ(PQstatus(conn_), CONNECTION_OK) << PQerrorMessage(conn_);
  }
  ~Session() { PQfinish(conn_); }
  void Run(const std::string& sql) {
    PGresult* r = PQexec(conn_, sql.c_str());
    EXPECT_TRUE(PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK)
        << PQresultErrorMessage(r);
    PQclear(r);
  }

 private:
  PGconn* conn_;
};

TEST_F(Postgres, StatementsThatCannotRunAsWrittenAreRefusedBeforeAnythingRuns) {
  struct Case {
    std::string body;
    std::string where;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"CREATE TABLE a (x int);\nCREATE INDEX CONCURRENTLY a_x ON a (x);\n", "a.sql:3",
       "CREATE INDEX CONCURRENTLY cannot run inside a transaction: add '-- strata:no-transaction'"},
      {"CREATE TABLE a (x int);\n\\set ON_ERROR_STOP on\n", "a.sql:3", "psql meta-command"},
      {"CREATE TABLE a (x int);\nCOPY a FROM STDIN;\n", "a.sql:3", "COPY ... FROM STDIN"},
      {"CREATE TABLE a (x int);\nVACUUM a;\n", "a.sql:3", "VACUUM cannot run inside a transaction"},
      {"CREATE TABLE a (x int);\nCOMMIT;\n", "a.sql:3", "transaction control"},
      {"CREATE TABLE a (x int);\nSELECT 1\n  FRM a;\n", "a.sql:4:7",
       "syntax error at or near \"a\""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.body);
    Write("a.sql", "-- strata:up\n" + c.body);
    CommandResult validate = Strata({"validate"});
    EXPECT_EQ(validate.exit_code, 3);
    EXPECT_NE(validate.err.find(c.where), std::string::npos) << validate.err;
    EXPECT_NE(validate.err.find(c.message), std::string::npos) << validate.err;
    CommandResult up = Strata({"up"});
    EXPECT_EQ(up.exit_code, 3) << up.err;
    EXPECT_FALSE(db_->HasRelation("a"));
    EXPECT_FALSE(db_->HasRelation("strata_ledger"));
  }
}

TEST_F(Postgres, ConcurrentIndexInANoTransactionMigration) {
  Write("a.sql", "-- strata:up\nCREATE TABLE a (x int);\nINSERT INTO a VALUES (1), (2);\n");
  Write("b.sql",
        "-- strata:parent a\n-- strata:no-transaction\n-- strata:up\nCREATE INDEX CONCURRENTLY "
        "IF NOT EXISTS a_x ON a (x);\n-- strata:down\nDROP INDEX CONCURRENTLY IF EXISTS a_x;\n");
  CommandResult up = Strata({"up"});
  ASSERT_EQ(up.exit_code, 0) << up.err;
  EXPECT_EQ(db_->Scalar("SELECT indisvalid FROM pg_index WHERE indexrelid = 'a_x'::regclass"), "t");
  ASSERT_EQ(Strata({"down", "-1"}).exit_code, 0);
  EXPECT_FALSE(db_->HasRelation("a_x"));
}

TEST_F(Postgres, FailedConcurrentIndexNamesTheInvalidIndexAndIfNotExistsDoesNotHideIt) {
  Write("a.sql", "-- strata:up\nCREATE TABLE a (x int);\nINSERT INTO a VALUES (1), (1);\n");
  Write("b.sql",
        "-- strata:parent a\n-- strata:no-transaction\n-- strata:up\nCREATE UNIQUE INDEX "
        "CONCURRENTLY IF NOT EXISTS a_x ON a (x);\n-- strata:down\nDROP INDEX CONCURRENTLY a_x;\n");
  CommandResult first = Strata({"up"});
  EXPECT_EQ(first.exit_code, 1);
  EXPECT_NE(first.err.find("could not create unique index"), std::string::npos) << first.err;
  EXPECT_NE(first.err.find("DROP INDEX CONCURRENTLY IF EXISTS \"a_x\";"), std::string::npos)
      << first.err;
  EXPECT_EQ(db_->Scalar("SELECT indisvalid FROM pg_index WHERE indexrelid = 'a_x'::regclass"), "f");
  // status explains the dirty state with the statement that repairs it.
  CommandResult status = Strata({"status"});
  EXPECT_EQ(status.exit_code, 5);
  EXPECT_NE(status.out.find("INVALID index \"a_x\""), std::string::npos) << status.out;

  // The operator fixes the data but not the leftover index, and marks the
  // migration reverted: re-running IF NOT EXISTS would skip the INVALID index.
  db_->Exec("DELETE FROM a WHERE ctid = (SELECT max(ctid) FROM a)");
  ASSERT_EQ(Strata({"repair", "b", "--reverted"}).exit_code, 0);
  CommandResult second = Strata({"up"});
  EXPECT_EQ(second.exit_code, 1);
  EXPECT_NE(second.err.find("exists but is INVALID"), std::string::npos) << second.err;
  EXPECT_EQ(db_->LedgerCount("event = 'applied' AND migration_id = 'b'"), 0);

  // Following the hint makes it succeed.
  db_->Exec("DROP INDEX CONCURRENTLY IF EXISTS a_x");
  ASSERT_EQ(Strata({"repair", "b", "--reverted"}).exit_code, 0);
  CommandResult third = Strata({"up"});
  EXPECT_EQ(third.exit_code, 0) << third.err;
  EXPECT_EQ(db_->Scalar("SELECT indisvalid FROM pg_index WHERE indexrelid = 'a_x'::regclass"), "t");
}

TEST_F(Postgres, LockTimeoutNamesTheBlockerAndRetriesSucceedOnceItLetsGo) {
  Write("a.sql", "-- strata:up\nCREATE TABLE a (x int);\n");
  Write("b.sql",
        "-- strata:parent a\n-- strata:up\nALTER TABLE a ADD COLUMN y int;\n-- strata:down\nALTER "
        "TABLE a DROP COLUMN y;\n");
  ASSERT_EQ(Strata({"up", "a"}).exit_code, 0);
  Session blocker(db_->url() + "?application_name=long_report");
  blocker.Run("BEGIN");
  blocker.Run("SELECT count(*) FROM a");  // holds ACCESS SHARE until the transaction ends

  CommandResult blocked = Strata({"--ddl-lock-timeout", "0.3", "up"});
  EXPECT_EQ(blocked.exit_code, 1);
  EXPECT_NE(blocked.err.find("lock timeout"), std::string::npos) << blocked.err;
  EXPECT_NE(blocked.err.find("application_name 'long_report'"), std::string::npos) << blocked.err;
  EXPECT_NE(blocked.err.find("idle in transaction"), std::string::npos) << blocked.err;
  EXPECT_NE(blocked.err.find("AccessShareLock"), std::string::npos) << blocked.err;
  EXPECT_EQ(db_->Scalar("SELECT count(*) FROM information_schema.columns WHERE table_name = 'a' "
                        "AND column_name = 'y'"),
            "0");

  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    blocker.Run("COMMIT");
  });
  CommandResult retried = Strata({"--ddl-lock-timeout", "0.3", "up", "--retries", "5"});
  release.join();
  EXPECT_EQ(retried.exit_code, 0) << retried.err;
  EXPECT_NE(retried.err.find("retry 1 of 5"), std::string::npos) << retried.err;
  EXPECT_EQ(db_->LedgerCount("event = 'applied' AND migration_id = 'b'"), 1);
  EXPECT_EQ(Strata({"audit"}).exit_code, 0);
}

TEST_F(Postgres, LedgerLivesInTheChosenSchemaAndApplicationNameIsStrata) {
  WriteChain(dir_.path(), 2);
  ASSERT_EQ(Strata({"--schema", "deploy_meta", "up"}).exit_code, 0);
  EXPECT_EQ(db_->Scalar("SELECT count(*) FROM deploy_meta.strata_ledger"), "2");
  EXPECT_FALSE(db_->HasRelation("strata_ledger"));  // not in public
  // Another schema is another ledger: nothing applied there yet.
  CommandResult other = Strata({"--json", "status"});
  EXPECT_EQ(json::parse(other.out)["pending"], 2);
}

// Behind a transaction-pooling proxy a session lock does not hold; the lease
// must keep racing migrators apart on its own.
TEST_F(Postgres, LeaseModeRaceAppliesEveryMigrationExactlyOnce) {
  WriteChain(dir_.path(), 200);
  std::vector<pid_t> pids;
  for (int i = 0; i < 8; ++i) {
    pids.push_back(SpawnStrata({"--dir", dir_.path().string(), "--url", db_->url(), "--lock-mode",
                                "lease", "--lock-timeout", "120", "up"},
                               tmp_.path(), "p" + std::to_string(i)));
  }
  for (size_t i = 0; i < pids.size(); ++i) {
    EXPECT_EQ(WaitFor(pids[i]), 0) << ReadFile(tmp_ / ("p" + std::to_string(i) + ".err"));
  }
  EXPECT_EQ(db_->Scalar("SELECT count(*) FROM strata_ledger"), "200");
  EXPECT_EQ(db_->Scalar("SELECT count(DISTINCT migration_id) FROM strata_ledger"), "200");
  // Every run took the lease once with a new token and released it.
  EXPECT_EQ(db_->Scalar("SELECT token FROM strata_ledger_lease"), "8");
  EXPECT_EQ(db_->Scalar("SELECT expires_at < now() FROM strata_ledger_lease"), "t");
  EXPECT_EQ(Strata({"audit"}).exit_code, 0);
}

TEST_F(Postgres, ExpiredLeaseIsTakenOverAndALiveOneNamesItsHolder) {
  WriteChain(dir_.path(), 2);
  db_->Exec(
      "CREATE TABLE strata_ledger_lease (name text PRIMARY KEY, owner text NOT NULL, "
      "token bigint NOT NULL, expires_at timestamptz NOT NULL)");
  db_->Exec(
      "INSERT INTO strata_ledger_lease VALUES ('strata_ledger', 'deploy-7 (crashed)', 41, "
      "now() + interval '1 hour')");
  CommandResult blocked = Strata({"--lock-mode", "lease", "--lock-timeout", "0.3", "up"});
  EXPECT_EQ(blocked.exit_code, 4);
  EXPECT_NE(blocked.err.find("lease held by deploy-7 (crashed) (token 41"), std::string::npos)
      << blocked.err;
  EXPECT_FALSE(db_->HasRelation("strata_ledger"));

  db_->Exec("UPDATE strata_ledger_lease SET expires_at = now() - interval '1 minute'");
  CommandResult up = Strata({"--lock-mode", "lease", "up"});
  EXPECT_EQ(up.exit_code, 0) << up.err;
  EXPECT_EQ(db_->Scalar("SELECT token FROM strata_ledger_lease"), "42");
  EXPECT_EQ(db_->LedgerCount("event = 'applied'"), 2);
}

TEST_F(Postgres, MigratorThatLostItsLeaseRecordsNothing) {
  Write("a.sql", "-- strata:up\nCREATE TABLE a (x int);\nSELECT pg_sleep(2);\n");
  pid_t pid = SpawnStrata(
      {"--dir", dir_.path().string(), "--url", db_->url(), "--lock-mode", "lease", "up"},
      tmp_.path(), "slow");
  ASSERT_TRUE(WaitUntil(
      [&] {
        return db_->HasRelation("strata_ledger_lease") &&
               db_->Scalar("SELECT count(*) FROM strata_ledger_lease WHERE expires_at > now()") ==
                   "1";
      },
      20000));
  // Another migrator takes the lease over while the first is mid-migration
  // (as if the first had stalled past its expiry).
  db_->Exec(
      "UPDATE strata_ledger_lease SET token = token + 1, owner = 'usurper', expires_at = "
      "now() + interval '1 hour'");
  EXPECT_EQ(WaitFor(pid), 4) << ReadFile(tmp_ / "slow.err");
  EXPECT_NE(ReadFile(tmp_ / "slow.err").find("took it over"), std::string::npos)
      << ReadFile(tmp_ / "slow.err");
  // The fence aborted the migration's transaction: no table, no applied row.
  EXPECT_FALSE(db_->HasRelation("a"));
  EXPECT_EQ(db_->LedgerCount("event = 'applied'"), 0);
}

TEST_F(Postgres, PasswordsNeverAppearEvenWhenTheUrlDoesNotParse) {
  WriteChain(dir_.path(), 1);
  const std::string canary = "Canary-Pw-5521";
  for (const std::string& url :
       {"postgresql://app:" + canary + "@[::1/db", "postgres://app:" + canary + "@127.0.0.1:1/db",
        "postgres://app:" + canary + "@127.0.0.1:1/db?sslmode=bogus",
        "host=127.0.0.1 port=1 user=app password=" + canary}) {
    SCOPED_TRACE(url);
    for (const char* json_flag : {"", "--json"}) {
      std::vector<std::string> args = {"--dir", dir_.path().string(), "--url", url};
      if (*json_flag != 0) args.push_back(json_flag);
      args.push_back("up");
      CommandResult r = RunStrata(args);
      EXPECT_NE(r.exit_code, 0);
      EXPECT_EQ(r.out.find(canary), std::string::npos) << r.out;
      EXPECT_EQ(r.err.find(canary), std::string::npos) << r.err;
    }
  }
}

}  // namespace
}  // namespace strata::testing
