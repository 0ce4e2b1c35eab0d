// `-- strata:verify` end to end on real SQLite files and a real PostgreSQL
// server: a check that fails undoes its migration (or leaves it dirty outside
// a transaction) and is reported at its own file:line; `down` never runs it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "integration/test_database.h"
#include "integration/test_support.h"

namespace strata::testing {
namespace {

using nlohmann::json;

// A migration that creates `items` with one row (n = 0) and checks it with
// `verify`, whose first statement is on line 5.
std::string ItemsMigration(const std::string& verify, bool transactional = true) {
  return std::string(transactional ? "" : "-- strata:no-transaction\n") +
         "-- strata:up\n"                     // 1
         "CREATE TABLE items (n INTEGER);\n"  // 2
         "INSERT INTO items VALUES (0);\n"    // 3
         "-- strata:verify\n"                 // 4
         + verify +                           // 5...
         "-- strata:down\n"
         "DROP TABLE items;\n";
}

class Verify : public WorkspaceTest<::testing::TestWithParam<Engine>> {
 protected:
  void SetUp() override { Open(GetParam()); }

  // Runs `up` on a verify part expected to fail at line `line` of v1.sql.
  CommandResult UpFailsAt(int line, const std::string& message) {
    CommandResult r = Strata({"up"});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.err.find("v1.sql:" + std::to_string(line) + ":"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
    // The up part rolled back with the failed check; the ledger says so.
    EXPECT_FALSE(db_->HasRelation("items"));
    EXPECT_EQ(db_->LedgerCount("event = 'failed' AND migration_id = 'v1'"), 1);
    EXPECT_EQ(db_->LedgerCount("event = 'applied'"), 0);
    return r;
  }
};

TEST_P(Verify, PassingChecksLetTheMigrationApply) {
  Write("v1.sql",
        ItemsMigration("SELECT count(*) = 1 FROM items;\nSELECT min(n) = 0 FROM items;\n"));
  CommandResult r = Strata({"up"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(db_->HasRelation("items"));
  EXPECT_EQ(db_->LedgerCount("event = 'applied' AND migration_id = 'v1'"), 1);
  EXPECT_EQ(Strata({"audit"}).exit_code, 0);
}

TEST_P(Verify, AFalseQueryFailsTheMigrationAtItsLine) {
  Write("v1.sql",
        ItemsMigration("SELECT count(*) = 1 FROM items;\nSELECT min(n) > 0 FROM items;\n"));
  CommandResult r = UpFailsAt(6, "error: verify failed: the query returned false");
  EXPECT_NE(r.err.find("statement: SELECT min(n) > 0 FROM items"), std::string::npos) << r.err;
  auto error = db_->Query("SELECT error FROM strata_ledger WHERE event = 'failed'");
  EXPECT_EQ(error[0][0], "verify failed: the query returned false");
  // The failure is history, not dirt: status is clean and JSON names the check.
  EXPECT_EQ(Strata({"status"}).exit_code, 0);
  CommandResult again = Strata({"--json", "up"});
  EXPECT_EQ(again.exit_code, 1);
  json doc = json::parse(again.out);
  EXPECT_EQ(doc["error"]["code"], "verify_failed");
  EXPECT_EQ(doc["error"]["line"], 6);
  EXPECT_EQ(doc["error"]["migration"], "v1");
}

TEST_P(Verify, NoRowsFails) {
  Write("v1.sql", ItemsMigration("SELECT n = 0 FROM items WHERE n > 100;\n"));
  UpFailsAt(5, "verify failed: the query returned no rows");
}

TEST_P(Verify, NullFails) {
  Write("v1.sql", ItemsMigration("SELECT max(n) = 0 FROM items WHERE n < 0;\n"));
  UpFailsAt(5, "verify failed: the query returned NULL");
}

TEST_P(Verify, AnErroringStatementFailsWithTheDatabasesMessage) {
  Write("v1.sql", ItemsMigration("SELECT 1 = 1;\nSELECT no_such_column FROM items;\n"));
  UpFailsAt(6, "verify failed: ");
  CommandResult r = Strata({"up"});
  EXPECT_NE(r.err.find(GetParam() == Engine::kPostgres ? "column \"no_such_column\" does not exist"
                                                       : "no such column: no_such_column"),
            std::string::npos)
      << r.err;
}

TEST_P(Verify, AStatementWithoutResultsOnlyHasToSucceed) {
  const std::string check = GetParam() == Engine::kPostgres
                                ? "DO $$ BEGIN IF (SELECT count(*) FROM items) <> 1 THEN RAISE "
                                  "EXCEPTION 'items: expected one row'; END IF; END $$;\n"
                                : "";
  Write("v1.sql", ItemsMigration(check + "INSERT INTO items VALUES (7);\n"));
  CommandResult r = Strata({"up"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(db_->Scalar("SELECT count(*) FROM items"), "2");  // the INSERT committed with it
}

TEST_P(Verify, AFailingStatementWithoutResultsFailsWithItsMessage) {
  const bool pg = GetParam() == Engine::kPostgres;
  Write("v1.sql", ItemsMigration(pg ? "DO $$ BEGIN IF (SELECT count(*) FROM items) <> 2 THEN RAISE "
                                      "EXCEPTION 'items: expected two rows'; END IF; END $$;\n"
                                    : "INSERT INTO no_such_table VALUES (1);\n"));
  UpFailsAt(5, pg ? "verify failed: items: expected two rows"
                  : "verify failed: no such table: no_such_table");
}

TEST_P(Verify, NoTransactionMigrationWhoseCheckFailsIsDirty) {
  Write("v1.sql", ItemsMigration("SELECT count(*) = 5 FROM items;\n", /*transactional=*/false));
  CommandResult r = Strata({"up"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("v1.sql:6:"), std::string::npos) << r.err;  // the directive shifts it
  EXPECT_TRUE(db_->HasRelation("items"));  // ran statement by statement: it stays
  EXPECT_EQ(db_->LedgerCount("event = 'started'"), 1);
  EXPECT_EQ(db_->LedgerCount("event = 'failed'"), 1);
  CommandResult status = Strata({"status"});
  EXPECT_EQ(status.exit_code, 5);
  EXPECT_NE(status.out.find("DIRTY: no-transaction migration 'v1'"), std::string::npos)
      << status.out;
  EXPECT_NE(status.out.find("verify failed: the query returned false"), std::string::npos)
      << status.out;
}

TEST_P(Verify, SingleTransactionUndoesEarlierMigrationsToo) {
  WriteChain(dir_.path(), 1);
  Write("v1.sql",
        "-- strata:parent m0001_t\n" + ItemsMigration("SELECT count(*) = 9 FROM items;\n"));
  CommandResult r = Strata({"up", "--single-transaction"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("v1.sql:6:"), std::string::npos) << r.err;
  EXPECT_FALSE(db_->HasRelation("t1"));
  EXPECT_FALSE(db_->HasRelation("items"));
  EXPECT_EQ(db_->LedgerCount("event = 'applied'"), 0);
}

TEST_P(Verify, DownDoesNotRunTheCheck) {
  Write("v1.sql", ItemsMigration("SELECT count(*) = 1 FROM items;\n"));
  ASSERT_EQ(Strata({"up"}).exit_code, 0);
  db_->Exec("INSERT INTO items VALUES (1)");  // the check would now fail
  CommandResult down = Strata({"down", "--all"});
  ASSERT_EQ(down.exit_code, 0) << down.err;
  EXPECT_FALSE(db_->HasRelation("items"));
  EXPECT_EQ(db_->LedgerCount("event = 'reverted'"), 1);
}

TEST_P(Verify, SqlScriptShowsTheChecksUnderAComment) {
  Write("v1.sql", ItemsMigration("SELECT count(*) = 1 FROM items;\n"));
  CommandResult sql = Strata({"up", "--sql"});
  ASSERT_EQ(sql.exit_code, 0) << sql.err;
  const size_t insert = sql.out.find("INSERT INTO items VALUES (0);");
  const size_t comment = sql.out.find(
      "-- strata:verify (checked by strata up, not by this script)\n"
      "SELECT count(*) = 1 FROM items;\n");
  const size_t ledger = sql.out.find("\"strata_ledger\" (seq", insert);
  ASSERT_NE(insert, std::string::npos) << sql.out;
  ASSERT_NE(comment, std::string::npos) << sql.out;
  EXPECT_LT(insert, comment);
  EXPECT_LT(comment, ledger);
  EXPECT_FALSE(db_->HasRelation("items"));
  // Run by hand, the script still applies the migration and a valid ledger.
  db_->Exec(sql.out);
  EXPECT_TRUE(db_->HasRelation("items"));
  EXPECT_EQ(Strata({"audit"}).exit_code, 0);
}

TEST_P(Verify, ValidateParsesTheVerifyPart) {
  Write("v1.sql", ItemsMigration("SELECT 1;\nSELECT 1 2;\n"));
  CommandResult r = Strata({"validate", "--offline"});
  if (GetParam() == Engine::kPostgres) {
    EXPECT_EQ(r.exit_code, 3) << r.err;
    EXPECT_NE(r.err.find("v1.sql:6:10: error: syntax error"), std::string::npos) << r.err;
  } else {
    // SQLite's splitter does not parse; the engine reports it when it runs.
    EXPECT_EQ(r.exit_code, 0) << r.err;
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, Verify, ::testing::Values(Engine::kSqlite, Engine::kPostgres),
                         [](const auto& info) { return EngineName(info.param); });

}  // namespace
}  // namespace strata::testing
