// `-- strata:verify` through the public Migrator API on the in-memory driver:
// where the checks run, what counts as a pass, and what a failure leaves
// behind in each transaction layout.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "drivers/memory/memory_driver.h"
#include "strata/events.h"
#include "strata/strata.h"

namespace strata {
namespace {

namespace fs = std::filesystem;

// m1 creates t1 and checks it with the query on line 5; m2 (a child) is a
// plain migration that must not run once m1 fails.
const char kVerified[] =
    "-- strata:up\n"              // 1
    "CREATE TABLE t1 (x INT);\n"  // 2
    "-- strata:down\n"            // 3
    "DROP TABLE t1;\n"            // 4
    "-- strata:verify\n"          // 5
    "SELECT check_t1;\n";         // 6
const char kChild[] =
    "-- strata:parent m1\n-- strata:up\nCREATE TABLE t2 (x INT);\n-- strata:down\nDROP TABLE t2;\n";

class EngineVerifyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    const auto ticks = std::chrono::steady_clock::now().time_since_epoch().count();
    dir_ =
        fs::temp_directory_path() / ("strata_engine_verify_test_" + std::to_string(::getpid()) +
                                     "_" + std::to_string(counter++) + "_" + std::to_string(ticks));
    fs::create_directories(dir_);
    Write("m1", kVerified);
    Write("m2", kChild);
    db_ = std::make_shared<drivers::MemoryDatabase>();
    options_.migrations_dir = dir_.string();
    options_.lock_timeout = std::chrono::milliseconds(10);
    options_.listener = [this](const Event& event) { events_.push_back(event); };
  }

  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  // A fresh directory and database, for tests that loop over cases.
  void Reset() {
    TearDown();
    events_.clear();
    SetUp();
  }

  void Write(const std::string& id, const std::string& text) {
    std::ofstream out(dir_ / (id + ".sql"), std::ios::binary | std::ios::trunc);
    out << text;
  }

  std::unique_ptr<Migrator> Open() {
    auto migrator = Migrator::Open(options_, drivers::MakeMemoryDriver(db_));
    EXPECT_TRUE(migrator.ok()) << migrator.status().ToString();
    return migrator.ok() ? std::move(migrator).value() : nullptr;
  }

  // Runs `up` to the heads with the verify query answering `rows`.
  Result<RunReport> UpWith(std::vector<Row> rows, const RunOptions& run = {}) {
    db_->query_rows["check_t1"] = std::move(rows);
    auto migrator = Open();
    if (migrator == nullptr) return Status(Code::kInternal, "no migrator");
    return migrator->Run(Operation::UpToHeads(), run);
  }

  std::vector<LedgerEvent> LedgerEvents() const {
    std::vector<LedgerEvent> out;
    for (const LedgerEntry& e : db_->ledger) out.push_back(e.event);
    return out;
  }

  int Failures() const {
    int n = 0;
    for (const Event& e : events_) n += e.kind == EventKind::kMigrationFailed ? 1 : 0;
    return n;
  }

  fs::path dir_;
  std::shared_ptr<drivers::MemoryDatabase> db_;
  MigratorOptions options_;
  std::vector<Event> events_;
};

TEST_F(EngineVerifyTest, APassingQueryRunsAfterTheUpPartInItsTransaction) {
  auto run = UpWith({{"t"}});
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_EQ(run->completed, 2);
  EXPECT_EQ(db_->executed, (std::vector<std::string>{"CREATE TABLE t1 (x INT)", "SELECT check_t1",
                                                     "CREATE TABLE t2 (x INT)"}));
  EXPECT_EQ(LedgerEvents(),
            (std::vector<LedgerEvent>{LedgerEvent::kApplied, LedgerEvent::kApplied}));
}

TEST_F(EngineVerifyTest, TrueIsEitherEnginesBoolean) {
  for (const char* value : {"t", "true", "TRUE", "1", "-3", "0.5"}) {
    SCOPED_TRACE(value);
    Reset();
    auto run = UpWith({{value, std::nullopt}});
    EXPECT_TRUE(run.ok()) << run.status().ToString();
  }
}

