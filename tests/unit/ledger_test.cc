// Unit tests for the ledger logic: row hashing and chaining, chain
// verification, folding rows into state, history checks, and decoding rows.
#include "model/ledger.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "model/checksum.h"
#include "model/migration.h"
#include "model/revision_graph.h"
#include "sql/ledger_sql.h"
#include "strata/ledger_entry.h"
#include "strata/status.h"

namespace strata::model {
namespace {

::testing::AssertionResult Contains(const std::string& haystack, const std::string& needle) {
  if (haystack.find(needle) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "'" << haystack << "' does not contain '" << needle << "'";
}

LedgerEntry Row(const std::string& id, LedgerEvent event, bool transactional = true,
                Direction direction = Direction::kUp, std::string error = {}) {
  LedgerEntry e;
  e.migration_id = id;
  e.event = event;
  e.direction = direction;
  e.checksum = ComputeChecksum("-- strata:up\nSELECT '" + id + "';\n");
  e.checksum_version = kChecksumVersion;
  e.parents = "";
  e.transactional = transactional;
  e.actor = "tester@host";
  e.recorded_at = "2026-01-0" + std::to_string(1 + id.size() % 9) + "T00:00:00.000Z";
  e.duration_ms = 7;
  e.error = std::move(error);
  return e;
}

// Chains `rows` in order (fills seq, prev_hash and row_hash).
std::vector<LedgerEntry> Chain(std::vector<LedgerEntry> rows) {
  for (size_t i = 0; i < rows.size(); ++i) ChainAfter(i == 0 ? nullptr : &rows[i - 1], rows[i]);
  return rows;
}

std::vector<LedgerEntry> ChainOfFive() {
  return Chain({Row("m1", LedgerEvent::kApplied), Row("m2", LedgerEvent::kApplied),
                Row("m3", LedgerEvent::kApplied), Row("m4", LedgerEvent::kApplied),
                Row("m5", LedgerEvent::kApplied)});
}

// ---------------------------------------------------------------------------
// ChainAfter / ComputeRowHash

TEST(ChainTest, FirstRowStartsTheChain) {
  LedgerEntry e = Row("m1", LedgerEvent::kApplied);
  ChainAfter(nullptr, e);
  EXPECT_EQ(e.seq, 1);
  EXPECT_EQ(e.prev_hash, std::string(64, '0'));
  EXPECT_EQ(e.prev_hash, kGenesisHash);
  EXPECT_EQ(e.row_hash.size(), 64u);
  EXPECT_EQ(e.row_hash, ComputeRowHash(e));
}

TEST(ChainTest, LaterRowsLinkToThePreviousRow) {
  std::vector<LedgerEntry> rows = ChainOfFive();
  for (size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].seq, static_cast<int64_t>(i + 1));
    if (i > 0) {
      EXPECT_EQ(rows[i].prev_hash, rows[i - 1].row_hash);
    }
    EXPECT_EQ(rows[i].row_hash, ComputeRowHash(rows[i]));
  }
}

TEST(ChainTest, RowHashIgnoresTheStoredRowHash) {
  LedgerEntry e = Row("m1", LedgerEvent::kApplied);
  ChainAfter(nullptr, e);
  const std::string hash = ComputeRowHash(e);
  e.row_hash = "something else";
  EXPECT_EQ(ComputeRowHash(e), hash);
}

TEST(ChainTest, RowHashCoversEveryField) {
  LedgerEntry base = Row("m1", LedgerEvent::kApplied);
  ChainAfter(nullptr, base);
  const std::string hash = ComputeRowHash(base);
  const std::vector<std::pair<const char*, std::function<void(LedgerEntry&)>>> edits = {
      {"seq", [](LedgerEntry& e) { e.seq = 2; }},
      {"migration_id", [](LedgerEntry& e) { e.migration_id = "m2"; }},
      {"event", [](LedgerEntry& e) { e.event = LedgerEvent::kStamped; }},
      {"direction", [](LedgerEntry& e) { e.direction = Direction::kDown; }},
      {"checksum", [](LedgerEntry& e) { e.checksum[0] = e.checksum[0] == 'a' ? 'b' : 'a'; }},
      {"checksum_version", [](LedgerEntry& e) { e.checksum_version = 2; }},
      {"parents", [](LedgerEntry& e) { e.parents = "m0"; }},
      {"transactional", [](LedgerEntry& e) { e.transactional = false; }},
      {"actor", [](LedgerEntry& e) { e.actor = "mallory@host"; }},
      {"recorded_at", [](LedgerEntry& e) { e.recorded_at = "2030-01-01T00:00:00.000Z"; }},
      {"duration_ms", [](LedgerEntry& e) { e.duration_ms = 8; }},
      {"error", [](LedgerEntry& e) { e.error = "boom"; }},
      {"prev_hash", [](LedgerEntry& e) { e.prev_hash[63] = '1'; }},
  };
  for (const auto& [field, edit] : edits) {
    LedgerEntry e = base;
    edit(e);
    EXPECT_NE(ComputeRowHash(e), hash) << field;
  }
}

TEST(ChainTest, FieldBoundariesAreUnambiguous) {
  // Moving characters from one field to the next must change the hash.
  LedgerEntry a = Row("m1", LedgerEvent::kApplied);
  a.actor = "ab";
  a.recorded_at = "c";
  LedgerEntry b = a;
  b.actor = "a";
  b.recorded_at = "bc";
  EXPECT_NE(ComputeRowHash(a), ComputeRowHash(b));
}

// ---------------------------------------------------------------------------
// VerifyChain

TEST(VerifyChainTest, EmptyLedgerVerifies) { EXPECT_TRUE(VerifyChain({}).ok()); }

TEST(VerifyChainTest, ValidChainOfFiveVerifies) {
  Status status = VerifyChain(ChainOfFive());
  EXPECT_TRUE(status.ok()) << status.ToString();
}

TEST(VerifyChainTest, MixedEventsVerify) {
  std::vector<LedgerEntry> rows =
      Chain({Row("m1", LedgerEvent::kApplied), Row("m2", LedgerEvent::kStarted, false),
             Row("m2", LedgerEvent::kFailed, false, Direction::kUp, "boom"),
             Row("m2", LedgerEvent::kRepairedReverted, false, Direction::kDown, "fixed by hand"),
             Row("m1", LedgerEvent::kReverted, true, Direction::kDown)});
  Status status = VerifyChain(rows);
  EXPECT_TRUE(status.ok()) << status.ToString();
}

void ExpectAlteredRow3(const std::function<void(LedgerEntry&)>& edit, const char* what) {
  SCOPED_TRACE(what);
  std::vector<LedgerEntry> rows = ChainOfFive();
  edit(rows[2]);
  Status status = VerifyChain(rows);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), Code::kLedgerCorrupt);
  EXPECT_TRUE(Contains(status.message(), "ledger row 3 "));
  EXPECT_TRUE(Contains(status.message(), "altered"));
}

