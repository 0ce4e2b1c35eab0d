// Engine tests through the public Migrator API on the in-memory driver, with
// injected failures.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "drivers/memory/memory_driver.h"
#include "model/checksum.h"
#include "model/ledger.h"
#include "strata/events.h"
#include "strata/ledger_entry.h"
#include "strata/strata.h"

namespace strata {
namespace {

namespace fs = std::filesystem;

::testing::AssertionResult Contains(const std::string& haystack, const std::string& needle) {
  if (haystack.find(needle) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "'" << haystack << "' does not contain '" << needle << "'";
}

size_t CountOf(const std::string& haystack, const std::string& needle) {
  size_t count = 0;
  for (size_t pos = haystack.find(needle); pos != std::string::npos;
       pos = haystack.find(needle, pos + needle.size())) {
    ++count;
  }
  return count;
}

std::string Create(int n) { return "CREATE TABLE t" + std::to_string(n) + " (x INT)"; }
std::string Drop(int n) { return "DROP TABLE t" + std::to_string(n); }
std::string Id(int n) { return "a" + std::to_string(n); }

// The text of migration aN in the linear chain a1 <- a2 <- ... <- a5. The
// statement of aN's up part is on line 2 for a1 and on line 3 for the others.
std::string ChainMigration(int n) {
  std::string text;
  if (n > 1) text += "-- strata:parent " + Id(n - 1) + "\n";
  text += "-- strata:up\n" + Create(n) + ";\n-- strata:down\n" + Drop(n) + ";\n";
  return text;
}

// a4 as a no-transaction migration with two statements; the second (CREATE
// INDEX) is on line 5.
const char kNoTransactionA4[] =
    "-- strata:parent a3\n"
    "-- strata:no-transaction\n"
    "-- strata:up\n"
    "CREATE TABLE t4 (x INT);\n"
    "CREATE INDEX i4 ON t4 (x);\n"
    "-- strata:down\n"
    "DROP TABLE t4;\n";

std::vector<std::string> Creates(int from, int to) {
  std::vector<std::string> out;
  for (int n = from; n <= to; ++n) out.push_back(Create(n));
  return out;
}

class EngineMemoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    const auto ticks = std::chrono::steady_clock::now().time_since_epoch().count();
    dir_ =
        fs::temp_directory_path() / ("strata_engine_memory_test_" + std::to_string(::getpid()) +
                                     "_" + std::to_string(counter++) + "_" + std::to_string(ticks));
    fs::create_directories(dir_);
    for (int n = 1; n <= 5; ++n) WriteMigration(Id(n), ChainMigration(n));
    db_ = std::make_shared<drivers::MemoryDatabase>();
    options_.migrations_dir = dir_.string();
    options_.actor = "tester@host";
    options_.lock_timeout = std::chrono::milliseconds(10);
    options_.listener = [this](const Event& event) { events_.push_back(event); };
  }

  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  void WriteMigration(const std::string& id, const std::string& text) {
    std::ofstream out(dir_ / (id + ".sql"), std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    ASSERT_TRUE(out.good()) << id;
  }

  std::string ReadMigration(const std::string& id) {
    std::ifstream in(dir_ / (id + ".sql"), std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }

  // A fresh Migrator over the current files and the shared database.
  std::unique_ptr<Migrator> Open() {
    auto migrator = Migrator::Open(options_, drivers::MakeMemoryDriver(db_));
    EXPECT_TRUE(migrator.ok()) << migrator.status().ToString();
    if (!migrator.ok()) return nullptr;
    return std::move(migrator).value();
  }

  // Runs up to heads and expects success.
  void UpToHeads(Migrator& migrator) {
    auto run = migrator.Run(Operation::UpToHeads());
    ASSERT_TRUE(run.ok()) << run.status().ToString();
  }

  std::vector<std::string> LedgerIds() const {
    std::vector<std::string> ids;
    for (const LedgerEntry& e : db_->ledger) ids.push_back(e.migration_id);
    return ids;
  }

  std::vector<LedgerEvent> LedgerEvents() const {
    std::vector<LedgerEvent> out;
    for (const LedgerEntry& e : db_->ledger) out.push_back(e.event);
    return out;
  }

  void ExpectValidChain() const {
    Status status = model::VerifyChain(db_->ledger);
    EXPECT_TRUE(status.ok()) << status.ToString();
  }

  std::vector<Event> EventsOfKind(EventKind kind) const {
    std::vector<Event> out;
    for (const Event& e : events_) {
      if (e.kind == kind) out.push_back(e);
    }
    return out;
  }

  fs::path dir_;
  std::shared_ptr<drivers::MemoryDatabase> db_;
  MigratorOptions options_;
  std::vector<Event> events_;
};

// ---------------------------------------------------------------------------
// Up

TEST_F(EngineMemoryTest, UpToHeadsRunsEveryStatementOnceInOrder) {
  auto migrator = Open();
  ASSERT_NE(migrator, nullptr);
  auto run = migrator->Run(Operation::UpToHeads());
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_EQ(run->completed, 5);
  ASSERT_EQ(run->plan.size(), 5u);
  for (int n = 1; n <= 5; ++n) {
    EXPECT_EQ(run->plan[n - 1].migration_id, Id(n));
    EXPECT_EQ(run->plan[n - 1].direction, Direction::kUp);
    EXPECT_TRUE(run->plan[n - 1].transactional);
  }

  EXPECT_EQ(db_->executed, Creates(1, 5));
  EXPECT_GE(db_->syncs, 1);
  EXPECT_FALSE(db_->locked);

  ASSERT_EQ(db_->ledger.size(), 5u);
  for (int n = 1; n <= 5; ++n) {
    const LedgerEntry& e = db_->ledger[n - 1];
    SCOPED_TRACE(Id(n));
    EXPECT_EQ(e.seq, n);
    EXPECT_EQ(e.migration_id, Id(n));
    EXPECT_EQ(e.event, LedgerEvent::kApplied);
    EXPECT_EQ(e.direction, Direction::kUp);
    EXPECT_TRUE(e.transactional);
    EXPECT_EQ(e.checksum, model::ComputeChecksum(ChainMigration(n)));
    EXPECT_EQ(e.checksum_version, model::kChecksumVersion);
    EXPECT_EQ(e.parents, n > 1 ? Id(n - 1) : "");
    EXPECT_EQ(e.actor, "tester@host");
    EXPECT_FALSE(e.recorded_at.empty());
    EXPECT_EQ(e.error, "");
  }
  EXPECT_EQ(db_->ledger[0].prev_hash, std::string(64, '0'));
  ExpectValidChain();

  auto status = migrator->GetStatus();
  ASSERT_TRUE(status.ok()) << status.status().ToString();
  EXPECT_EQ(status->pending, 0);
  EXPECT_FALSE(status->dirty.has_value());
  EXPECT_EQ(status->current, (std::vector<std::string>{"a5"}));
  EXPECT_EQ(status->heads, (std::vector<std::string>{"a5"}));
  EXPECT_EQ(status->ledger_head, db_->ledger.back().row_hash);
  EXPECT_EQ(status->url, "memory:");
}

TEST_F(EngineMemoryTest, RunningUpAgainPlansNothing) {
  auto migrator = Open();
  ASSERT_NE(migrator, nullptr);
  UpToHeads(*migrator);
  const std::vector<LedgerEntry> ledger_before = db_->ledger;

  auto plan = migrator->Plan(Operation::UpToHeads());
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  EXPECT_TRUE(plan->empty());

  auto run = migrator->Run(Operation::UpToHeads());
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_TRUE(run->plan.empty());
  EXPECT_EQ(run->completed, 0);
  EXPECT_EQ(db_->executed, Creates(1, 5));
  ASSERT_EQ(db_->ledger.size(), ledger_before.size());
  EXPECT_EQ(db_->ledger.back().row_hash, ledger_before.back().row_hash);

  // A new Migrator on the same database sees the same state.
  auto again = Open();
  ASSERT_NE(again, nullptr);
  auto run2 = again->Run(Operation::UpToHeads());
  ASSERT_TRUE(run2.ok()) << run2.status().ToString();
  EXPECT_TRUE(run2->plan.empty());
  EXPECT_EQ(db_->executed.size(), 5u);
}

TEST_F(EngineMemoryTest, UpByAndUpToStopWhereAsked) {
  auto migrator = Open();
  ASSERT_NE(migrator, nullptr);
  auto by = migrator->Run(Operation::UpBy(2));
  ASSERT_TRUE(by.ok()) << by.status().ToString();
  EXPECT_EQ(db_->executed, Creates(1, 2));
  auto to = migrator->Run(Operation::UpTo("a4"));
  ASSERT_TRUE(to.ok()) << to.status().ToString();
  EXPECT_EQ(db_->executed, Creates(1, 4));
  EXPECT_EQ(LedgerIds(), (std::vector<std::string>{"a1", "a2", "a3", "a4"}));
  ExpectValidChain();
}

// ---------------------------------------------------------------------------
// Failures in transactional migrations

TEST_F(EngineMemoryTest, InjectedFailureStopsAtTheFailingMigration) {
  auto migrator = Open();
  ASSERT_NE(migrator, nullptr);
  db_->fail_on = "CREATE TABLE t3";
  auto run = migrator->Run(Operation::UpToHeads());
  ASSERT_FALSE(run.ok());
  const Status& error = run.status();
  EXPECT_EQ(error.code(), Code::kSqlError);
  EXPECT_TRUE(Contains(error.message(), "injected failure"));
  EXPECT_EQ(error.context().migration_id, "a3");
  EXPECT_EQ(error.context().file, (dir_ / "a3.sql").string());
  EXPECT_EQ(error.context().line, 3);
  EXPECT_EQ(error.context().column, 1);
  EXPECT_EQ(error.context().statement_index, 0);
  EXPECT_EQ(error.context().statement, Create(3));

  EXPECT_EQ(db_->executed, Creates(1, 2));
  EXPECT_FALSE(db_->locked);
  EXPECT_GE(db_->syncs, 1);  // what committed before the failure is made durable
  ASSERT_EQ(db_->ledger.size(), 3u);
  EXPECT_EQ(LedgerIds(), (std::vector<std::string>{"a1", "a2", "a3"}));
  EXPECT_EQ(LedgerEvents(), (std::vector<LedgerEvent>{LedgerEvent::kApplied, LedgerEvent::kApplied,
                                                      LedgerEvent::kFailed}));
  EXPECT_TRUE(db_->ledger[2].transactional);
  EXPECT_TRUE(Contains(db_->ledger[2].error, "injected failure"));
  ExpectValidChain();

  auto status = migrator->GetStatus();
  ASSERT_TRUE(status.ok()) << status.status().ToString();
  EXPECT_FALSE(status->dirty.has_value());
  EXPECT_EQ(status->pending, 3);
  EXPECT_EQ(status->current, (std::vector<std::string>{"a2"}));

  // A transactional failure leaves nothing to repair: fixing the cause and
  // running again finishes the job.
  db_->fail_on.clear();
  auto retry = migrator->Run(Operation::UpToHeads());
  ASSERT_TRUE(retry.ok()) << retry.status().ToString();
  EXPECT_EQ(retry->completed, 3);
  EXPECT_EQ(db_->executed, Creates(1, 5));
  EXPECT_EQ(db_->ledger.size(), 6u);
  ExpectValidChain();
}

TEST_F(EngineMemoryTest, SingleTransactionFailureRunsNothing) {
  auto migrator = Open();
  ASSERT_NE(migrator, nullptr);
  db_->fail_on = "CREATE TABLE t3";
  auto run = migrator->Run(Operation::UpToHeads(), RunOptions{true});
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.status().code(), Code::kSqlError);
  EXPECT_EQ(run.status().context().migration_id, "a3");
  EXPECT_EQ(run.status().context().line, 3);

  EXPECT_TRUE(db_->executed.empty());
  ASSERT_EQ(db_->ledger.size(), 1u);
  EXPECT_EQ(db_->ledger[0].migration_id, "a3");
  EXPECT_EQ(db_->ledger[0].event, LedgerEvent::kFailed);
  EXPECT_EQ(db_->ledger[0].seq, 1);
  ExpectValidChain();

  auto status = migrator->GetStatus();
  ASSERT_TRUE(status.ok()) << status.status().ToString();
  EXPECT_FALSE(status->dirty.has_value());
  EXPECT_EQ(status->pending, 5);
}

TEST_F(EngineMemoryTest, SingleTransactionSuccessRunsEverything) {
  auto migrator = Open();
  ASSERT_NE(migrator, nullptr);
  auto run = migrator->Run(Operation::UpToHeads(), RunOptions{true});
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_EQ(run->completed, 5);
  EXPECT_EQ(db_->executed, Creates(1, 5));
  EXPECT_EQ(LedgerIds(), (std::vector<std::string>{"a1", "a2", "a3", "a4", "a5"}));
  ExpectValidChain();
}

TEST_F(EngineMemoryTest, SingleTransactionRefusesANoTransactionMigration) {
  WriteMigration("a4", kNoTransactionA4);
  auto migrator = Open();
  ASSERT_NE(migrator, nullptr);
  auto run = migrator->Run(Operation::UpToHeads(), RunOptions{true});
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.status().code(), Code::kUnsupported);
  EXPECT_TRUE(db_->executed.empty());
  EXPECT_TRUE(db_->ledger.empty());
}

TEST_F(EngineMemoryTest, LedgerWriteFailureRollsBackTheMigration) {
  auto migrator = Open();
  ASSERT_NE(migrator, nullptr);
  db_->fail_ledger_after = 2;  // a1 and a2 are recorded, a3's row fails
  auto run = migrator->Run(Operation::UpToHeads());
  ASSERT_FALSE(run.ok());
  EXPECT_TRUE(Contains(run.status().message(), "injected ledger failure"));
  EXPECT_EQ(db_->executed, Creates(1, 2));
  EXPECT_EQ(LedgerIds(), (std::vector<std::string>{"a1", "a2"}));
  ExpectValidChain();
  EXPECT_FALSE(db_->locked);
}

// ---------------------------------------------------------------------------
// No-transaction migrations, dirty state and repair

TEST_F(EngineMemoryTest, FailedNoTransactionMigrationMakesTheDatabaseDirty) {
  WriteMigration("a4", kNoTransactionA4);
  auto migrator = Open();
  ASSERT_NE(migrator, nullptr);
  db_->fail_on = "CREATE INDEX i4";
  auto run = migrator->Run(Operation::UpToHeads());
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.status().code(), Code::kSqlError);
  EXPECT_EQ(run.status().context().migration_id, "a4");
  EXPECT_EQ(run.status().context().file, (dir_ / "a4.sql").string());
  EXPECT_EQ(run.status().context().line, 5);
  EXPECT_EQ(run.status().context().statement_index, 1);
  EXPECT_EQ(run.status().context().statement, "CREATE INDEX i4 ON t4 (x)");

