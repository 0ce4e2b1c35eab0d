// Failures in the middle of a run, on both engines: a failing statement is
// located in its file and rolled back, a failed no-transaction migration makes
// the database dirty until repaired, and nothing half-runs.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "integration/test_database.h"
#include "integration/test_support.h"

namespace strata::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class EngineFailures : public WorkspaceTest<::testing::TestWithParam<Engine>> {
 protected:
  void SetUp() override { Open(GetParam()); }
};

TEST_P(EngineFailures, FailingStatementIsLocatedAndRolledBack) {
  WriteChain(dir_.path(), 2);
  Write("m0003_t.sql",
        "-- strata:parent m0002_t\n-- strata:up\nCREATE TABLE t3 (x int);\n\nINSERT INTO t3 VALUES "
        "(1);\nINSERT INTO missing_table\n  VALUES (2);\n-- strata:down\nDROP TABLE t3;\n");
  CommandResult r = Strata({"up"});
  EXPECT_EQ(r.exit_code, 1);
  // The statement's file line; PostgreSQL also reports the column of the
  // missing table (SQLite 3.40 gives no offset for this error).
  EXPECT_NE(r.err.find(GetParam() == Engine::kPostgres ? "m0003_t.sql:6:13: error: "
                                                       : "m0003_t.sql:6:1: error: "),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("missing_table"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("statement: INSERT INTO missing_table"), std::string::npos) << r.err;
  if (GetParam() == Engine::kPostgres) {
    EXPECT_NE(r.err.find("database code: 42P01"), std::string::npos) << r.err;
  }
  // Earlier migrations stay applied; the failing one left nothing behind.
  EXPECT_TRUE(db_->HasRelation("t2"));
  EXPECT_FALSE(db_->HasRelation("t3"));
  auto last =
      db_->Query("SELECT event, migration_id, error FROM strata_ledger ORDER BY seq DESC LIMIT 1");
  EXPECT_EQ(last[0][0], "failed");
  EXPECT_EQ(last[0][1], "m0003_t");
  EXPECT_NE(last[0][2].find("missing_table"), std::string::npos);
  // A transactional failure is history, not dirt: fix the file and carry on.
  EXPECT_EQ(Strata({"status"}).exit_code, 0);
  Write("m0003_t.sql",
        "-- strata:parent m0002_t\n-- strata:up\nCREATE TABLE t3 (x int);\n-- strata:down\nDROP "
        "TABLE t3;\n");
  EXPECT_EQ(Strata({"up"}).exit_code, 0);
  EXPECT_TRUE(db_->HasRelation("t3"));
  EXPECT_EQ(Strata({"audit"}).exit_code, 0);
}

TEST_P(EngineFailures, FailedNoTransactionMigrationMakesTheDatabaseDirtyUntilRepaired) {
  WriteChain(dir_.path(), 1);
  Write("m0002_t.sql",
        "-- strata:parent m0001_t\n-- strata:no-transaction\n-- strata:up\nCREATE TABLE t2 (x "
        "int);\nINSERT INTO nope VALUES (1);\n-- strata:down\nDROP TABLE t2;\n");
  CommandResult r = Strata({"up"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(GetParam() == Engine::kPostgres ? "m0002_t.sql:5:13" : "m0002_t.sql:5:1"),
            std::string::npos)
      << r.err;
  EXPECT_TRUE(db_->HasRelation("t2"));  // the first statement committed on its own

  CommandResult status = Strata({"status"});
  EXPECT_EQ(status.exit_code, 5);
  EXPECT_NE(status.out.find("DIRTY: no-transaction migration 'm0002_t'"), std::string::npos);
  EXPECT_NE(status.out.find("strata repair m0002_t --applied"), std::string::npos);
  EXPECT_EQ(Strata({"up"}).exit_code, 5);
  EXPECT_EQ(Strata({"down", "--all"}).exit_code, 5);
  EXPECT_EQ(Strata({"stamp", "m0001_t"}).exit_code, 5);

  EXPECT_EQ(Strata({"repair", "m0001_t", "--reverted"}).exit_code, 2);  // not the dirty one
  EXPECT_EQ(Strata({"repair", "m0002_t"}).exit_code, 2);                // which outcome?
  // The operator undid the partial change by hand and records that.
  db_->Exec("DROP TABLE t2");
  EXPECT_EQ(Strata({"repair", "m0002_t", "--reverted", "--note", "dropped t2 by hand"}).exit_code,
            0);
  EXPECT_EQ(Strata({"status"}).exit_code, 0);
  EXPECT_EQ(db_->Scalar("SELECT error FROM strata_ledger WHERE event='repaired_reverted'"),
            "dropped t2 by hand");
  EXPECT_EQ(Strata({"audit"}).exit_code, 0);
}

TEST_P(EngineFailures, DownWithoutDownPartIsRefusedBeforeRunning) {
  Write("a.sql", "-- strata:up\nCREATE TABLE a (x int);\n");
  Write("b.sql",
        "-- strata:parent a\n-- strata:up\nCREATE TABLE b (x int);\n-- strata:down\nDROP TABLE "
        "b;\n");
  ASSERT_EQ(Strata({"up"}).exit_code, 0);
  CommandResult r = Strata({"down", "--all"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("'a' has no down part"), std::string::npos) << r.err;
  EXPECT_TRUE(db_->HasRelation("b"));  // nothing ran, not even b's down
}

TEST_P(EngineFailures, FailedDownKeepsEveryEarlierRow) {
  WriteChain(dir_.path(), 3);
  ASSERT_EQ(Strata({"up"}).exit_code, 0);
  // Someone dropped t2 by hand: its down part fails.
  db_->Exec("DROP TABLE t2");
  CommandResult r = Strata({"down", "--all"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("m0002_t.sql"), std::string::npos) << r.err;
  EXPECT_FALSE(db_->HasRelation("t3"));
  EXPECT_TRUE(db_->HasRelation("t1"));
  EXPECT_EQ(db_->LedgerCount("event = 'applied'"), 3);
  EXPECT_EQ(db_->LedgerCount("event = 'reverted'"), 1);
  EXPECT_EQ(db_->LedgerCount("event = 'failed' AND migration_id = 'm0002_t'"), 1);
  EXPECT_EQ(Strata({"audit"}).exit_code, 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, EngineFailures,
                         ::testing::Values(Engine::kSqlite, Engine::kPostgres),
                         [](const auto& info) { return EngineName(info.param); });

}  // namespace
}  // namespace strata::testing