TEST(VerifyChainTest, AlteringAnyFieldOfRow3IsDetected) {
  ExpectAlteredRow3([](LedgerEntry& e) { e.migration_id = "evil"; }, "migration_id");
  ExpectAlteredRow3([](LedgerEntry& e) { e.error = "covered up"; }, "error");
  ExpectAlteredRow3([](LedgerEntry& e) { e.recorded_at = "2020-01-01T00:00:00.000Z"; },
                    "recorded_at");
  ExpectAlteredRow3([](LedgerEntry& e) { e.event = LedgerEvent::kReverted; }, "event");
  ExpectAlteredRow3([](LedgerEntry& e) { e.direction = Direction::kDown; }, "direction");
  ExpectAlteredRow3([](LedgerEntry& e) { e.checksum = std::string(64, 'f'); }, "checksum");
  ExpectAlteredRow3([](LedgerEntry& e) { e.checksum_version = 9; }, "checksum_version");
  ExpectAlteredRow3([](LedgerEntry& e) { e.parents = "m2"; }, "parents");
  ExpectAlteredRow3([](LedgerEntry& e) { e.transactional = false; }, "transactional");
  ExpectAlteredRow3([](LedgerEntry& e) { e.actor = "someone"; }, "actor");
  ExpectAlteredRow3([](LedgerEntry& e) { e.duration_ms = 123456; }, "duration_ms");
  ExpectAlteredRow3([](LedgerEntry& e) { e.row_hash = std::string(64, 'a'); }, "row_hash");
}