  // The first statement ran outside any transaction and stays.
  EXPECT_EQ(db_->executed, Creates(1, 4));
  EXPECT_EQ(LedgerIds(), (std::vector<std::string>{"a1", "a2", "a3", "a4", "a4"}));
  EXPECT_EQ(LedgerEvents(), (std::vector<LedgerEvent>{LedgerEvent::kApplied, LedgerEvent::kApplied,
                                                      LedgerEvent::kApplied, LedgerEvent::kStarted,
                                                      LedgerEvent::kFailed}));
  EXPECT_FALSE(db_->ledger[3].transactional);
  EXPECT_FALSE(db_->ledger[4].transactional);
  EXPECT_TRUE(Contains(db_->ledger[4].error, "injected failure"));
  ExpectValidChain();

  auto status = migrator->GetStatus();
  ASSERT_TRUE(status.ok()) << status.status().ToString();
  ASSERT_TRUE(status->dirty.has_value());
  EXPECT_EQ(status->dirty->migration_id, "a4");
  EXPECT_EQ(status->dirty->direction, Direction::kUp);
  EXPECT_EQ(status->dirty->event, LedgerEvent::kFailed);
  EXPECT_TRUE(Contains(status->dirty->error, "injected failure"));
  EXPECT_EQ(status->pending, 2);

