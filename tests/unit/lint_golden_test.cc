// Golden tests for lint rules: tests/lint/golden/RULE-ID/*.sql. Each file is
// linted as a script; the findings of RULE-ID must be exactly the lines
// marked `-- expect: RULE-ID` (a line may expect it more than once). Other
// rules' findings are not this file's concern. An optional first line
//   -- lint-test: tx=none|wrapped migration no-down assume-lock-timeout
//                 live=schema.table:rows,... prefix=FILE
// sets how the file runs and what the live database holds; prefix=FILE puts
// tests/lint/FILE between that line and the rest (one long migration shared
// by the rules' "hazard late in a long file" cases), and `-- expect:` lines
// count in the text so assembled.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "base/strings.h"
#include "lint/linter.h"

namespace strata::lint {
namespace {

namespace fs = std::filesystem;

const fs::path kGoldenDir = fs::path(STRATA_SOURCE_DIR) / "tests" / "lint" / "golden";

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// A golden file's text, with its prefix=FILE spliced in after line 1.
std::string ReadGolden(const fs::path& path) {
  const std::string text = ReadFile(path);
  const size_t eol = text.find('\n');
  const std::string first = text.substr(0, eol);
  if (!base::StartsWith(first, "-- lint-test:")) return text;
  for (const std::string& word : base::SplitWords(first.substr(13))) {
    if (!base::StartsWith(word, "prefix=")) continue;
    const fs::path prefix = kGoldenDir.parent_path() / word.substr(7);
    if (!fs::exists(prefix)) ADD_FAILURE() << path << ": no prefix file " << prefix;
    return first + "\n" + ReadFile(prefix) + (eol == std::string::npos ? "" : text.substr(eol + 1));
  }
  return text;
}

std::vector<fs::path> GoldenFiles() {
  std::vector<fs::path> files;
  if (!fs::exists(kGoldenDir)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(kGoldenDir)) {
    if (entry.path().extension() == ".sql") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

struct GoldenSetup {
  LintOptions options;
  LintInput input;
};

GoldenSetup SetupFor(const fs::path& path, const std::string& text) {
  GoldenSetup setup;
  setup.input.path = path.string();
  setup.input.sql = text;
  const std::string first = text.substr(0, text.find('\n'));
  if (!base::StartsWith(first, "-- lint-test:")) return setup;
  for (const std::string& word : base::SplitWords(first.substr(13))) {
    if (word == "tx=none") {
      setup.input.mode = TxMode::kNone;
      setup.input.transactional = false;
    } else if (word == "tx=wrapped") {
      setup.input.mode = TxMode::kWrapped;
    } else if (word == "migration") {
      setup.input.migration_id = path.stem().string();
    } else if (word == "no-down") {
      setup.input.has_down = false;
    } else if (base::StartsWith(word, "prefix=")) {
      // Spliced in by ReadGolden.
    } else if (word == "assume-lock-timeout") {
      setup.options.assume_lock_timeout = true;
    } else if (base::StartsWith(word, "live=")) {
      std::map<std::string, TableEstimate> tables;
      std::string list = word.substr(5);
      std::replace(list.begin(), list.end(), ',', ' ');
      for (const std::string& item : base::SplitWords(list)) {
        const size_t colon = item.rfind(':');
        tables[item.substr(0, colon)].rows = std::stoll(item.substr(colon + 1));
      }
      setup.options.live_tables = tables;
    } else {
      ADD_FAILURE() << path << ": unknown lint-test option " << word;
    }
  }
  return setup;
}

// Line -> how many findings of `rule` are expected there.
std::map<int, int> Expected(const std::string& text, const std::string& rule) {
  std::map<int, int> expected;
  std::istringstream lines(text);
  std::string line;
  for (int number = 1; std::getline(lines, line); ++number) {
    const size_t at = line.find("-- expect:");
    if (at == std::string::npos) continue;
    std::string ids = line.substr(at + 10);
    std::replace(ids.begin(), ids.end(), ',', ' ');
    for (const std::string& id : base::SplitWords(ids)) {
      if (id == rule) ++expected[number];
    }
  }
  return expected;
}

class LintGolden : public ::testing::TestWithParam<fs::path> {};

TEST_P(LintGolden, FindingsMatchExpectations) {
  const fs::path& path = GetParam();
  const std::string rule = path.parent_path().filename().string();
  const std::string text = ReadGolden(path);
  GoldenSetup setup = SetupFor(path, text);
  Linter linter(setup.options);
  std::map<int, int> actual;
  std::string details;
  for (const LintFinding& finding : linter.Lint(setup.input)) {
    if (finding.rule != rule) continue;
    ++actual[finding.line];
    details += fmt::format("  {}:{} {}\n", finding.line, finding.column, finding.message);
  }
  EXPECT_EQ(actual, Expected(text, rule)) << "findings of " << rule << ":\n" << details;
}

std::string TestName(const ::testing::TestParamInfo<fs::path>& info) {
  std::string name =
      info.param.parent_path().filename().string() + "_" + info.param.stem().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Rules, LintGolden, ::testing::ValuesIn(GoldenFiles()), TestName);

// Every rule has golden files: at least one with an expected finding and one
// without any (the safe counterpart).
TEST(LintGoldenCoverage, EveryRuleHasUnsafeAndSafeCases) {
  Linter linter(LintOptions{});
  for (const RuleInfo& info : linter.Rules()) {
    const std::string rule(info.id);
    if (rule == "syntax-error" || rule == "multiple-heads") continue;  // covered elsewhere
    int unsafe = 0, safe = 0;
    const fs::path dir = kGoldenDir / rule;
    if (fs::exists(dir)) {
      for (const auto& entry : fs::directory_iterator(dir)) {
        const auto expected = Expected(ReadGolden(entry.path()), rule);
        (expected.empty() ? safe : unsafe) += 1;
      }
    }
    EXPECT_GT(unsafe, 0) << rule << " has no golden file with an expected finding";
    EXPECT_GT(safe, 0) << rule << " has no golden file of safe code";
  }
}

}  // namespace
}  // namespace strata::lint

namespace strata::lint {
namespace {

// The README is the user's manual: every rule must be documented there
// (scripts/gen-lint-docs.py writes the table).
TEST(LintDocs, ReadmeDocumentsEveryRule) {
  const std::string readme = ReadFile(std::filesystem::path(STRATA_SOURCE_DIR) / "README.md");
  for (const RuleInfo& info : Linter(LintOptions{}).Rules()) {
    EXPECT_NE(readme.find("| `" + std::string(info.id) + "` |"), std::string::npos)
        << info.id << " is missing from README.md; run scripts/gen-lint-docs.py";
  }
}

// Every hazard of the shared hazard list (ids as listed there) has a rule.
TEST(LintDocs, EveryKnownHazardHasARule) {
  const char* kHazards[] = {
      "index-not-concurrent", "drop-index-not-concurrent", "reindex-not-concurrent",
      "concurrent-in-transaction", "add-fk-validating", "add-check-validating", "validate-same-tx",
      "set-not-null", "add-column-required", "add-column-volatile-default", "add-column-serial",
      "add-column-identity", "add-column-generated-stored", "change-column-type",
      "add-unique-constraint", "add-primary-key", "add-exclusion-constraint",
      "detach-partition-not-concurrent", "attach-partition-scan", "vacuum-full-cluster",
      "refresh-matview-blocking", "table-rewrite-alter", "lock-table-explicit",
      "missing-lock-timeout", "slow-stmt-after-exclusive-lock", "backfill-in-migration",
      "truncate-table", "truncate-cascade", "drop-table", "drop-column", "drop-schema",
      "drop-database", "rename-column", "rename-table", "rename-schema", "rename-enum-value",
      "drop-not-null", "drop-constraint", "add-json-column", "enum-value-same-tx",
      "domain-constraint", "prefer-bigint", "prefer-identity", "prefer-text", "char-field",
      "timestamp-without-tz", "identifier-too-long", "transaction-nesting",
      "uncommitted-transaction",
      // policy beyond SQL
      "missing-down", "no-transaction-partial", "multiple-heads"};
  std::set<std::string> ids;
  for (const RuleInfo& info : Linter(LintOptions{}).Rules()) ids.insert(std::string(info.id));
  for (const char* hazard : kHazards) EXPECT_EQ(ids.count(hazard), 1u) << hazard;
}

}  // namespace
}  // namespace strata::lint