TEST(VerifyChainTest, AlteredRowWithRecomputedHashBreaksTheNextLink) {
  std::vector<LedgerEntry> rows = ChainOfFive();
  rows[2].error = "rewritten";
  rows[2].row_hash = ComputeRowHash(rows[2]);
  Status status = VerifyChain(rows);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), Code::kLedgerCorrupt);
  EXPECT_TRUE(Contains(status.message(), "ledger row 4 "));
  EXPECT_TRUE(Contains(status.message(), "does not follow row 3"));
}

TEST(VerifyChainTest, ChangedPrevHashOfRow3IsDetected) {
  std::vector<LedgerEntry> rows = ChainOfFive();
  rows[2].prev_hash = rows[0].row_hash;
  rows[2].row_hash = ComputeRowHash(rows[2]);
  Status status = VerifyChain(rows);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), Code::kLedgerCorrupt);
  EXPECT_TRUE(Contains(status.message(), "ledger row 3 "));
  EXPECT_TRUE(Contains(status.message(), "prev_hash"));
}

TEST(VerifyChainTest, DeletedRow3IsReportedMissing) {
  std::vector<LedgerEntry> rows = ChainOfFive();
  rows.erase(rows.begin() + 2);
  Status status = VerifyChain(rows);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), Code::kLedgerCorrupt);
  EXPECT_TRUE(Contains(status.message(), "ledger row 3 is missing"));
  EXPECT_TRUE(Contains(status.message(), "found row 4"));
}

TEST(VerifyChainTest, DeletedRow3WithRenumberedRestIsDetected) {
  // A forger deletes row 3 and renumbers the rest without re-hashing.
  std::vector<LedgerEntry> rows = ChainOfFive();
  rows.erase(rows.begin() + 2);
  rows[2].seq = 3;
  rows[3].seq = 4;
  Status status = VerifyChain(rows);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), Code::kLedgerCorrupt);
  EXPECT_TRUE(Contains(status.message(), "ledger row 3 "));
}

TEST(VerifyChainTest, DeletedFirstRowIsDetected) {
  std::vector<LedgerEntry> rows = ChainOfFive();
  rows.erase(rows.begin());
  Status status = VerifyChain(rows);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), Code::kLedgerCorrupt);
  EXPECT_TRUE(Contains(status.message(), "ledger row 1 is missing"));
}

TEST(VerifyChainTest, SwappedRowsAreDetected) {
  std::vector<LedgerEntry> rows = ChainOfFive();
  std::swap(rows[2], rows[3]);
  Status status = VerifyChain(rows);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), Code::kLedgerCorrupt);
}

TEST(VerifyChainTest, SwappedRowsWithSwappedSeqAreDetected) {
  std::vector<LedgerEntry> rows = ChainOfFive();
  std::swap(rows[2], rows[3]);
  std::swap(rows[2].seq, rows[3].seq);
  Status status = VerifyChain(rows);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), Code::kLedgerCorrupt);
  EXPECT_TRUE(Contains(status.message(), "ledger row 3 "));
}

TEST(VerifyChainTest, FirstRowMustStartFromSixtyFourZeros) {
  std::vector<LedgerEntry> rows = ChainOfFive();
  rows[0].prev_hash = std::string(63, '0') + "1";
  rows[0].row_hash = ComputeRowHash(rows[0]);
  Status status = VerifyChain({rows[0]});
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), Code::kLedgerCorrupt);
  EXPECT_TRUE(Contains(status.message(), "ledger row 1 "));
  EXPECT_TRUE(Contains(status.message(), "prev_hash"));
}