  // Nothing runs on a dirty database, even after the cause is fixed.
  db_->fail_on.clear();
  auto again = migrator->Run(Operation::UpToHeads());
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), Code::kDirty);
  EXPECT_EQ(again.status().context().migration_id, "a4");
  EXPECT_TRUE(Contains(again.status().message(), "a4"));
  auto plan = migrator->Plan(Operation::UpToHeads());
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.status().code(), Code::kDirty);
  auto stamp = migrator->Stamp("a5");
  ASSERT_FALSE(stamp.ok());
  EXPECT_EQ(stamp.status().code(), Code::kDirty);
  EXPECT_EQ(db_->executed, Creates(1, 4));
  EXPECT_EQ(db_->ledger.size(), 5u);
  EXPECT_FALSE(db_->locked);
}

TEST_F(EngineMemoryTest, RepairRevertedLetsTheMigrationRunAgain) {
  WriteMigration("a4", kNoTransactionA4);
  auto migrator = Open();
  ASSERT_NE(migrator, nullptr);
  db_->fail_on = "CREATE INDEX i4";
  ASSERT_FALSE(migrator->Run(Operation::UpToHeads()).ok());
  ASSERT_EQ(db_->ledger.size(), 5u);

  Status wrong = migrator->Repair("a3", Resolution::kReverted);
  EXPECT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.code(), Code::kInvalidArgument);
  EXPECT_TRUE(Contains(wrong.message(), "a4"));
  Status unknown = migrator->Repair("zzz", Resolution::kApplied);
  EXPECT_FALSE(unknown.ok());
  EXPECT_EQ(db_->ledger.size(), 5u);

  Status repaired = migrator->Repair("a4", Resolution::kReverted, "dropped t4 by hand");
  ASSERT_TRUE(repaired.ok()) << repaired.ToString();
  ASSERT_EQ(db_->ledger.size(), 6u);
  const LedgerEntry& row = db_->ledger.back();
  EXPECT_EQ(row.migration_id, "a4");
  EXPECT_EQ(row.event, LedgerEvent::kRepairedReverted);
  EXPECT_EQ(row.direction, Direction::kDown);
  EXPECT_EQ(row.error, "dropped t4 by hand");
  ExpectValidChain();
  ASSERT_EQ(EventsOfKind(EventKind::kRecorded).size(), 1u);
  EXPECT_EQ(EventsOfKind(EventKind::kRecorded)[0].migration_id, "a4");

  auto status = migrator->GetStatus();
  ASSERT_TRUE(status.ok()) << status.status().ToString();
  EXPECT_FALSE(status->dirty.has_value());
  EXPECT_EQ(status->pending, 2);

  // Still failing: the run tries a4 again (a SQL error, not kDirty).
  auto retry = migrator->Run(Operation::UpToHeads());
  ASSERT_FALSE(retry.ok());
  EXPECT_EQ(retry.status().code(), Code::kSqlError);
  EXPECT_EQ(retry.status().context().migration_id, "a4");
  EXPECT_EQ(db_->executed.size(), 5u);  // CREATE TABLE t4 ran a second time
  EXPECT_EQ(db_->executed.back(), Create(4));

  ASSERT_TRUE(migrator->Repair("a4", Resolution::kReverted).ok());
  db_->fail_on.clear();
  auto fixed = migrator->Run(Operation::UpToHeads());
  ASSERT_TRUE(fixed.ok()) << fixed.status().ToString();
  EXPECT_EQ(fixed->completed, 2);
  ASSERT_GE(db_->executed.size(), 3u);
  EXPECT_EQ(std::vector<std::string>(db_->executed.end() - 3, db_->executed.end()),
            (std::vector<std::string>{Create(4), "CREATE INDEX i4 ON t4 (x)", Create(5)}));
  EXPECT_EQ(db_->ledger.back().migration_id, "a5");
  EXPECT_EQ(db_->ledger[db_->ledger.size() - 2].event, LedgerEvent::kApplied);
  EXPECT_EQ(db_->ledger[db_->ledger.size() - 3].event, LedgerEvent::kStarted);
  ExpectValidChain();
  auto final_status = migrator->GetStatus();
  ASSERT_TRUE(final_status.ok());
  EXPECT_EQ(final_status->pending, 0);
  EXPECT_FALSE(final_status->dirty.has_value());
}

