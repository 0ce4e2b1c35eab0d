// Unit tests for the native migration format, the checksum rule and the
// migrations directory reader.
#include "source/native_format.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "model/checksum.h"
#include "model/migration.h"
#include "model/revision_graph.h"
#include "source/directory_reader.h"
#include "strata/status.h"

namespace strata::source {
namespace {

namespace fs = std::filesystem;

::testing::AssertionResult Contains(const std::string& haystack, const std::string& needle) {
  if (haystack.find(needle) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "'" << haystack << "' does not contain '" << needle << "'";
}

std::string DescribeProblems(const std::vector<Problem>& problems) {
  std::string out;
  for (const Problem& p : problems) {
    out += p.file + ":" + std::to_string(p.line) + ": " + p.message + "\n";
  }
  return out;
}

struct Parsed {
  model::ParsedMigration migration;
  std::vector<Problem> problems;
};

Parsed Parse(std::string_view text, const std::string& id = "m1") {
  Parsed p;
  p.migration = ParseNativeMigration(id, "dir/" + id + ".sql", text, p.problems);
  return p;
}

// Expects exactly one problem, at `line`, whose message contains `fragment`.
void ExpectSingleProblem(const Parsed& p, int line, const std::string& fragment) {
  ASSERT_EQ(p.problems.size(), 1u) << DescribeProblems(p.problems);
  EXPECT_EQ(p.problems[0].line, line) << p.problems[0].message;
  EXPECT_EQ(p.problems[0].file, "dir/" + p.migration.id + ".sql");
  EXPECT_TRUE(Contains(p.problems[0].message, fragment));
}

// ---------------------------------------------------------------------------
// ParseNativeMigration: valid files

TEST(ParseNativeMigrationTest, MinimalFileWithoutParents) {
  Parsed p = Parse("-- strata:up\nCREATE TABLE t (x INT);\n");
  ASSERT_TRUE(p.problems.empty()) << DescribeProblems(p.problems);
  EXPECT_EQ(p.migration.id, "m1");
  EXPECT_EQ(p.migration.path, "dir/m1.sql");
  EXPECT_TRUE(p.migration.parents.empty());
  EXPECT_EQ(p.migration.parents_line, 0);
  EXPECT_TRUE(p.migration.transactional);
  EXPECT_EQ(p.migration.up_sql, "CREATE TABLE t (x INT);\n");
  EXPECT_EQ(p.migration.up_line, 2);
  EXPECT_FALSE(p.migration.down_sql.has_value());
}

TEST(ParseNativeMigrationTest, OneParent) {
  Parsed p = Parse("-- strata:parent base\n-- strata:up\nSELECT 1;\n");
  ASSERT_TRUE(p.problems.empty()) << DescribeProblems(p.problems);
  EXPECT_EQ(p.migration.parents, (std::vector<std::string>{"base"}));
  EXPECT_EQ(p.migration.parents_line, 1);
}

TEST(ParseNativeMigrationTest, SeveralParentsOnOneLineKeepTheirOrder) {
  Parsed p = Parse("-- strata:parent zeta alpha\tmid\n-- strata:up\nSELECT 1;\n");
  ASSERT_TRUE(p.problems.empty()) << DescribeProblems(p.problems);
  EXPECT_EQ(p.migration.parents, (std::vector<std::string>{"zeta", "alpha", "mid"}));
}

TEST(ParseNativeMigrationTest, SeveralParentLinesAccumulateAndRecordTheFirstLine) {
  Parsed p = Parse(
      "-- a comment first\n"
      "-- strata:parent left\n"
      "-- strata:parent right other\n"
      "-- strata:up\n"
      "SELECT 1;\n");
  ASSERT_TRUE(p.problems.empty()) << DescribeProblems(p.problems);
  EXPECT_EQ(p.migration.parents, (std::vector<std::string>{"left", "right", "other"}));
  EXPECT_EQ(p.migration.parents_line, 2);
  EXPECT_EQ(p.migration.up_line, 5);
}

TEST(ParseNativeMigrationTest, NoTransactionDirective) {
  Parsed p =
      Parse("-- strata:no-transaction\n-- strata:up\nCREATE INDEX CONCURRENTLY i ON t (x);\n");
  ASSERT_TRUE(p.problems.empty()) << DescribeProblems(p.problems);
  EXPECT_FALSE(p.migration.transactional);
}

TEST(ParseNativeMigrationTest, NoTransactionRejectsArguments) {
  Parsed p = Parse("-- strata:no-transaction please\n-- strata:up\nSELECT 1;\n");
  ExpectSingleProblem(p, 1, "takes no arguments");
}

TEST(ParseNativeMigrationTest, UpAndDownPartsWithLineNumbers) {
  const std::string text =
      "-- header comment\n"          // 1
      "-- strata:parent p0\n"        // 2
      "\n"                           // 3
      "-- strata:up\n"               // 4
      "CREATE TABLE t (x INT);\n"    // 5
      "INSERT INTO t VALUES (1);\n"  // 6
      "-- strata:down\n"             // 7
      "DROP TABLE t;\n";             // 8
  Parsed p = Parse(text);
  ASSERT_TRUE(p.problems.empty()) << DescribeProblems(p.problems);
  EXPECT_EQ(p.migration.up_sql, "CREATE TABLE t (x INT);\nINSERT INTO t VALUES (1);\n");
  EXPECT_EQ(p.migration.up_line, 5);
  ASSERT_TRUE(p.migration.down_sql.has_value());
  EXPECT_EQ(*p.migration.down_sql, "DROP TABLE t;\n");
  EXPECT_EQ(p.migration.down_line, 8);
}

TEST(ParseNativeMigrationTest, DirectivesAcceptLooseSpacing) {
  Parsed p = Parse("  --strata:up   \nSELECT 1;\n   --   strata:down\nSELECT 2;");
  ASSERT_TRUE(p.problems.empty()) << DescribeProblems(p.problems);
  EXPECT_EQ(p.migration.up_sql, "SELECT 1;\n");
  ASSERT_TRUE(p.migration.down_sql.has_value());
  EXPECT_EQ(*p.migration.down_sql, "SELECT 2;");
  EXPECT_EQ(p.migration.down_line, 4);
}

TEST(ParseNativeMigrationTest, EmptyDownPartMeansNoDownPart) {
  Parsed p = Parse("-- strata:up\nSELECT 1;\n-- strata:down\n-- nothing to undo\n\n");
  ASSERT_TRUE(p.problems.empty()) << DescribeProblems(p.problems);
  EXPECT_FALSE(p.migration.down_sql.has_value());
}

TEST(ParseNativeMigrationTest, CrlfFileParsesLikeLf) {
  Parsed p =
      Parse("-- strata:parent a\r\n-- strata:up\r\nSELECT 1;\r\n-- strata:down\r\nSELECT 2;\r\n");
  ASSERT_TRUE(p.problems.empty()) << DescribeProblems(p.problems);
  EXPECT_EQ(p.migration.parents, (std::vector<std::string>{"a"}));
  EXPECT_EQ(p.migration.up_sql, "SELECT 1;\n");
  EXPECT_EQ(p.migration.up_line, 3);
  ASSERT_TRUE(p.migration.down_sql.has_value());
  EXPECT_EQ(*p.migration.down_sql, "SELECT 2;\n");
  EXPECT_EQ(p.migration.down_line, 5);
}

TEST(ParseNativeMigrationTest, ChecksumIsThatOfTheWholeRawText) {
  const std::string text = "-- strata:up\nSELECT 1;\n";
  Parsed p = Parse(text);
  EXPECT_EQ(p.migration.checksum, model::ComputeChecksum(text));
}

TEST(ParseNativeMigrationTest, MergeWithTwoParentsMayHaveEmptyUpAndKeepsEmptyDown) {
  Parsed p = Parse("-- strata:parent left right\n-- strata:up\n-- strata:down\n");
  ASSERT_TRUE(p.problems.empty()) << DescribeProblems(p.problems);
  EXPECT_EQ(p.migration.parents.size(), 2u);
  // A merge stays revertible even though its down part is empty.
  EXPECT_TRUE(p.migration.down_sql.has_value());
}

TEST(ParseNativeMigrationTest, MergeWithTwoParentsAndNoDownSectionIsAllowed) {
  Parsed p = Parse("-- strata:parent left right\n-- strata:up\n");
  EXPECT_TRUE(p.problems.empty()) << DescribeProblems(p.problems);
}

// ---------------------------------------------------------------------------
// ParseNativeMigration: errors, each with its exact line

TEST(ParseNativeMigrationErrorsTest, UnknownDirective) {
  Parsed p = Parse("-- strata:parent a\n-- strata:frobnicate x\n-- strata:up\nSELECT 1;\n");
  ExpectSingleProblem(p, 2, "unknown directive 'strata:frobnicate'");
}

TEST(ParseNativeMigrationErrorsTest, UnknownDirectiveInsideUpPart) {
  Parsed p = Parse("-- strata:up\nSELECT 1;\n-- strata:upp\n");
  ExpectSingleProblem(p, 3, "unknown directive 'strata:upp'");
}

TEST(ParseNativeMigrationErrorsTest, ParentAfterUp) {
  Parsed p = Parse("-- strata:up\nSELECT 1;\n-- strata:parent a\n");
  ExpectSingleProblem(p, 3, "directive 'parent' after '-- strata:up'");
}

TEST(ParseNativeMigrationErrorsTest, NoTransactionAfterUp) {
  Parsed p =
      Parse("-- strata:up\nSELECT 1;\n-- strata:down\nSELECT 2;\n-- strata:no-transaction\n");
  ExpectSingleProblem(p, 5, "directive 'no-transaction' after '-- strata:up'");
  EXPECT_TRUE(p.migration.transactional);
}

TEST(ParseNativeMigrationErrorsTest, MissingUp) {
  Parsed p = Parse("-- strata:parent a\n-- just a comment\n");
  ExpectSingleProblem(p, 1, "missing '-- strata:up'");
}

TEST(ParseNativeMigrationErrorsTest, EmptyFileIsMissingUp) {
  Parsed p = Parse("");
  ExpectSingleProblem(p, 1, "missing '-- strata:up'");
}

TEST(ParseNativeMigrationErrorsTest, DuplicateUp) {
  Parsed p = Parse("-- strata:up\nSELECT 1;\n-- strata:up\nSELECT 2;\n");
  ExpectSingleProblem(p, 3, "duplicate '-- strata:up'");
}

TEST(ParseNativeMigrationErrorsTest, UpAfterDownIsADuplicateUp) {
  Parsed p = Parse("-- strata:up\nSELECT 1;\n-- strata:down\nSELECT 2;\n-- strata:up\n");
  ExpectSingleProblem(p, 5, "duplicate '-- strata:up'");
}

TEST(ParseNativeMigrationErrorsTest, DuplicateDown) {
  Parsed p =
      Parse("-- strata:up\nSELECT 1;\n-- strata:down\nSELECT 2;\n-- strata:down\nSELECT 3;\n");
  ExpectSingleProblem(p, 5, "duplicate '-- strata:down'");
}

TEST(ParseNativeMigrationErrorsTest, DownBeforeUp) {
  Parsed p = Parse("-- strata:parent a\n-- strata:down\n-- strata:up\nSELECT 1;\n");
  ExpectSingleProblem(p, 2, "'-- strata:down' before '-- strata:up'");
}

TEST(ParseNativeMigrationErrorsTest, SqlBeforeUp) {
  Parsed p = Parse("-- strata:parent a\n\nCREATE TABLE t (x INT);\n-- strata:up\nSELECT 1;\n");
  ExpectSingleProblem(p, 3, "SQL before '-- strata:up'");
}

TEST(ParseNativeMigrationErrorsTest, EmptyUpPartIsAnErrorAtTheUpDirective) {
  Parsed p =
      Parse("-- strata:parent a\n-- strata:up\n\n-- only a comment\n-- strata:down\nSELECT 1;\n");
  ExpectSingleProblem(p, 2, "the up part is empty");
}

TEST(ParseNativeMigrationErrorsTest, EmptyUpPartWithOneParentAndNoDown) {
  Parsed p = Parse("-- strata:parent a\n-- strata:up\n");
  ExpectSingleProblem(p, 2, "the up part is empty");
}

TEST(ParseNativeMigrationErrorsTest, ParentNamedTwiceOnOneLine) {
  Parsed p = Parse("-- strata:parent a b a\n-- strata:up\nSELECT 1;\n");
  ExpectSingleProblem(p, 1, "parent 'a' named twice");
}

TEST(ParseNativeMigrationErrorsTest, ParentNamedTwiceOnTwoLines) {
  Parsed p = Parse("-- strata:parent a\n-- strata:parent b a\n-- strata:up\nSELECT 1;\n");
  ExpectSingleProblem(p, 2, "parent 'a' named twice");
}

TEST(ParseNativeMigrationErrorsTest, InvalidParentId) {
  Parsed p = Parse("-- comment\n-- strata:parent good bad!id\n-- strata:up\nSELECT 1;\n");
  ExpectSingleProblem(p, 2, "invalid parent id 'bad!id'");
}

TEST(ParseNativeMigrationErrorsTest, ParentDirectiveWithoutIds) {
  Parsed p = Parse("-- strata:parent\n-- strata:up\nSELECT 1;\n");
  ExpectSingleProblem(p, 1, "needs at least one migration id");
}

TEST(ParseNativeMigrationErrorsTest, OwnParent) {
  Parsed p = Parse("-- strata:parent m1\n-- strata:up\nSELECT 1;\n", "m1");
  ExpectSingleProblem(p, 1, "own parent");
}

TEST(ParseNativeMigrationErrorsTest, SeveralProblemsAreAllReportedInLineOrder) {
  Parsed p = Parse(
      "-- strata:bogus\n"        // 1
      "SELECT 0;\n"              // 2
      "-- strata:up\n"           // 3
      "SELECT 1;\n"              // 4
      "-- strata:parent late\n"  // 5
      "-- strata:down\n"         // 6
      "-- strata:down\n");       // 7
  ASSERT_EQ(p.problems.size(), 4u) << DescribeProblems(p.problems);
  EXPECT_EQ(p.problems[0].line, 1);
  EXPECT_EQ(p.problems[1].line, 2);
  EXPECT_EQ(p.problems[2].line, 5);
  EXPECT_EQ(p.problems[3].line, 7);
}

// ---------------------------------------------------------------------------
// ParseNativeMigration: the verify part

TEST(ParseNativeMigrationVerifyTest, VerifyAfterUpWithLineNumbers) {
  Parsed p = Parse(
      "-- strata:up\n"                   // 1
      "CREATE TABLE t (x INT);\n"        // 2
      "-- strata:verify\n"               // 3
      "SELECT count(*) = 0 FROM t;\n");  // 4
  ASSERT_TRUE(p.problems.empty()) << DescribeProblems(p.problems);
  EXPECT_EQ(p.migration.up_sql, "CREATE TABLE t (x INT);\n");
  ASSERT_TRUE(p.migration.verify_sql.has_value());
  EXPECT_EQ(*p.migration.verify_sql, "SELECT count(*) = 0 FROM t;\n");
  EXPECT_EQ(p.migration.verify_line, 4);
  EXPECT_FALSE(p.migration.down_sql.has_value());
}

TEST(ParseNativeMigrationVerifyTest, VerifyBetweenUpAndDownEndsAtDown) {
  Parsed p = Parse(
      "-- strata:up\n"      // 1
      "SELECT 1;\n"         // 2
      "-- strata:verify\n"  // 3
      "SELECT TRUE;\n"      // 4
      "-- strata:down\n"    // 5
      "SELECT 2;\n");       // 6
  ASSERT_TRUE(p.problems.empty()) << DescribeProblems(p.problems);
  EXPECT_EQ(p.migration.up_sql, "SELECT 1;\n");
  EXPECT_EQ(*p.migration.verify_sql, "SELECT TRUE;\n");
  EXPECT_EQ(p.migration.verify_line, 4);
  ASSERT_TRUE(p.migration.down_sql.has_value());
  EXPECT_EQ(*p.migration.down_sql, "SELECT 2;\n");
  EXPECT_EQ(p.migration.down_line, 6);
}

TEST(ParseNativeMigrationVerifyTest, VerifyAfterDownEndsTheDownPart) {
  Parsed p = Parse(
      "-- strata:up\n"      // 1
      "SELECT 1;\n"         // 2
      "-- strata:down\n"    // 3
      "SELECT 2;\n"         // 4
      "-- strata:verify\n"  // 5
      "\n"                  // 6
      "SELECT TRUE;\n");    // 7
  ASSERT_TRUE(p.problems.empty()) << DescribeProblems(p.problems);
  EXPECT_EQ(*p.migration.down_sql, "SELECT 2;\n");
  EXPECT_EQ(*p.migration.verify_sql, "\nSELECT TRUE;\n");
  EXPECT_EQ(p.migration.verify_line, 6);  // where the part's text begins
  EXPECT_TRUE(p.migration.has_down);
}

TEST(ParseNativeMigrationVerifyTest, EmptyVerifyPartIsNoVerifyPart) {
  Parsed p = Parse("-- strata:up\nSELECT 1;\n-- strata:verify\n-- nothing yet\n\n");
  ASSERT_TRUE(p.problems.empty()) << DescribeProblems(p.problems);
  EXPECT_FALSE(p.migration.verify_sql.has_value());
  EXPECT_EQ(p.migration.verify_line, 0);
}

TEST(ParseNativeMigrationVerifyTest, DuplicateVerify) {
  Parsed p = Parse(
      "-- strata:up\nSELECT 1;\n-- strata:verify\nSELECT TRUE;\n-- strata:down\nSELECT 2;\n"
      "-- strata:verify\nSELECT FALSE;\n");
  ExpectSingleProblem(p, 7, "duplicate '-- strata:verify'");
}

TEST(ParseNativeMigrationVerifyTest, VerifyBeforeUp) {
  Parsed p = Parse("-- strata:verify\nSELECT TRUE;\n-- strata:up\nSELECT 1;\n");
  // The query under it is then SQL before up, reported on its own line.
  ASSERT_EQ(p.problems.size(), 2u) << DescribeProblems(p.problems);
  EXPECT_EQ(p.problems[0].line, 1);
  EXPECT_TRUE(Contains(p.problems[0].message, "'-- strata:verify' before '-- strata:up'"));
  EXPECT_EQ(p.problems[1].line, 2);
}

TEST(ParseNativeMigrationVerifyTest, VerifyTakesNoArguments) {
  Parsed p = Parse("-- strata:up\nSELECT 1;\n-- strata:verify now\nSELECT TRUE;\n");
  ExpectSingleProblem(p, 3, "'-- strata:verify' takes no arguments");
}

TEST(ParseNativeMigrationVerifyTest, UnknownDirectiveMessageListsVerify) {
  Parsed p = Parse("-- strata:up\nSELECT 1;\n-- strata:verfy\n");
  ExpectSingleProblem(p, 3, "up, down, verify,");
}

// ---------------------------------------------------------------------------
// Checksum

bool IsLowerHex64(const std::string& s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

TEST(ChecksumTest, IsSixtyFourHexCharacters) {
  EXPECT_TRUE(IsLowerHex64(model::ComputeChecksum("-- strata:up\nSELECT 1;\n")));
  EXPECT_TRUE(IsLowerHex64(model::ComputeChecksum("")));
}

TEST(ChecksumTest, IsSha256OfTheNormalizedText) {
  // SHA-256("") and SHA-256("abc"), well-known test vectors.
  EXPECT_EQ(model::ComputeChecksum(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(model::ComputeChecksum("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(ChecksumTest, CrlfAndLfGiveTheSameChecksum) {
  const std::string lf = "-- strata:up\nCREATE TABLE t (x INT);\n-- strata:down\nDROP TABLE t;\n";
  const std::string crlf =
      "-- strata:up\r\nCREATE TABLE t (x INT);\r\n-- strata:down\r\nDROP TABLE t;\r\n";
  EXPECT_EQ(model::ComputeChecksum(lf), model::ComputeChecksum(crlf));
  EXPECT_EQ(model::NormalizeForChecksum(crlf), lf);
}

TEST(ChecksumTest, LeadingBomIsIgnored) {
  const std::string text = "-- strata:up\nSELECT 1;\n";
  EXPECT_EQ(model::ComputeChecksum("\xEF\xBB\xBF" + text), model::ComputeChecksum(text));
  EXPECT_EQ(model::ComputeChecksum("\xEF\xBB\xBF-- strata:up\r\nSELECT 1;\r\n"),
            model::ComputeChecksum(text));
}

TEST(ChecksumTest, BomElsewhereIsNotIgnored) {
  const std::string text = "-- strata:up\nSELECT 1;\n";
  EXPECT_NE(model::ComputeChecksum(text + "\xEF\xBB\xBF"), model::ComputeChecksum(text));
}

TEST(ChecksumTest, LoneCarriageReturnIsNotNormalized) {
  EXPECT_NE(model::ComputeChecksum("a\rb"), model::ComputeChecksum("a\nb"));
  EXPECT_NE(model::ComputeChecksum("a\rb"), model::ComputeChecksum("ab"));
  EXPECT_NE(model::ComputeChecksum("a\r"), model::ComputeChecksum("a"));
}

TEST(ChecksumTest, AnyOtherByteChangeChangesTheChecksum) {
  const std::string base = "-- strata:up\nCREATE TABLE t (x INT);\n";
  const std::string original = model::ComputeChecksum(base);
  for (size_t i = 0; i < base.size(); ++i) {
    std::string edited = base;
    edited[i] = static_cast<char>(edited[i] ^ 0x01);
    EXPECT_NE(model::ComputeChecksum(edited), original) << "byte " << i;
  }
  EXPECT_NE(model::ComputeChecksum(base + " "), original);
  EXPECT_NE(model::ComputeChecksum(base + "\n"), original);
  EXPECT_NE(model::ComputeChecksum(base.substr(1)), original);
}

// ---------------------------------------------------------------------------
// ReadMigrationDirectory

class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    const auto ticks = std::chrono::steady_clock::now().time_since_epoch().count();
    path_ =
        fs::temp_directory_path() / ("strata_native_format_test_" + std::to_string(::getpid()) +
                                     "_" + std::to_string(counter++) + "_" + std::to_string(ticks));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const fs::path& path() const { return path_; }
  std::string str() const { return path_.string(); }

  void Write(const std::string& name, const std::string& text) const {
    std::ofstream out(path_ / name, std::ios::binary);
    out << text;
    ASSERT_TRUE(out.good()) << name;
  }

 private:
  fs::path path_;
};

TEST(ReadMigrationDirectoryTest, ValidDiamond) {
  TempDir dir;
  dir.Write("root.sql", "-- strata:up\nCREATE TABLE r (x INT);\n-- strata:down\nDROP TABLE r;\n");
  dir.Write("left.sql", "-- strata:parent root\n-- strata:up\nCREATE TABLE l (x INT);\n");
  dir.Write("right.sql", "-- strata:parent root\n-- strata:up\nCREATE TABLE r2 (x INT);\n");
  dir.Write("merge.sql", "-- strata:parent left right\n-- strata:up\n");
  auto graph = ReadMigrationDirectory(dir.str());
  ASSERT_TRUE(graph.ok()) << graph.status().ToString();
  ASSERT_EQ(graph->size(), 4u);
  EXPECT_EQ(graph->Roots(), (std::vector<std::string>{"root"}));
  EXPECT_EQ(graph->Heads(), (std::vector<std::string>{"merge"}));
  EXPECT_EQ(graph->BranchPoints(), (std::vector<std::string>{"root"}));
  EXPECT_EQ(graph->MergePoints(), (std::vector<std::string>{"merge"}));
  // Deterministic topological order, ties broken by id.
  std::vector<std::string> order;
  for (const model::Migration& m : graph->migrations()) order.push_back(m.id);
  EXPECT_EQ(order, (std::vector<std::string>{"root", "left", "right", "merge"}));
  const model::Migration& root = graph->at(static_cast<size_t>(graph->IndexOf("root")));
  EXPECT_EQ(root.path, (dir.path() / "root.sql").string());
  EXPECT_TRUE(root.has_down);
  // The graph keeps metadata; the SQL is read back from the file on demand.
  auto body = LoadMigrationBody(root);
  ASSERT_TRUE(body.ok()) << body.status().ToString();
  EXPECT_EQ(body->up_sql, "CREATE TABLE r (x INT);\n");
  ASSERT_TRUE(body->down_sql.has_value());
  EXPECT_EQ(*body->down_sql, "DROP TABLE r;\n");
  // An edit after the directory was read is refused, not run.
  dir.Write("root.sql", "-- strata:up\nCREATE TABLE r (x INT, y INT);\n");
  auto changed = LoadMigrationBody(root);
  EXPECT_EQ(changed.status().code(), Code::kHistoryChanged);
}

TEST(ReadMigrationDirectoryTest, MissingDirectoryIsNotFound) {
  TempDir dir;
  auto graph = ReadMigrationDirectory((dir.path() / "does-not-exist").string());
  ASSERT_FALSE(graph.ok());
  EXPECT_EQ(graph.status().code(), Code::kNotFound);
  EXPECT_TRUE(Contains(graph.status().message(), "does-not-exist"));
}

TEST(ReadMigrationDirectoryTest, RegularFileInsteadOfDirectoryIsNotFound) {
  TempDir dir;
  dir.Write("plain", "x");
  auto graph = ReadMigrationDirectory((dir.path() / "plain").string());
  ASSERT_FALSE(graph.ok());
  EXPECT_EQ(graph.status().code(), Code::kNotFound);
}

TEST(ReadMigrationDirectoryTest, EmptyDirectoryIsAnEmptyGraph) {
  TempDir dir;
  auto graph = ReadMigrationDirectory(dir.str());
  ASSERT_TRUE(graph.ok()) << graph.status().ToString();
  EXPECT_EQ(graph->size(), 0u);
}

TEST(ReadMigrationDirectoryTest, InvalidUtf8IsReportedWithItsLine) {
  TempDir dir;
  dir.Write("m1.sql", "-- strata:up\nSELECT 1;\nSELECT '\xC3\x28';\n");
  auto graph = ReadMigrationDirectory(dir.str());
  ASSERT_FALSE(graph.ok());
  EXPECT_EQ(graph.status().code(), Code::kInvalidMigrations);
  ASSERT_EQ(graph.status().problems().size(), 1u);
  const Problem& problem = graph.status().problems()[0];
  EXPECT_EQ(problem.file, (dir.path() / "m1.sql").string());
  EXPECT_EQ(problem.line, 3);
  EXPECT_TRUE(Contains(problem.message, "invalid UTF-8"));
  EXPECT_EQ(graph.status().context().file, (dir.path() / "m1.sql").string());
  EXPECT_EQ(graph.status().context().line, 3);
}

TEST(ReadMigrationDirectoryTest, ValidMultibyteUtf8IsAccepted) {
  TempDir dir;
  dir.Write("m1.sql", "-- strata:up\nSELECT 'caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80';\n");
  auto graph = ReadMigrationDirectory(dir.str());
  EXPECT_TRUE(graph.ok()) << graph.status().ToString();
}

TEST(ReadMigrationDirectoryTest, BadFileNameIsAProblem) {
  TempDir dir;
  dir.Write("bad id!.sql", "-- strata:up\nSELECT 1;\n");
  dir.Write("good.sql", "-- strata:up\nSELECT 1;\n");
  auto graph = ReadMigrationDirectory(dir.str());
  ASSERT_FALSE(graph.ok());
  EXPECT_EQ(graph.status().code(), Code::kInvalidMigrations);
  ASSERT_EQ(graph.status().problems().size(), 1u) << DescribeProblems(graph.status().problems());
  const Problem& problem = graph.status().problems()[0];
  EXPECT_EQ(problem.file, (dir.path() / "bad id!.sql").string());
  EXPECT_TRUE(Contains(problem.message, "invalid migration id 'bad id!'"));
}

TEST(ReadMigrationDirectoryTest, SeveralBadFilesAreAllReported) {
  TempDir dir;
  dir.Write("a_missing_up.sql", "-- strata:parent zz\n");
  dir.Write("b_bad_utf8.sql", "-- strata:up\n\xFF\n");
  dir.Write("c bad name.sql", "-- strata:up\nSELECT 1;\n");
  dir.Write("d_unknown.sql", "-- strata:up\nSELECT 1;\n-- strata:what\n");
  dir.Write("e_ok.sql", "-- strata:up\nSELECT 1;\n");
  auto graph = ReadMigrationDirectory(dir.str());
  ASSERT_FALSE(graph.ok());
  EXPECT_EQ(graph.status().code(), Code::kInvalidMigrations);
  const std::vector<Problem>& problems = graph.status().problems();
  ASSERT_EQ(problems.size(), 4u) << DescribeProblems(problems);
  // Files are read in sorted order.
  EXPECT_EQ(problems[0].file, (dir.path() / "a_missing_up.sql").string());
  EXPECT_EQ(problems[0].line, 1);
  EXPECT_TRUE(Contains(problems[0].message, "missing '-- strata:up'"));
  EXPECT_EQ(problems[1].file, (dir.path() / "b_bad_utf8.sql").string());
  EXPECT_EQ(problems[1].line, 2);
  EXPECT_TRUE(Contains(problems[1].message, "invalid UTF-8"));
  EXPECT_EQ(problems[2].file, (dir.path() / "c bad name.sql").string());
  EXPECT_TRUE(Contains(problems[2].message, "invalid migration id"));
  EXPECT_EQ(problems[3].file, (dir.path() / "d_unknown.sql").string());
  EXPECT_EQ(problems[3].line, 3);
  EXPECT_TRUE(Contains(problems[3].message, "unknown directive"));
  EXPECT_TRUE(Contains(graph.status().message(), "4 problems"));
  EXPECT_EQ(graph.status().context().file, problems[0].file);
}

TEST(ReadMigrationDirectoryTest, DanglingSymlinkCannotBeRead) {
  TempDir dir;
  std::error_code ec;
  fs::create_symlink(dir.path() / "nowhere.target", dir.path() / "x.sql", ec);
  ASSERT_FALSE(ec) << ec.message();
  auto graph = ReadMigrationDirectory(dir.str());
  ASSERT_FALSE(graph.ok());
  EXPECT_EQ(graph.status().code(), Code::kInvalidMigrations);
  ASSERT_EQ(graph.status().problems().size(), 1u) << DescribeProblems(graph.status().problems());
  EXPECT_EQ(graph.status().problems()[0].file, (dir.path() / "x.sql").string());
  EXPECT_TRUE(Contains(graph.status().problems()[0].message, "cannot read"));
}

TEST(ReadMigrationDirectoryTest, NonSqlFilesAndDirectoriesAreIgnored) {
  TempDir dir;
  dir.Write("m1.sql", "-- strata:up\nSELECT 1;\n");
  dir.Write("README.md", "not a migration at all\n");
  dir.Write("notes.txt", "-- strata:bogus\n");
  dir.Write("m2.sql.bak", "garbage\xFF");
  dir.Write("m3.SQL", "garbage");
  fs::create_directories(dir.path() / "folder.sql");
  fs::create_directories(dir.path() / "nested");
  dir.Write("nested/m4.sql", "garbage");
  auto graph = ReadMigrationDirectory(dir.str());
  ASSERT_TRUE(graph.ok()) << graph.status().ToString();
  ASSERT_EQ(graph->size(), 1u);
  EXPECT_EQ(graph->at(0).id, "m1");
}

TEST(ReadMigrationDirectoryTest, UnknownParentIsReportedByTheGraph) {
  TempDir dir;
  dir.Write("m1.sql", "-- strata:parent ghost\n-- strata:up\nSELECT 1;\n");
  auto graph = ReadMigrationDirectory(dir.str());
  ASSERT_FALSE(graph.ok());
  EXPECT_EQ(graph.status().code(), Code::kInvalidMigrations);
  ASSERT_EQ(graph.status().problems().size(), 1u);
  EXPECT_EQ(graph.status().problems()[0].line, 1);
  EXPECT_TRUE(Contains(graph.status().problems()[0].message, "unknown parent 'ghost'"));
}

TEST(ReadMigrationDirectoryTest, WriteNewMigrationRoundTripsAndRefusesToOverwrite) {
  TempDir dir;
  auto first =
      WriteNewMigration(dir.str(), "a1", {}, true, "CREATE TABLE t (x INT);", "DROP TABLE t;");
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  auto second = WriteNewMigration(dir.str(), "a2", {"a1"}, false, "SELECT 1;", "SELECT 2;");
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  auto again = WriteNewMigration(dir.str(), "a2", {"a1"}, false, "SELECT 1;", "SELECT 2;");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), Code::kInvalidArgument);
  auto graph = ReadMigrationDirectory(dir.str());
  ASSERT_TRUE(graph.ok()) << graph.status().ToString();
  ASSERT_EQ(graph->size(), 2u);
  const model::Migration& a2 = graph->at(1);
  EXPECT_EQ(a2.id, "a2");
  EXPECT_EQ(a2.parents, (std::vector<std::string>{"a1"}));
  EXPECT_FALSE(a2.transactional);
  auto body = LoadMigrationBody(a2);
  ASSERT_TRUE(body.ok()) << body.status().ToString();
  EXPECT_EQ(body->up_sql, "SELECT 1;\n");
  ASSERT_TRUE(body->down_sql.has_value());
  EXPECT_EQ(*body->down_sql, "SELECT 2;\n");
}

}  // namespace
}  // namespace strata::source