TEST(VerifyChainTest, FirstRowWithEmptyPrevHashIsRejected) {
  LedgerEntry e = Row("m1", LedgerEvent::kApplied);
  e.seq = 1;
  e.prev_hash = "";
  e.row_hash = ComputeRowHash(e);
  Status status = VerifyChain({e});
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), Code::kLedgerCorrupt);
}

// ---------------------------------------------------------------------------
// FoldLedger

TEST(FoldLedgerTest, EmptyLedger) {
  std::vector<LedgerEntry> rows;
  LedgerFold fold = FoldLedger(rows);
  EXPECT_TRUE(fold.applied.empty());
  EXPECT_FALSE(fold.dirty.has_value());
}

TEST(FoldLedgerTest, AppliedRevertedStampedUnstamped) {
  std::vector<LedgerEntry> rows =
      Chain({Row("a", LedgerEvent::kApplied), Row("b", LedgerEvent::kApplied),
             Row("c", LedgerEvent::kStamped), Row("d", LedgerEvent::kStamped),
             Row("b", LedgerEvent::kReverted, true, Direction::kDown),
             Row("d", LedgerEvent::kUnstamped, true, Direction::kDown)});
  LedgerFold fold = FoldLedger(rows);
  EXPECT_FALSE(fold.dirty.has_value());
  ASSERT_EQ(fold.applied.size(), 2u);
  ASSERT_TRUE(fold.applied.count("a"));
  ASSERT_TRUE(fold.applied.count("c"));
  EXPECT_EQ(fold.applied.at("a").entry, &rows[0]);
  EXPECT_EQ(fold.applied.at("c").entry, &rows[2]);
  EXPECT_FALSE(fold.applied.count("b"));
  EXPECT_FALSE(fold.applied.count("d"));
}

TEST(FoldLedgerTest, ReapplyPointsAtTheLatestRow) {
  std::vector<LedgerEntry> rows = Chain({Row("a", LedgerEvent::kApplied),
                                         Row("a", LedgerEvent::kReverted, true, Direction::kDown),
                                         Row("a", LedgerEvent::kApplied)});
  LedgerFold fold = FoldLedger(rows);
  ASSERT_TRUE(fold.applied.count("a"));
  EXPECT_EQ(fold.applied.at("a").entry, &rows[2]);
  EXPECT_EQ(fold.applied.at("a").entry->seq, 3);
}

TEST(FoldLedgerTest, TransactionalFailureIsHistoryOnly) {
  std::vector<LedgerEntry> rows =
      Chain({Row("a", LedgerEvent::kApplied),
             Row("b", LedgerEvent::kFailed, /*transactional=*/true, Direction::kUp, "syntax")});
  LedgerFold fold = FoldLedger(rows);
  EXPECT_FALSE(fold.dirty.has_value());
  EXPECT_EQ(fold.applied.size(), 1u);
  EXPECT_TRUE(fold.applied.count("a"));
  EXPECT_FALSE(fold.applied.count("b"));
}

TEST(FoldLedgerTest, TransactionalFailedDownKeepsTheMigrationApplied) {
  std::vector<LedgerEntry> rows =
      Chain({Row("a", LedgerEvent::kApplied),
             Row("a", LedgerEvent::kFailed, /*transactional=*/true, Direction::kDown, "nope")});
  LedgerFold fold = FoldLedger(rows);
  EXPECT_FALSE(fold.dirty.has_value());
  EXPECT_TRUE(fold.applied.count("a"));
}