TEST_F(EngineMemoryTest, RepairAppliedMarksTheMigrationApplied) {
  WriteMigration("a4", kNoTransactionA4);
  auto migrator = Open();
  ASSERT_NE(migrator, nullptr);
  db_->fail_on = "CREATE INDEX i4";
  ASSERT_FALSE(migrator->Run(Operation::UpToHeads()).ok());
  db_->fail_on.clear();

  Status repaired = migrator->Repair("a4", Resolution::kApplied);
  ASSERT_TRUE(repaired.ok()) << repaired.ToString();
  EXPECT_EQ(db_->ledger.back().event, LedgerEvent::kRepairedApplied);
  EXPECT_EQ(db_->ledger.back().direction, Direction::kUp);

  auto run = migrator->Run(Operation::UpToHeads());
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  ASSERT_EQ(run->plan.size(), 1u);
  EXPECT_EQ(run->plan[0].migration_id, "a5");
  EXPECT_EQ(db_->executed.back(), Create(5));
  ExpectValidChain();
}

TEST_F(EngineMemoryTest, RepairOnACleanDatabaseIsAnError) {
  auto migrator = Open();
  ASSERT_NE(migrator, nullptr);
  UpToHeads(*migrator);
  Status status = migrator->Repair("a3", Resolution::kApplied);
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(status.code(), Code::kInvalidArgument);
  EXPECT_EQ(db_->ledger.size(), 5u);
}