TEST_F(EngineVerifyTest, AFailingQueryRollsTheMigrationBackAndRecordsTheFailure) {
  struct Case {
    std::vector<Row> rows;
    const char* message;
  };
  const std::vector<Case> cases = {
      {{{"f"}}, "verify failed: the query returned false"},
      {{{"0"}}, "verify failed: the query returned false"},
      {{}, "verify failed: the query returned no rows"},
      {{{std::nullopt}}, "verify failed: the query returned NULL"},
      {{Row{}}, "verify failed: the query returned no columns"},
      {{{"yes"}}, "verify failed: the query returned 'yes', which is not a boolean"},
      {{{"f"}, {"t"}}, "verify failed: the query returned false"},  // the first row counts
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.message);
    Reset();
    auto run = UpWith(c.rows);
    ASSERT_FALSE(run.ok());
    EXPECT_EQ(run.status().code(), Code::kVerifyFailed);
    EXPECT_EQ(run.status().message(), c.message);
    const ErrorContext& ctx = run.status().context();
    EXPECT_EQ(ctx.migration_id, "m1");
    EXPECT_EQ(ctx.file, (dir_ / "m1.sql").string());
    EXPECT_EQ(ctx.line, 6);
    EXPECT_EQ(ctx.statement_index, 0);
    EXPECT_EQ(ctx.statement, "SELECT check_t1");
    EXPECT_TRUE(db_->executed.empty());  // the up part rolled back; m2 never ran
    ASSERT_EQ(LedgerEvents(), (std::vector<LedgerEvent>{LedgerEvent::kFailed}));
    EXPECT_EQ(db_->ledger[0].error, c.message);
    EXPECT_EQ(Failures(), 1);
  }
}

TEST_F(EngineVerifyTest, AnErroringStatementFailsWithTheDatabasesMessage) {
  db_->fail_on = "check_t1";
  db_->fail_message = "no such column: check_t1";
  auto run = UpWith({{"t"}});
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.status().code(), Code::kSqlError);
  EXPECT_EQ(run.status().message(), "verify failed: no such column: check_t1");
  EXPECT_EQ(run.status().context().line, 6);
  EXPECT_TRUE(db_->executed.empty());
  EXPECT_EQ(LedgerEvents(), (std::vector<LedgerEvent>{LedgerEvent::kFailed}));
}

TEST_F(EngineVerifyTest, AStatementWithoutResultSetOnlyHasToSucceed) {
  Write("m1",
        "-- strata:up\nCREATE TABLE t1 (x INT);\n-- strata:verify\nINSERT INTO t1 VALUES (1);\n");
  auto migrator = Open();
  ASSERT_NE(migrator, nullptr);
  auto run = migrator->Run(Operation::UpToHeads());
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_EQ(db_->executed[1], "INSERT INTO t1 VALUES (1)");
}

TEST_F(EngineVerifyTest, NoTransactionMigrationWhoseVerifyFailsIsDirty) {
  Write("m1", std::string("-- strata:no-transaction\n") + kVerified);
  auto run = UpWith({{"f"}});
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.status().code(), Code::kVerifyFailed);
  EXPECT_EQ(run.status().context().line, 7);
  // The up part ran outside a transaction: it stays, and the ledger says so.
  EXPECT_EQ(db_->executed,
            (std::vector<std::string>{"CREATE TABLE t1 (x INT)", "SELECT check_t1"}));
  EXPECT_EQ(LedgerEvents(),
            (std::vector<LedgerEvent>{LedgerEvent::kStarted, LedgerEvent::kFailed}));
  auto status = Open()->GetStatus();
  ASSERT_TRUE(status.ok()) << status.status().ToString();
  ASSERT_TRUE(status->dirty.has_value());
  EXPECT_EQ(status->dirty->migration_id, "m1");
}

TEST_F(EngineVerifyTest, SingleTransactionRunsVerifyInsideTheOneTransaction) {
  RunOptions one;
  one.single_transaction = true;
  auto ok = UpWith({{"t"}}, one);
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(db_->executed.size(), 3u);

  Reset();
  auto failed = UpWith({{"f"}}, one);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().code(), Code::kVerifyFailed);
  EXPECT_TRUE(db_->executed.empty());
  EXPECT_EQ(LedgerEvents(), (std::vector<LedgerEvent>{LedgerEvent::kFailed}));
}

TEST_F(EngineVerifyTest, DownDoesNotRunVerify) {
  ASSERT_TRUE(UpWith({{"t"}}).ok());
  db_->query_rows["check_t1"] = {{"f"}};  // would fail if it ran
  auto down = Open()->Run(Operation::DownAll());
  ASSERT_TRUE(down.ok()) << down.status().ToString();
  EXPECT_EQ(db_->executed.back(), "DROP TABLE t1");
  EXPECT_EQ(std::count(db_->executed.begin(), db_->executed.end(), "SELECT check_t1"), 1);
}

TEST_F(EngineVerifyTest, ScriptShowsVerifyStatementsBeforeTheLedgerRow) {
  auto script = Open()->Script(Operation::UpToHeads());
  ASSERT_TRUE(script.ok()) << script.status().ToString();
  const size_t create = script->find("CREATE TABLE t1 (x INT);");
  const size_t comment =
      script->find("-- strata:verify (checked by strata up, not by this script)");
  const size_t query = script->find("SELECT check_t1;");
  const size_t row = script->find("memory_ledger", create);
  ASSERT_NE(create, std::string::npos) << *script;
  ASSERT_NE(comment, std::string::npos) << *script;
  EXPECT_LT(create, comment);
  EXPECT_LT(comment, query);
  EXPECT_LT(query, row);
}

}  // namespace
}  // namespace strata