TEST(FoldLedgerTest, NonTransactionalFailureMakesItDirtyWithTheError) {
  std::vector<LedgerEntry> rows =
      Chain({Row("a", LedgerEvent::kApplied), Row("b", LedgerEvent::kStarted, false),
             Row("b", LedgerEvent::kFailed, /*transactional=*/false, Direction::kUp,
                 "index build failed")});
  LedgerFold fold = FoldLedger(rows);
  ASSERT_TRUE(fold.dirty.has_value());
  EXPECT_EQ(fold.dirty->migration_id, "b");
  EXPECT_EQ(fold.dirty->event, LedgerEvent::kFailed);
  EXPECT_EQ(fold.dirty->direction, Direction::kUp);
  EXPECT_EQ(fold.dirty->error, "index build failed");
  EXPECT_EQ(fold.dirty->recorded_at, rows[2].recorded_at);
  EXPECT_FALSE(fold.applied.count("b"));
}

TEST(FoldLedgerTest, StartedWithoutAnEndIsDirty) {
  std::vector<LedgerEntry> rows = Chain(
      {Row("a", LedgerEvent::kApplied), Row("b", LedgerEvent::kStarted, false, Direction::kDown)});
  LedgerFold fold = FoldLedger(rows);
  ASSERT_TRUE(fold.dirty.has_value());
  EXPECT_EQ(fold.dirty->migration_id, "b");
  EXPECT_EQ(fold.dirty->event, LedgerEvent::kStarted);
  EXPECT_EQ(fold.dirty->direction, Direction::kDown);
  EXPECT_EQ(fold.dirty->error, "");
  EXPECT_EQ(fold.dirty->recorded_at, rows[1].recorded_at);
}

TEST(FoldLedgerTest, StartedThenAppliedIsClean) {
  std::vector<LedgerEntry> rows =
      Chain({Row("b", LedgerEvent::kStarted, false), Row("b", LedgerEvent::kApplied, false)});
  LedgerFold fold = FoldLedger(rows);
  EXPECT_FALSE(fold.dirty.has_value());
  EXPECT_TRUE(fold.applied.count("b"));
}

TEST(FoldLedgerTest, StartedDownThenRevertedIsClean) {
  std::vector<LedgerEntry> rows =
      Chain({Row("b", LedgerEvent::kApplied, false),
             Row("b", LedgerEvent::kStarted, false, Direction::kDown),
             Row("b", LedgerEvent::kReverted, false, Direction::kDown)});
  LedgerFold fold = FoldLedger(rows);
  EXPECT_FALSE(fold.dirty.has_value());
  EXPECT_FALSE(fold.applied.count("b"));
}

TEST(FoldLedgerTest, RepairedAppliedClearsDirtyAndApplies) {
  std::vector<LedgerEntry> rows =
      Chain({Row("b", LedgerEvent::kStarted, false),
             Row("b", LedgerEvent::kFailed, false, Direction::kUp, "boom"),
             Row("b", LedgerEvent::kRepairedApplied, false, Direction::kUp, "finished by hand")});
  LedgerFold fold = FoldLedger(rows);
  EXPECT_FALSE(fold.dirty.has_value());
  ASSERT_TRUE(fold.applied.count("b"));
  EXPECT_EQ(fold.applied.at("b").entry, &rows[2]);
}

TEST(FoldLedgerTest, RepairedRevertedClearsDirtyAndLeavesItUnapplied) {
  std::vector<LedgerEntry> rows =
      Chain({Row("b", LedgerEvent::kStarted, false),
             Row("b", LedgerEvent::kRepairedReverted, false, Direction::kDown, "undone")});
  LedgerFold fold = FoldLedger(rows);
  EXPECT_FALSE(fold.dirty.has_value());
  EXPECT_FALSE(fold.applied.count("b"));
}

TEST(FoldLedgerTest, RepairedRevertedOfAFailedDownUnappliesIt) {
  std::vector<LedgerEntry> rows =
      Chain({Row("b", LedgerEvent::kApplied, false),
             Row("b", LedgerEvent::kStarted, false, Direction::kDown),
             Row("b", LedgerEvent::kFailed, false, Direction::kDown, "half done"),
             Row("b", LedgerEvent::kRepairedReverted, false, Direction::kDown)});
  LedgerFold fold = FoldLedger(rows);
  EXPECT_FALSE(fold.dirty.has_value());
  EXPECT_FALSE(fold.applied.count("b"));
}