TEST_F(EngineMemoryTest, SuccessfulNoTransactionMigrationWritesStartedThenApplied) {
  WriteMigration("a4", kNoTransactionA4);
  auto migrator = Open();
  ASSERT_NE(migrator, nullptr);
  UpToHeads(*migrator);
  EXPECT_EQ(LedgerEvents(),
            (std::vector<LedgerEvent>{LedgerEvent::kApplied, LedgerEvent::kApplied,
                                      LedgerEvent::kApplied, LedgerEvent::kStarted,
                                      LedgerEvent::kApplied, LedgerEvent::kApplied}));
  EXPECT_EQ(LedgerIds(), (std::vector<std::string>{"a1", "a2", "a3", "a4", "a4", "a5"}));
  ExpectValidChain();
  auto status = migrator->GetStatus();
  ASSERT_TRUE(status.ok());
  EXPECT_FALSE(status->dirty.has_value());
  EXPECT_EQ(status->pending, 0);
}

// ---------------------------------------------------------------------------
// Down, stamp, plan, script

TEST_F(EngineMemoryTest, DownByTwoRevertsTheLastTwoInReverseOrder) {
  auto migrator = Open();
  ASSERT_NE(migrator, nullptr);
  UpToHeads(*migrator);
  auto run = migrator->Run(Operation::DownBy(2));
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  ASSERT_EQ(run->plan.size(), 2u);
  EXPECT_EQ(run->plan[0].migration_id, "a5");
  EXPECT_EQ(run->plan[0].direction, Direction::kDown);
  EXPECT_EQ(run->plan[1].migration_id, "a4");
  EXPECT_EQ(run->plan[1].direction, Direction::kDown);
  EXPECT_EQ(run->completed, 2);

  ASSERT_EQ(db_->executed.size(), 7u);
  EXPECT_EQ(db_->executed[5], Drop(5));
  EXPECT_EQ(db_->executed[6], Drop(4));
  ASSERT_EQ(db_->ledger.size(), 7u);
  EXPECT_EQ(db_->ledger[5].migration_id, "a5");
  EXPECT_EQ(db_->ledger[5].event, LedgerEvent::kReverted);
  EXPECT_EQ(db_->ledger[5].direction, Direction::kDown);
  EXPECT_EQ(db_->ledger[6].migration_id, "a4");
  EXPECT_EQ(db_->ledger[6].event, LedgerEvent::kReverted);
  ExpectValidChain();

  auto status = migrator->GetStatus();
  ASSERT_TRUE(status.ok());
  EXPECT_EQ(status->pending, 2);
  EXPECT_EQ(status->current, (std::vector<std::string>{"a3"}));
}

TEST_F(EngineMemoryTest, DownWithoutADownPartIsUnsupported) {
  WriteMigration("a5", "-- strata:parent a4\n-- strata:up\nCREATE TABLE t5 (x INT);\n");
  auto migrator = Open();
  ASSERT_NE(migrator, nullptr);
  UpToHeads(*migrator);
  auto run = migrator->Run(Operation::DownBy(1));
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.status().code(), Code::kUnsupported);
  EXPECT_EQ(run.status().context().migration_id, "a5");
  EXPECT_EQ(db_->executed.size(), 5u);
  EXPECT_EQ(db_->ledger.size(), 5u);
}

TEST_F(EngineMemoryTest, StampRecordsWithoutExecuting) {
  auto migrator = Open();
  ASSERT_NE(migrator, nullptr);
  auto stamp = migrator->Stamp("a3");
  ASSERT_TRUE(stamp.ok()) << stamp.status().ToString();
  EXPECT_EQ(stamp->completed, 3);
  EXPECT_TRUE(db_->executed.empty());
  EXPECT_EQ(LedgerIds(), (std::vector<std::string>{"a1", "a2", "a3"}));
  EXPECT_EQ(LedgerEvents(), (std::vector<LedgerEvent>{LedgerEvent::kStamped, LedgerEvent::kStamped,
                                                      LedgerEvent::kStamped}));
  ExpectValidChain();
  EXPECT_EQ(EventsOfKind(EventKind::kRecorded).size(), 3u);
  EXPECT_FALSE(db_->locked);

  auto run = migrator->Run(Operation::UpToHeads());
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_EQ(db_->executed, Creates(4, 5));
  ExpectValidChain();
}

TEST_F(EngineMemoryTest, StampBackwardsUnstamps) {
  auto migrator = Open();
  ASSERT_NE(migrator, nullptr);
  UpToHeads(*migrator);
  auto stamp = migrator->Stamp("a3");
  ASSERT_TRUE(stamp.ok()) << stamp.status().ToString();
  EXPECT_EQ(db_->executed.size(), 5u);
  ASSERT_EQ(db_->ledger.size(), 7u);
  EXPECT_EQ(db_->ledger[5].migration_id, "a5");
  EXPECT_EQ(db_->ledger[5].event, LedgerEvent::kUnstamped);
  EXPECT_EQ(db_->ledger[6].migration_id, "a4");
  EXPECT_EQ(db_->ledger[6].event, LedgerEvent::kUnstamped);
  ExpectValidChain();
}

TEST_F(EngineMemoryTest, PlanReturnsStepsWithoutExecuting) {
  auto migrator = Open();
  ASSERT_NE(migrator, nullptr);
  auto plan = migrator->Plan(Operation::UpToHeads());
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  ASSERT_EQ(plan->size(), 5u);
  for (int n = 1; n <= 5; ++n) {
    EXPECT_EQ((*plan)[n - 1].migration_id, Id(n));
    EXPECT_EQ((*plan)[n - 1].direction, Direction::kUp);
  }
  EXPECT_TRUE(db_->executed.empty());
  EXPECT_TRUE(db_->ledger.empty());
  EXPECT_EQ(db_->syncs, 0);
  EXPECT_FALSE(db_->locked);
}