TEST(FoldLedgerTest, RowsOfAnotherMigrationDoNotClearDirty) {
  std::vector<LedgerEntry> rows =
      Chain({Row("b", LedgerEvent::kStarted, false), Row("c", LedgerEvent::kStamped)});
  LedgerFold fold = FoldLedger(rows);
  ASSERT_TRUE(fold.dirty.has_value());
  EXPECT_EQ(fold.dirty->migration_id, "b");
}

// ---------------------------------------------------------------------------
// CheckHistory

Migration MakeMigration(const std::string& id, std::vector<std::string> parents,
                        const std::string& sql) {
  Migration m;
  m.id = id;
  m.path = "migrations/" + id + ".sql";
  m.parents = std::move(parents);
  if (!m.parents.empty()) m.parents_line = 1;
  m.checksum = ComputeChecksum(sql);
  return m;
}

RevisionGraph BuildGraph(std::vector<Migration> ms) {
  auto graph = RevisionGraph::Build(std::move(ms));
  EXPECT_TRUE(graph.ok()) << graph.status().ToString();
  return std::move(graph).value();
}

// A ledger row recording `m` as applied (as the engine writes it).
LedgerEntry AppliedRow(const Migration& m) {
  LedgerEntry e = Row(m.id, LedgerEvent::kApplied);
  e.checksum = m.checksum;
  e.checksum_version = kChecksumVersion;
  std::string parents;
  for (const std::string& p : m.parents) parents += (parents.empty() ? "" : " ") + p;
  e.parents = parents;
  return e;
}

std::vector<Migration> ThreeMigrations() {
  return {MakeMigration("m1", {}, "CREATE TABLE a (x INT);"),
          MakeMigration("m2", {"m1"}, "CREATE TABLE b (x INT);"),
          MakeMigration("m3", {"m2"}, "CREATE TABLE c (x INT);")};
}

TEST(CheckHistoryTest, UnchangedHistoryHasNoProblems) {
  std::vector<Migration> ms = ThreeMigrations();
  std::vector<LedgerEntry> rows = Chain({AppliedRow(ms[0]), AppliedRow(ms[1]), AppliedRow(ms[2])});
  RevisionGraph graph = BuildGraph(ms);
  LedgerFold fold = FoldLedger(rows);
  std::vector<Problem> problems = CheckHistory(graph, fold);
  EXPECT_TRUE(problems.empty()) << problems[0].message;
}

TEST(CheckHistoryTest, EditedChecksumIsReported) {
  std::vector<Migration> ms = ThreeMigrations();
  std::vector<LedgerEntry> rows = Chain({AppliedRow(ms[0]), AppliedRow(ms[1])});
  ms[1].checksum = ComputeChecksum("CREATE TABLE b (x INT, y INT);");
  RevisionGraph graph = BuildGraph(ms);
  LedgerFold fold = FoldLedger(rows);
  std::vector<Problem> problems = CheckHistory(graph, fold);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].file, "migrations/m2.sql");
  EXPECT_TRUE(Contains(problems[0].message, "'m2'"));
  EXPECT_TRUE(Contains(problems[0].message, "edited"));
}

TEST(CheckHistoryTest, EditedButNotAppliedIsFine) {
  std::vector<Migration> ms = ThreeMigrations();
  std::vector<LedgerEntry> rows = Chain({AppliedRow(ms[0]), AppliedRow(ms[1]), AppliedRow(ms[2])});
  rows.push_back(rows[2]);
  rows[3].event = LedgerEvent::kReverted;
  rows[3].direction = Direction::kDown;
  ChainAfter(&rows[2], rows[3]);
  ms[2].checksum = ComputeChecksum("something else");
  RevisionGraph graph = BuildGraph(ms);
  LedgerFold fold = FoldLedger(rows);
  EXPECT_TRUE(CheckHistory(graph, fold).empty());
}