TEST_F(EngineMemoryTest, ScriptContainsEveryStatementAndLedgerInsertsButRunsNothing) {
  auto migrator = Open();
  ASSERT_NE(migrator, nullptr);
  auto script = migrator->Script(Operation::UpToHeads());
  ASSERT_TRUE(script.ok()) << script.status().ToString();
  for (int n = 1; n <= 5; ++n) EXPECT_TRUE(Contains(*script, Create(n) + ";"));
  EXPECT_EQ(CountOf(*script, "INSERT INTO memory_ledger"), 5u);
  EXPECT_EQ(CountOf(*script, "BEGIN;"), 5u);
  EXPECT_EQ(CountOf(*script, "COMMIT;"), 5u);
  // Statements come in plan order.
  EXPECT_LT(script->find(Create(1)), script->find(Create(2)));
  EXPECT_LT(script->find(Create(4)), script->find(Create(5)));
  EXPECT_TRUE(db_->executed.empty());
  EXPECT_TRUE(db_->ledger.empty());
  EXPECT_EQ(db_->syncs, 0);

  auto single = migrator->Script(Operation::UpToHeads(), RunOptions{true});
  ASSERT_TRUE(single.ok()) << single.status().ToString();
  EXPECT_EQ(CountOf(*single, "BEGIN;"), 1u);
  EXPECT_EQ(CountOf(*single, "COMMIT;"), 1u);
  EXPECT_EQ(CountOf(*single, "INSERT INTO memory_ledger"), 5u);
  EXPECT_TRUE(db_->executed.empty());
}

TEST_F(EngineMemoryTest, ScriptForDownContainsTheDownStatements) {
  auto migrator = Open();
  ASSERT_NE(migrator, nullptr);
  UpToHeads(*migrator);
  auto script = migrator->Script(Operation::DownBy(2));
  ASSERT_TRUE(script.ok()) << script.status().ToString();
  EXPECT_TRUE(Contains(*script, Drop(5) + ";"));
  EXPECT_TRUE(Contains(*script, Drop(4) + ";"));
  EXPECT_FALSE(Contains(*script, Drop(3)));
  EXPECT_LT(script->find(Drop(5)), script->find(Drop(4)));
  EXPECT_EQ(CountOf(*script, "'reverted'"), 2u);
  EXPECT_EQ(db_->executed.size(), 5u);
  EXPECT_EQ(db_->ledger.size(), 5u);
}

// ---------------------------------------------------------------------------
// History checks, audit, locking, events

TEST_F(EngineMemoryTest, EditedAppliedMigrationIsRefused) {
  auto migrator = Open();
  ASSERT_NE(migrator, nullptr);
  UpToHeads(*migrator);
  WriteMigration("a2",
                 "-- strata:parent a1\n-- strata:up\nCREATE TABLE t2 (x INT, y INT);\n"
                 "-- strata:down\nDROP TABLE t2;\n");

  auto reopened = Open();
  ASSERT_NE(reopened, nullptr);
  auto run = reopened->Run(Operation::UpToHeads());
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.status().code(), Code::kHistoryChanged);
  EXPECT_TRUE(Contains(run.status().message(), "a2"));
  EXPECT_TRUE(Contains(run.status().message(), "edited"));
  ASSERT_EQ(run.status().problems().size(), 1u);
  EXPECT_EQ(run.status().context().file, (dir_ / "a2.sql").string());

  auto down = reopened->Run(Operation::DownBy(1));
  ASSERT_FALSE(down.ok());
  EXPECT_EQ(down.status().code(), Code::kHistoryChanged);

  auto status = reopened->GetStatus();
  ASSERT_TRUE(status.ok()) << status.status().ToString();
  ASSERT_EQ(status->history_problems.size(), 1u);
  EXPECT_TRUE(Contains(status->history_problems[0].message, "edited"));
  EXPECT_EQ(db_->executed.size(), 5u);
  EXPECT_EQ(db_->ledger.size(), 5u);
}

TEST_F(EngineMemoryTest, LineEndingChangeIsNotAnEdit) {
  auto migrator = Open();
  ASSERT_NE(migrator, nullptr);
  UpToHeads(*migrator);
  std::string text = ReadMigration("a2");
  std::string crlf;
  for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  WriteMigration("a2", "\xEF\xBB\xBF" + crlf);

  auto reopened = Open();
  ASSERT_NE(reopened, nullptr);
  auto run = reopened->Run(Operation::UpToHeads());
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_TRUE(run->plan.empty());
}

TEST_F(EngineMemoryTest, DeletedAppliedMigrationIsRefused) {
  auto migrator = Open();
  ASSERT_NE(migrator, nullptr);
  UpToHeads(*migrator);
  fs::remove(dir_ / "a5.sql");

  auto reopened = Open();
  ASSERT_NE(reopened, nullptr);
  auto run = reopened->Run(Operation::UpToHeads());
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.status().code(), Code::kHistoryChanged);
  EXPECT_TRUE(Contains(run.status().message(), "a5"));
  EXPECT_TRUE(Contains(run.status().message(), "missing"));
}