TEST(CheckHistoryTest, MissingMigrationIsReported) {
  std::vector<Migration> ms = ThreeMigrations();
  std::vector<LedgerEntry> rows = Chain({AppliedRow(ms[0]), AppliedRow(ms[1]), AppliedRow(ms[2])});
  ms.pop_back();
  RevisionGraph graph = BuildGraph(ms);
  LedgerFold fold = FoldLedger(rows);
  std::vector<Problem> problems = CheckHistory(graph, fold);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_TRUE(Contains(problems[0].message, "'m3'"));
  EXPECT_TRUE(Contains(problems[0].message, "missing"));
  EXPECT_TRUE(Contains(problems[0].message, "row 3"));
}

TEST(CheckHistoryTest, ReparentedMigrationIsReported) {
  std::vector<Migration> ms = ThreeMigrations();
  std::vector<LedgerEntry> rows = Chain({AppliedRow(ms[0]), AppliedRow(ms[1]), AppliedRow(ms[2])});
  // m3 now follows m1 directly; its SQL is unchanged.
  ms[2].parents = {"m1"};
  RevisionGraph graph = BuildGraph(ms);
  LedgerFold fold = FoldLedger(rows);
  std::vector<Problem> problems = CheckHistory(graph, fold);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].file, "migrations/m3.sql");
  EXPECT_EQ(problems[0].line, 1);
  EXPECT_TRUE(Contains(problems[0].message, "'m3'"));
  EXPECT_TRUE(Contains(problems[0].message, "re-parented"));
}

TEST(CheckHistoryTest, ParentOrderMatters) {
  std::vector<Migration> ms = {MakeMigration("l", {}, "SELECT 1;"),
                               MakeMigration("r", {}, "SELECT 2;"),
                               MakeMigration("merge", {"l", "r"}, "SELECT 3;")};
  std::vector<LedgerEntry> rows = Chain({AppliedRow(ms[0]), AppliedRow(ms[1]), AppliedRow(ms[2])});
  ms[2].parents = {"r", "l"};
  RevisionGraph graph = BuildGraph(ms);
  LedgerFold fold = FoldLedger(rows);
  std::vector<Problem> problems = CheckHistory(graph, fold);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_TRUE(Contains(problems[0].message, "re-parented"));
}

TEST(CheckHistoryTest, EveryProblemIsReported) {
  std::vector<Migration> ms = ThreeMigrations();
  std::vector<LedgerEntry> rows = Chain({AppliedRow(ms[0]), AppliedRow(ms[1]), AppliedRow(ms[2])});
  ms[0].checksum = ComputeChecksum("edited");
  ms[1].parents = {};
  ms[1].parents_line = 0;
  ms.pop_back();
  RevisionGraph graph = BuildGraph(ms);
  LedgerFold fold = FoldLedger(rows);
  std::vector<Problem> problems = CheckHistory(graph, fold);
  ASSERT_EQ(problems.size(), 3u);
  std::string all;
  for (const Problem& p : problems) all += p.message + "\n";
  EXPECT_TRUE(Contains(all, "'m1' was edited"));
  EXPECT_TRUE(Contains(all, "'m2' was re-parented"));
  EXPECT_TRUE(Contains(all, "'m3' is missing"));
}

// ---------------------------------------------------------------------------
// sql::LedgerEntryFromRow

strata::Row ValidRow() {
  return {
      "3",                         // seq
      "m1",                        // migration_id
      "applied",                   // event
      "up",                        // direction
      std::string(64, 'c'),        // checksum
      "1",                         // checksum_version
      "m0 m00",                    // parents
      "1",                         // transactional
      "me@host",                   // actor
      "2026-01-01T00:00:00.000Z",  // recorded_at
      "42",                        // duration_ms
      "",                          // error
      std::string(64, 'a'),        // prev_hash
      std::string(64, 'b'),        // row_hash
  };
}