TEST_F(EngineMemoryTest, AuditVerifiesTheChainAndTheExpectedHead) {
  auto migrator = Open();
  ASSERT_NE(migrator, nullptr);
  UpToHeads(*migrator);
  auto audit = migrator->Audit(db_->ledger[2].row_hash);
  ASSERT_TRUE(audit.ok()) << audit.status().ToString();
  EXPECT_EQ(audit->rows, 5);
  EXPECT_EQ(audit->head, db_->ledger.back().row_hash);
  EXPECT_EQ(audit->rows_after_expected_head, 2);

  auto unknown_head = migrator->Audit(std::string(64, 'e'));
  ASSERT_FALSE(unknown_head.ok());
  EXPECT_EQ(unknown_head.status().code(), Code::kLedgerCorrupt);

  db_->ledger[2].error = "tampered";
  auto tampered = migrator->Audit();
  ASSERT_FALSE(tampered.ok());
  EXPECT_EQ(tampered.status().code(), Code::kLedgerCorrupt);
  EXPECT_TRUE(Contains(tampered.status().message(), "row 3"));
}

TEST_F(EngineMemoryTest, LockHeldByAnotherMigratorTimesOut) {
  auto migrator = Open();
  ASSERT_NE(migrator, nullptr);
  db_->locked = true;  // held by someone else
  auto run = migrator->Run(Operation::UpToHeads());
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.status().code(), Code::kLockTimeout);
  EXPECT_TRUE(db_->executed.empty());
  EXPECT_TRUE(db_->ledger.empty());
  EXPECT_TRUE(db_->locked);  // not released by a migrator that never held it
}

TEST_F(EngineMemoryTest, ListenerReceivesStartedAndFinishedPerStep) {
  auto migrator = Open();
  ASSERT_NE(migrator, nullptr);
  UpToHeads(*migrator);

  ASSERT_FALSE(events_.empty());
  EXPECT_EQ(events_.front().kind, EventKind::kLockAcquired);
  std::vector<Event> steps;
  for (const Event& e : events_) {
    if (e.kind == EventKind::kMigrationStarted || e.kind == EventKind::kMigrationFinished) {
      steps.push_back(e);
    }
  }
  ASSERT_EQ(steps.size(), 10u);
  for (int i = 0; i < 5; ++i) {
    SCOPED_TRACE(i);
    const Event& started = steps[2 * i];
    const Event& finished = steps[2 * i + 1];
    EXPECT_EQ(started.kind, EventKind::kMigrationStarted);
    EXPECT_EQ(finished.kind, EventKind::kMigrationFinished);
    EXPECT_EQ(started.migration_id, Id(i + 1));
    EXPECT_EQ(finished.migration_id, Id(i + 1));
    EXPECT_EQ(started.step_index, i);
    EXPECT_EQ(finished.step_index, i);
    EXPECT_EQ(started.step_count, 5);
    EXPECT_EQ(finished.step_count, 5);
    EXPECT_EQ(started.direction, Direction::kUp);
    EXPECT_GE(finished.duration_ms, 0);
  }
  EXPECT_TRUE(EventsOfKind(EventKind::kMigrationFailed).empty());
}

TEST_F(EngineMemoryTest, ListenerReceivesTheFailure) {
  auto migrator = Open();
  ASSERT_NE(migrator, nullptr);
  db_->fail_on = "CREATE TABLE t2";
  ASSERT_FALSE(migrator->Run(Operation::UpToHeads()).ok());
  std::vector<Event> failed = EventsOfKind(EventKind::kMigrationFailed);
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0].migration_id, "a2");
  EXPECT_EQ(failed[0].step_index, 1);
  EXPECT_EQ(failed[0].step_count, 5);
  EXPECT_TRUE(Contains(failed[0].message, "injected failure"));
  EXPECT_EQ(EventsOfKind(EventKind::kMigrationStarted).size(), 2u);
  EXPECT_EQ(EventsOfKind(EventKind::kMigrationFinished).size(), 1u);
}

TEST_F(EngineMemoryTest, OpenRefusesAnInvalidDirectory) {
  WriteMigration("a3", "-- strata:parent a2\nCREATE TABLE t3 (x INT);\n");
  auto migrator = Migrator::Open(options_, drivers::MakeMemoryDriver(db_));
  ASSERT_FALSE(migrator.ok());
  EXPECT_EQ(migrator.status().code(), Code::kInvalidMigrations);
  EXPECT_EQ(migrator.status().context().file, (dir_ / "a3.sql").string());
}

}  // namespace
}  // namespace strata