TEST(LedgerEntryFromRowTest, DecodesAValidRow) {
  auto entry = sql::LedgerEntryFromRow(ValidRow());
  ASSERT_TRUE(entry.ok()) << entry.status().ToString();
  EXPECT_EQ(entry->seq, 3);
  EXPECT_EQ(entry->migration_id, "m1");
  EXPECT_EQ(entry->event, LedgerEvent::kApplied);
  EXPECT_EQ(entry->direction, Direction::kUp);
  EXPECT_EQ(entry->checksum, std::string(64, 'c'));
  EXPECT_EQ(entry->checksum_version, 1);
  EXPECT_EQ(entry->parents, "m0 m00");
  EXPECT_TRUE(entry->transactional);
  EXPECT_EQ(entry->actor, "me@host");
  EXPECT_EQ(entry->recorded_at, "2026-01-01T00:00:00.000Z");
  EXPECT_EQ(entry->duration_ms, 42);
  EXPECT_EQ(entry->error, "");
  EXPECT_EQ(entry->prev_hash, std::string(64, 'a'));
  EXPECT_EQ(entry->row_hash, std::string(64, 'b'));
}

TEST(LedgerEntryFromRowTest, RejectsANullValue) {
  for (size_t column = 0; column < static_cast<size_t>(sql::kLedgerColumnCount); ++column) {
    strata::Row row = ValidRow();
    row[column] = std::nullopt;
    auto entry = sql::LedgerEntryFromRow(row);
    ASSERT_FALSE(entry.ok()) << "column " << column;
    EXPECT_EQ(entry.status().code(), Code::kLedgerCorrupt) << "column " << column;
    EXPECT_TRUE(Contains(entry.status().message(), "NULL")) << "column " << column;
  }
}

TEST(LedgerEntryFromRowTest, RejectsABadEventName) {
  strata::Row row = ValidRow();
  row[2] = "exploded";
  auto entry = sql::LedgerEntryFromRow(row);
  ASSERT_FALSE(entry.ok());
  EXPECT_EQ(entry.status().code(), Code::kLedgerCorrupt);
  EXPECT_TRUE(Contains(entry.status().message(), "event"));
}

TEST(LedgerEntryFromRowTest, RejectsOtherBadValues) {
  struct Case {
    size_t column;
    std::string value;
    const char* what;
  };
  for (const Case& c : std::vector<Case>{{0, "3x", "seq"},
                                         {0, "", "seq"},
                                         {3, "sideways", "direction"},
                                         {5, "one", "checksum_version"},
                                         {7, "yes", "transactional"},
                                         {10, "4.5", "duration_ms"}}) {
    strata::Row row = ValidRow();
    row[c.column] = c.value;
    auto entry = sql::LedgerEntryFromRow(row);
    ASSERT_FALSE(entry.ok()) << c.what;
    EXPECT_EQ(entry.status().code(), Code::kLedgerCorrupt) << c.what;
    EXPECT_TRUE(Contains(entry.status().message(), c.what));
  }
}

TEST(LedgerEntryFromRowTest, RejectsAWrongColumnCount) {
  strata::Row row = ValidRow();
  row.pop_back();
  auto entry = sql::LedgerEntryFromRow(row);
  ASSERT_FALSE(entry.ok());
  EXPECT_EQ(entry.status().code(), Code::kLedgerCorrupt);
}

TEST(LedgerEntryFromRowTest, EveryEventNameRoundTrips) {
  for (LedgerEvent event : {LedgerEvent::kApplied, LedgerEvent::kReverted, LedgerEvent::kStamped,
                            LedgerEvent::kUnstamped, LedgerEvent::kStarted, LedgerEvent::kFailed,
                            LedgerEvent::kRepairedApplied, LedgerEvent::kRepairedReverted}) {
    strata::Row row = ValidRow();
    row[2] = LedgerEventName(event);
    auto entry = sql::LedgerEntryFromRow(row);
    ASSERT_TRUE(entry.ok()) << LedgerEventName(event);
    EXPECT_EQ(entry->event, event);
  }
}

}  // namespace
}  // namespace strata::model
