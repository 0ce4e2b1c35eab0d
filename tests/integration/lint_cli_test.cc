// The migration linter through the real strata binary: `strata lint` and its
// output formats, ignore comments, `[lint]` in strata.toml, plain .sql
// scripts, and the lint that guards `strata up` on PostgreSQL with what the
// live database knows about its tables (and never on SQLite).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "integration/test_database.h"
#include "integration/test_support.h"

namespace strata::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// A migration creating the table an unsafe migration then indexes (the
// index is on line 4 of b.sql, column 1).
constexpr const char* kCreateA =
    "-- strata:up\nCREATE TABLE a (id bigint PRIMARY KEY, x int);\n-- strata:down\nDROP TABLE "
    "a;\n";
constexpr const char* kIndexA =
    "-- strata:parent a\n-- strata:up\n-- adds the index\nCREATE INDEX a_x ON a (x);\n"
    "-- strata:down\nDROP INDEX a_x;\n";

// Findings of one rule in a `--format json` document.
std::vector<json> FindingsOf(const json& doc, const std::string& rule) {
  std::vector<json> out;
  for (const json& f : doc.at("findings")) {
    if (f.at("rule") == rule) out.push_back(f);
  }
  return out;
}

std::string Describe(const json& doc) { return doc.dump(2); }

// `strata lint` on files: no database needed. Runs with --dir and the given
// arguments; the SQLite URL is never opened by lint.
class LintFiles : public ::testing::Test {
 protected:
  CommandResult Lint(std::vector<std::string> args) {
    std::vector<std::string> full = {"--dir", dir_.path().string(), "lint"};
    full.insert(full.end(), args.begin(), args.end());
    return RunStrata(full, tmp_.path());
  }
  json LintJson(std::vector<std::string> args = {}) {
    args.insert(args.begin(), {"--format", "json"});
    CommandResult r = Lint(args);
    last_exit_ = r.exit_code;
    try {
      return json::parse(r.out);
    } catch (const json::exception& e) {
      ADD_FAILURE() << "not JSON: " << e.what() << "\nstdout: " << r.out << "\nstderr: " << r.err;
      return json::object({{"findings", json::array()}});
    }
  }
  void Write(const std::string& name, const std::string& text) { WriteFile(dir_ / name, text); }
  std::string File(const std::string& name) const { return (dir_ / name).string(); }

  TempDir tmp_;
  TempDir dir_;
  int last_exit_ = -1;
};

TEST_F(LintFiles, UnsafeMigrationExitsThreeWithFileLineColumnInEveryFormat) {
  Write("a.sql", kCreateA);
  Write("b.sql", kIndexA);

  // Human: file:line:col  severity  rule  message, then the why and the fix.
  CommandResult human = Lint({});
  EXPECT_EQ(human.exit_code, 3) << human.out << human.err;
  EXPECT_NE(human.out.find(File("b.sql") + ":4:1  error  index-not-concurrent  index a_x on a"),
            std::string::npos)
      << human.out;
  EXPECT_NE(human.out.find("    fix: CREATE INDEX CONCURRENTLY"), std::string::npos) << human.out;
  EXPECT_NE(human.out.find("1 error"), std::string::npos) << human.out;

  // JSON: documented fields, 1-based lines and columns, a summary.
  json doc = LintJson();
  EXPECT_EQ(last_exit_, 3);
  std::vector<json> hits = FindingsOf(doc, "index-not-concurrent");
  ASSERT_EQ(hits.size(), 1u) << Describe(doc);
  const json& f = hits[0];
  EXPECT_EQ(f.at("severity"), "error");
  EXPECT_EQ(f.at("file"), File("b.sql"));
  EXPECT_EQ(f.at("line"), 4);
  EXPECT_EQ(f.at("column"), 1);
  EXPECT_EQ(f.at("migration"), "b");
  EXPECT_NE(f.at("message").get<std::string>().find("a_x"), std::string::npos);
  EXPECT_NE(f.at("effect").get<std::string>().find("SHARE lock"), std::string::npos);
  EXPECT_NE(f.at("fix").get<std::string>().find("CONCURRENTLY"), std::string::npos);
  for (const json& any : doc.at("findings")) {
    for (const char* field :
         {"rule", "severity", "file", "line", "column", "message", "effect", "fix"}) {
      EXPECT_TRUE(any.contains(field)) << field << " missing in " << any.dump();
    }
    EXPECT_GE(any.at("line").get<int>(), 1);
    EXPECT_GE(any.at("column").get<int>(), 1);
  }
  EXPECT_EQ(doc.at("summary").at("files"), 2);
  EXPECT_EQ(doc.at("summary").at("errors"), 1);
  EXPECT_TRUE(doc.at("summary").contains("warnings"));
  EXPECT_TRUE(doc.at("summary").contains("infos"));

  // SARIF 2.1.0: the rule catalogue and results with ruleId and a location.
  CommandResult sarif_run = Lint({"--format", "sarif"});
  EXPECT_EQ(sarif_run.exit_code, 3);
  json sarif = json::parse(sarif_run.out);
  EXPECT_EQ(sarif.at("version"), "2.1.0");
  const json& run = sarif.at("runs").at(0);
  EXPECT_EQ(run.at("tool").at("driver").at("name"), "strata");
  bool rule_listed = false;
  for (const json& rule : run.at("tool").at("driver").at("rules")) {
    if (rule.at("id") == "index-not-concurrent") rule_listed = true;
  }
  EXPECT_TRUE(rule_listed);
  bool result_found = false;
  for (const json& result : run.at("results")) {
    if (result.at("ruleId") != "index-not-concurrent") continue;
    result_found = true;
    EXPECT_EQ(result.at("level"), "error");
    const json& loc = result.at("locations").at(0).at("physicalLocation");
    EXPECT_EQ(loc.at("artifactLocation").at("uri"), File("b.sql"));
    EXPECT_EQ(loc.at("region").at("startLine"), 4);
    EXPECT_EQ(loc.at("region").at("startColumn"), 1);
  }
  EXPECT_TRUE(result_found) << sarif_run.out;

  // GitHub workflow annotations.
  CommandResult github = Lint({"--format", "github"});
  EXPECT_EQ(github.exit_code, 3);
  EXPECT_NE(github.out.find("::error file=" + File("b.sql") +
                            ",line=4,col=1,title=strata index-not-concurrent::"),
            std::string::npos)
      << github.out;
}

TEST_F(LintFiles, SafeDirectoryExitsZero) {
  Write("a.sql", kCreateA);
  Write("b.sql",
        "-- strata:parent a\n-- strata:no-transaction\n-- strata:up\nCREATE INDEX CONCURRENTLY "
        "IF NOT EXISTS a_x ON a (x);\n-- strata:down\nDROP INDEX CONCURRENTLY IF EXISTS a_x;\n");
  CommandResult r = Lint({});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(r.out.find("  error  "), std::string::npos) << r.out;
  json doc = LintJson();
  EXPECT_EQ(last_exit_, 0);
  EXPECT_EQ(doc.at("summary").at("errors"), 0) << Describe(doc);
}

TEST_F(LintFiles, LintSinceOnlyLooksAfterTheRevision) {
  Write("a.sql", kCreateA);
  Write("b.sql", kIndexA);
  Write("c.sql", "-- strata:parent b\n-- strata:up\nSELECT 1;\n-- strata:down\nSELECT 1;\n");
  json doc = LintJson({"--since", "b"});
  EXPECT_EQ(last_exit_, 0) << Describe(doc);
  EXPECT_TRUE(FindingsOf(doc, "index-not-concurrent").empty()) << Describe(doc);
  EXPECT_EQ(doc.at("summary").at("files"), 1);
  doc = LintJson({"--since", "a"});
  EXPECT_EQ(last_exit_, 3);
  EXPECT_EQ(FindingsOf(doc, "index-not-concurrent").size(), 1u) << Describe(doc);
}

TEST_F(LintFiles, IgnoreCommentSilencesTheNextStatementOnly) {
  Write("a.sql", kCreateA);
  Write("b.sql",
        "-- strata:parent a\n-- strata:up\n-- strata:ignore index-not-concurrent -- reviewed: a "
        "is tiny\nCREATE INDEX a_x ON a (x);\n-- strata:down\nDROP INDEX a_x;\n");
  json doc = LintJson();
  EXPECT_EQ(last_exit_, 0) << Describe(doc);
  EXPECT_TRUE(FindingsOf(doc, "index-not-concurrent").empty()) << Describe(doc);
  EXPECT_TRUE(FindingsOf(doc, "unused-ignore").empty()) << Describe(doc);

  // The ignore covers the statement after it, not the one after that.
  Write("b.sql",
        "-- strata:parent a\n-- strata:up\n-- strata:ignore index-not-concurrent -- reviewed\n"
        "CREATE INDEX a_x ON a (x);\nCREATE INDEX a_id_x ON a (id, x);\n-- strata:down\nDROP "
        "INDEX a_x, a_id_x;\n");
  doc = LintJson();
  EXPECT_EQ(last_exit_, 3);
  std::vector<json> hits = FindingsOf(doc, "index-not-concurrent");
  ASSERT_EQ(hits.size(), 1u) << Describe(doc);
  EXPECT_EQ(hits[0].at("line"), 5);
}

TEST_F(LintFiles, IgnoreThatSilencesNothingIsReported) {
  Write("a.sql", kCreateA);
  Write("b.sql",
        "-- strata:parent a\n-- strata:up\n-- strata:ignore drop-column -- not needed\nALTER TABLE "
        "a ADD COLUMN y text;\n-- strata:down\nALTER TABLE a DROP COLUMN y;\n");
  json doc = LintJson();
  std::vector<json> unused = FindingsOf(doc, "unused-ignore");
  ASSERT_EQ(unused.size(), 1u) << Describe(doc);
  EXPECT_EQ(unused[0].at("file"), File("b.sql"));
  EXPECT_EQ(unused[0].at("line"), 3);
  EXPECT_EQ(unused[0].at("severity"), "warning");
  EXPECT_NE(unused[0].at("message").get<std::string>().find("drop-column"), std::string::npos);
  EXPECT_EQ(last_exit_, 0);  // a warning does not fail the run

  // An unknown rule id in an ignore is reported too.
  Write("b.sql",
        "-- strata:parent a\n-- strata:up\n-- strata:ignore no-such-rule -- typo\nALTER TABLE a "
        "ADD COLUMN y text;\n-- strata:down\nALTER TABLE a DROP COLUMN y;\n");
  doc = LintJson();
  unused = FindingsOf(doc, "unused-ignore");
  ASSERT_EQ(unused.size(), 1u) << Describe(doc);
  EXPECT_NE(unused[0].at("message").get<std::string>().find("unknown rule 'no-such-rule'"),
            std::string::npos)
      << Describe(doc);
}

TEST_F(LintFiles, IgnoreFileInTheHeaderSilencesTheWholeFile) {
  Write("a.sql", kCreateA);
  Write("b.sql",
        "-- strata:parent a\n-- strata:ignore-file index-not-concurrent -- a is a lookup table\n"
        "-- strata:up\nCREATE INDEX a_x ON a (x);\nSELECT 1;\nCREATE INDEX a_id_x ON a (id, x);\n"
        "-- strata:down\nDROP INDEX a_x, a_id_x;\n");
  json doc = LintJson();
  EXPECT_EQ(last_exit_, 0) << Describe(doc);
  EXPECT_TRUE(FindingsOf(doc, "index-not-concurrent").empty()) << Describe(doc);
  EXPECT_TRUE(FindingsOf(doc, "unused-ignore").empty()) << Describe(doc);

  // A file-wide ignore that silences nothing is reported at its header line.
  Write("b.sql",
        "-- strata:parent a\n-- strata:ignore-file rename-table\n-- strata:up\nSELECT 1;\n"
        "-- strata:down\nSELECT 1;\n");
  doc = LintJson();
  std::vector<json> unused = FindingsOf(doc, "unused-ignore");
  ASSERT_EQ(unused.size(), 1u) << Describe(doc);
  EXPECT_EQ(unused[0].at("line"), 2);
}

// [lint] in strata.toml shapes what is reported and what fails the run.
class LintConfig : public LintFiles {
 protected:
  CommandResult LintWith(const std::string& toml, std::vector<std::string> args = {}) {
    WriteFile(tmp_ / "strata.toml", toml);
    std::vector<std::string> full = {"--config", (tmp_ / "strata.toml").string(), "--dir",
                                     dir_.path().string(), "lint"};
    full.insert(full.end(), args.begin(), args.end());
    return RunStrata(full, tmp_.path());
  }
  void SetUp() override {
    Write("a.sql", kCreateA);
    Write("b.sql", kIndexA);
  }
};

TEST_F(LintConfig, DisablingARuleOrLoweringItsSeverityTurnsExitThreeIntoZero) {
  CommandResult baseline = LintWith("url = \"sqlite:x.db\"\n");
  EXPECT_EQ(baseline.exit_code, 3) << baseline.out << baseline.err;

  CommandResult disabled = LintWith("[lint]\ndisable = [\"index-not-concurrent\"]\n");
  EXPECT_EQ(disabled.exit_code, 0) << disabled.out << disabled.err;
  EXPECT_EQ(disabled.out.find("index-not-concurrent"), std::string::npos) << disabled.out;

  CommandResult lowered = LintWith("[lint.severity]\nindex-not-concurrent = \"warning\"\n");
  EXPECT_EQ(lowered.exit_code, 0) << lowered.out << lowered.err;
  EXPECT_NE(lowered.out.find(File("b.sql") + ":4:1  warning  index-not-concurrent"),
            std::string::npos)
      << lowered.out;

  // The same table form inside [lint].
  CommandResult inline_table = LintWith(
      "[lint]\nseverity = { \"index-not-concurrent\" = \"info\" }\n", {"--format", "json"});
  EXPECT_EQ(inline_table.exit_code, 0) << inline_table.err;
  json doc = json::parse(inline_table.out);
  std::vector<json> hits = FindingsOf(doc, "index-not-concurrent");
  ASSERT_EQ(hits.size(), 1u) << Describe(doc);
  EXPECT_EQ(hits[0].at("severity"), "info");

  // Raising a warning to an error fails the run.
  Write("b.sql",
        "-- strata:parent a\n-- strata:up\nALTER TABLE a ADD COLUMN y int;\n-- strata:down\nALTER "
        "TABLE a DROP COLUMN y;\n");
  EXPECT_EQ(LintWith("").exit_code, 0);
  Write("c.sql", "-- strata:parent b\n-- strata:up\nSELECT 1;\n");  // no down part
  EXPECT_EQ(LintWith("").exit_code, 0);
  CommandResult raised = LintWith("[lint.severity]\nmissing-down = \"error\"\n");
  EXPECT_EQ(raised.exit_code, 3) << raised.out << raised.err;
  EXPECT_NE(raised.out.find(File("c.sql") + ":3:1  error  missing-down"), std::string::npos)
      << raised.out;
}

TEST_F(LintConfig, UnknownRuleInConfigIsAClearErrorNamingTheFile) {
  const std::string config = (tmp_ / "strata.toml").string();
  for (const std::string& toml :
       {std::string("[lint]\ndisable = [\"index-not-concurent\"]\n"),
        std::string("[lint]\n\n[lint.severity]\nindex-not-concurent = \"warning\"\n")}) {
    SCOPED_TRACE(toml);
    CommandResult r = LintWith(toml);
    EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
    EXPECT_NE(r.err.find(config + ":"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("unknown rule 'index-not-concurent'"), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
  }
  // The line of the offending entry is named.
  CommandResult r = LintWith("[lint]\n\n[lint.severity]\nindex-not-concurent = \"warning\"\n");
  EXPECT_NE(r.err.find(config + ":4"), std::string::npos) << r.err;
  // A bad severity and an unknown setting are errors as well.
  r = LintWith("[lint.severity]\nindex-not-concurrent = \"fatal\"\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(config + ":2"), std::string::npos) << r.err;
  r = LintWith("[lint]\ndisabled = [\"index-not-concurrent\"]\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("'disabled'"), std::string::npos) << r.err;
  // The same config breaks `up` too: the file is read before anything runs.
  WriteFile(tmp_ / "strata.toml", "[lint]\ndisable = [\"nope\"]\n");
  CommandResult up = RunStrata({"--config", config, "--dir", dir_.path().string(), "--url",
                                "sqlite:" + (tmp_ / "app.db").string(), "up"});
  EXPECT_EQ(up.exit_code, 2) << up.err;
  EXPECT_FALSE(fs::exists(tmp_ / "app.db"));
}

// Plain .sql scripts: --tx none is psql's model (autocommit, explicit
// BEGIN/COMMIT honoured), --tx wrapped runs the file in one transaction.
class LintScripts : public LintFiles {
 protected:
  json LintScript(const std::string& name, const std::string& tx) {
    std::vector<std::string> args = {"--format", "json", File(name)};
    if (!tx.empty()) args.insert(args.end(), {"--tx", tx});
    CommandResult r = Lint(args);
    last_exit_ = r.exit_code;
    return json::parse(r.out);
  }
  std::vector<int> Lines(const json& doc, const std::string& rule) {
    std::vector<int> out;
    for (const json& f : FindingsOf(doc, rule)) out.push_back(f.at("line").get<int>());
    return out;
  }
};

TEST_F(LintScripts, ConcurrentIndexInsideExplicitTransactionIsFlagged) {
  Write("script.sql",
        "BEGIN;\nCREATE INDEX CONCURRENTLY a_x ON a (x);\nCOMMIT;\n"
        "CREATE INDEX CONCURRENTLY a_y ON a (y);\n");
  for (const std::string& tx : {std::string(), std::string("none")}) {
    SCOPED_TRACE("tx=" + tx);
    json doc = LintScript("script.sql", tx);
    EXPECT_EQ(last_exit_, 3) << Describe(doc);
    EXPECT_EQ(Lines(doc, "concurrent-in-transaction"), std::vector<int>{2}) << Describe(doc);
    for (const json& f : FindingsOf(doc, "concurrent-in-transaction")) {
      EXPECT_EQ(f.at("file"), File("script.sql"));
      EXPECT_FALSE(f.contains("migration")) << f.dump();  // a script, not a migration
      EXPECT_NE(f.at("message").get<std::string>().find("explicit BEGIN"), std::string::npos);
    }
  }

  // Outside any transaction: nothing to flag in psql's model, flagged when
  // the whole file runs in one transaction.
  Write("outside.sql", "CREATE INDEX CONCURRENTLY a_y ON a (y);\n");
  json none = LintScript("outside.sql", "none");
  EXPECT_TRUE(FindingsOf(none, "concurrent-in-transaction").empty()) << Describe(none);
  EXPECT_EQ(none.at("summary").at("files"), 1);
  json wrapped = LintScript("outside.sql", "wrapped");
  EXPECT_EQ(last_exit_, 3);
  EXPECT_EQ(Lines(wrapped, "concurrent-in-transaction"), std::vector<int>{1}) << Describe(wrapped);
}

TEST_F(LintScripts, RulesListingNamesEveryRuleOnce) {
  CommandResult r = Lint({"--rules"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string listing = "\n" + r.out;
  for (const char* id : {"index-not-concurrent", "concurrent-in-transaction", "unused-ignore",
                         "missing-down", "syntax-error", "multiple-heads"}) {
    const std::string line_start = "\n" + std::string(id) + " ";
    const size_t first = listing.find(line_start);
    EXPECT_NE(first, std::string::npos) << id << "\n" << r.out;
    EXPECT_EQ(listing.find(line_start, first + 1), std::string::npos) << id << "\n" << r.out;
  }
}

// Workspace on a real database of either engine.
class LintUp : public WorkspaceTest<::testing::Test> {
 protected:
  json History() {
    CommandResult r = Strata({"--json", "history"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(r.out).at("history");
  }
  json Status() {
    CommandResult r = Strata({"--json", "status"});
    return json::parse(r.out);
  }
  bool Applied(const std::string& id) {
    const json status = Status();
    for (const json& m : status.at("migrations")) {
      if (m.at("id") == id) return m.at("applied").get<bool>();
    }
    ADD_FAILURE() << "no migration " << id;
    return false;
  }
  std::string File(const std::string& name) const { return (dir_ / name).string(); }
};

class LintSqlite : public LintUp {
 protected:
  void SetUp() override { Open(Engine::kSqlite); }
};

class LintPostgres : public LintUp {
 protected:
  void SetUp() override { Open(Engine::kPostgres); }
  // Migration `id` creating `table` with `rows` rows and analysing it.
  void WriteTable(const std::string& id, const std::string& parent, const std::string& table,
                  int rows) {
    Write(id + ".sql", (parent.empty() ? "" : "-- strata:parent " + parent + "\n") +
                           "-- strata:up\nCREATE TABLE " + table +
                           " (id bigint PRIMARY KEY, x int);\nINSERT INTO " + table +
                           " SELECT g, 1 + g % 97 FROM generate_series(1, " + std::to_string(rows) +
                           ") g;\nANALYZE " + table + ";\n-- strata:down\nDROP TABLE " + table +
                           ";\n");
  }
  // `id` indexes `table` without CONCURRENTLY on line 3.
  void WriteIndex(const std::string& id, const std::string& parent, const std::string& table) {
    Write(id + ".sql", "-- strata:parent " + parent + "\n-- strata:up\nCREATE INDEX " + table +
                           "_x ON " + table + " (x);\n-- strata:down\nDROP INDEX " + table +
                           "_x;\n");
  }
};

TEST_F(LintSqlite, IgnoreCommentsAreAcceptedByTheMigrationReader) {
  Write("a.sql",
        "-- strata:ignore-file missing-down -- seed data is never rolled back\n-- strata:up\n"
        "CREATE TABLE a (id INTEGER PRIMARY KEY, x INTEGER);\n");
  Write("b.sql",
        "-- strata:parent a\n-- strata:ignore-file index-not-concurrent\n-- strata:up\n"
        "-- strata:ignore index-not-concurrent, missing-lock-timeout -- reviewed\n"
        "CREATE INDEX a_x ON a (x);\n-- strata:down\n-- strata:ignore drop-index-not-concurrent "
        "-- reviewed\nDROP INDEX a_x;\n");
  CommandResult validate = Strata({"validate"});
  EXPECT_EQ(validate.exit_code, 0) << validate.err;
  CommandResult up = Strata({"up"});
  ASSERT_EQ(up.exit_code, 0) << up.err;
  EXPECT_TRUE(db_->HasRelation("a_x"));
  EXPECT_EQ(db_->LedgerCount("event = 'applied'"), 2);
  ASSERT_EQ(Strata({"down", "a"}).exit_code, 0);
  EXPECT_FALSE(db_->HasRelation("a_x"));
  // A misspelt lint directive is still an unknown directive.
  Write("c.sql", "-- strata:parent b\n-- strata:ignores x\n-- strata:up\nSELECT 1;\n");
  CommandResult bad = Strata({"up"});
  EXPECT_EQ(bad.exit_code, 3);
  EXPECT_NE(bad.err.find("c.sql:2"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("unknown directive 'strata:ignores'"), std::string::npos) << bad.err;
}

TEST_F(LintSqlite, UpIsNeverLintedOnSqlite) {
  Write("a.sql", "-- strata:up\nCREATE TABLE a (id INTEGER PRIMARY KEY, x INTEGER, y INTEGER);\n");
  ASSERT_EQ(Strata({"up"}).exit_code, 0);
  db_->Exec("INSERT INTO a (x) VALUES (1), (2), (3)");
  // Unsafe by PostgreSQL's rules: an index without CONCURRENTLY on an
  // existing table, a column dropped, no down part.
  Write("b.sql",
        "-- strata:parent a\n-- strata:up\nCREATE INDEX a_x ON a (x);\nALTER TABLE a DROP COLUMN "
        "y;\n");
  CommandResult lint = Strata({"lint"});
  EXPECT_EQ(lint.exit_code, 3) << lint.out;  // the files are unsafe for PostgreSQL
  CommandResult up = Strata({"up"});
  EXPECT_EQ(up.exit_code, 0) << up.err;
  EXPECT_EQ(up.err.find("index-not-concurrent"), std::string::npos) << up.err;
  EXPECT_EQ(up.err.find("missing-down"), std::string::npos) << up.err;
  EXPECT_EQ(db_->LedgerCount("event = 'applied' AND migration_id = 'b'"), 1);
  for (const json& row : History()) EXPECT_EQ(row.at("error"), "") << row.dump();
}

TEST_F(LintPostgres, FreshDatabaseFromALongHistoryIsNeverBlocked) {
  // Later migrations index, alter, rename and drop tables that earlier ones
  // of the same run created: on a fresh database none of that is a hazard.
  WriteTable("m01", "", "orders", 20000);
  Write("m02.sql",
        "-- strata:parent m01\n-- strata:up\nCREATE TABLE customers (id int PRIMARY KEY, name "
        "text, legacy int);\nINSERT INTO customers SELECT g, 'c' || g, g FROM generate_series(1, "
        "20000) g;\n-- strata:down\nDROP TABLE customers;\n");
  Write("m03.sql",
        "-- strata:parent m02\n-- strata:up\nCREATE INDEX orders_x ON orders (x);\nCREATE UNIQUE "
        "INDEX customers_name ON customers (name);\nALTER TABLE orders ADD CONSTRAINT orders_c "
        "FOREIGN KEY (x) REFERENCES customers (id);\n-- strata:down\nALTER TABLE orders DROP "
        "CONSTRAINT orders_c;\nDROP INDEX customers_name;\nDROP INDEX orders_x;\n");
  Write("m04.sql",
        "-- strata:parent m03\n-- strata:up\nALTER TABLE orders ALTER COLUMN x TYPE bigint;\n"
        "ALTER TABLE orders ALTER COLUMN x SET NOT NULL;\nALTER TABLE customers DROP COLUMN "
        "legacy;\nALTER TABLE customers RENAME COLUMN name TO full_name;\nALTER TABLE customers "
        "ADD COLUMN code text NOT NULL DEFAULT 'x';\n-- strata:down\nSELECT 1;\n");
  Write("m05.sql",
        "-- strata:parent m04\n-- strata:up\nALTER TABLE orders RENAME TO purchases;\nCREATE "
        "INDEX purchases_id_x ON purchases (id, x);\nDROP TABLE customers CASCADE;\n"
        "\n-- strata:down\nSELECT 1;\n");
  CommandResult up = Strata({"up"});
  EXPECT_EQ(up.exit_code, 0) << up.err;
  EXPECT_EQ(up.err.find("  error  "), std::string::npos) << up.err;
  EXPECT_TRUE(db_->HasRelation("purchases"));
  EXPECT_TRUE(db_->HasRelation("purchases_id_x"));
  EXPECT_FALSE(db_->HasRelation("customers"));
  EXPECT_EQ(db_->LedgerCount("event = 'applied'"), 5);
  for (const json& row : History()) EXPECT_EQ(row.at("error"), "") << row.dump();

  // The same files linted offline (no live knowledge) do have findings:
  // the quiet run above is the live knowledge at work, not a blind linter.
  CommandResult offline = Strata({"lint"});
  EXPECT_EQ(offline.exit_code, 3) << offline.out;
}

TEST_F(LintPostgres, IndexOnABigTableIsRefusedOnASmallTableItRuns) {
  WriteTable("big", "", "big", 20000);
  WriteTable("small", "big", "small", 100);
  ASSERT_EQ(Strata({"up"}).exit_code, 0);
  ASSERT_GE(std::stol(db_->Scalar("SELECT reltuples FROM pg_class WHERE relname = 'big'")), 10000);

  // A small table: no hazard, it runs.
  WriteIndex("ix_small", "small", "small");
  CommandResult small = Strata({"up"});
  EXPECT_EQ(small.exit_code, 0) << small.err;
  EXPECT_EQ(small.err.find("index-not-concurrent"), std::string::npos) << small.err;
  EXPECT_TRUE(db_->HasRelation("small_x"));

  // A big table: refused before anything of the run is applied, the safe
  // migration ahead of it included.
  Write("t2.sql",
        "-- strata:parent ix_small\n-- strata:up\nCREATE TABLE t2 (id int);\n-- strata:down\nDROP "
        "TABLE t2;\n");
  WriteIndex("ix_big", "t2", "big");
  CommandResult big = Strata({"up"});
  EXPECT_EQ(big.exit_code, 3) << big.out << big.err;
  EXPECT_NE(big.err.find(File("ix_big.sql") + ":3:1  error  index-not-concurrent"),
            std::string::npos)
      << big.err;
  EXPECT_NE(big.err.find("nothing was run"), std::string::npos) << big.err;
  EXPECT_NE(big.err.find("--allow-unsafe"), std::string::npos) << big.err;
  EXPECT_FALSE(db_->HasRelation("big_x"));
  EXPECT_FALSE(db_->HasRelation("t2"));
  EXPECT_FALSE(Applied("ix_big"));
  EXPECT_FALSE(Applied("t2"));
  EXPECT_EQ(Status().at("pending"), 2);
  EXPECT_EQ(db_->LedgerCount("migration_id IN ('t2', 'ix_big')"), 0);

  // --json: a structured error naming the rule's place.
  CommandResult as_json = Strata({"--json", "up"});
  EXPECT_EQ(as_json.exit_code, 3);
  json error = json::parse(as_json.out).at("error");
  EXPECT_EQ(error.at("code"), "unsafe_migration");
  EXPECT_EQ(error.at("migration"), "ix_big");
  EXPECT_EQ(error.at("file"), File("ix_big.sql"));
  EXPECT_EQ(error.at("line"), 3);
  EXPECT_NE(error.at("message").get<std::string>().find("index-not-concurrent"), std::string::npos);
  EXPECT_FALSE(db_->HasRelation("big_x"));

  // --dry-run and --sql run nothing, so they are not refused.
  EXPECT_EQ(Strata({"up", "--dry-run"}).exit_code, 0);

  // --allow-unsafe runs it and records the override in the ledger row.
  CommandResult allowed = Strata({"up", "--allow-unsafe"});
  EXPECT_EQ(allowed.exit_code, 0) << allowed.err;
  EXPECT_NE(allowed.err.find("index-not-concurrent"), std::string::npos) << allowed.err;
  EXPECT_TRUE(db_->HasRelation("big_x"));
  EXPECT_TRUE(db_->HasRelation("t2"));
  bool found = false;
  for (const json& row : History()) {
    if (row.at("event") != "applied") continue;
    const std::string note = row.at("error");
    if (row.at("migration") == "ix_big") {
      found = true;
      EXPECT_NE(note.find("allowed unsafe: index-not-concurrent at line 3"), std::string::npos)
          << row.dump();
    } else {
      EXPECT_EQ(note, "") << row.dump();
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(db_->Scalar("SELECT error FROM strata_ledger WHERE migration_id = 'ix_big' AND "
                        "event = 'applied'"),
            "allowed unsafe: index-not-concurrent at line 3");
  // The note is part of the hashed row: the chain still verifies.
  EXPECT_EQ(Strata({"audit"}).exit_code, 0);
  EXPECT_EQ(Status().at("pending"), 0);
}

TEST_F(LintPostgres, SmallTableRowsFromConfigDecidesWhatIsSmall) {
  WriteTable("small", "", "small", 100);
  ASSERT_EQ(Strata({"up"}).exit_code, 0);
  WriteIndex("ix_small", "small", "small");
  WriteFile(tmp_ / "strata.toml", "[lint]\nsmall_table_rows = 50\n");
  CommandResult refused = Strata({"--config", (tmp_ / "strata.toml").string(), "up"});
  EXPECT_EQ(refused.exit_code, 3) << refused.err;
  EXPECT_NE(refused.err.find(File("ix_small.sql") + ":3:1"), std::string::npos) << refused.err;
  EXPECT_FALSE(db_->HasRelation("small_x"));
  // A reviewed ignore in the file lets it through, with no override noted.
  Write("ix_small.sql",
        "-- strata:parent small\n-- strata:up\n-- strata:ignore index-not-concurrent -- 100 "
        "rows\nCREATE INDEX small_x ON small (x);\n-- strata:down\nDROP INDEX small_x;\n");
  CommandResult ignored = Strata({"--config", (tmp_ / "strata.toml").string(), "up"});
  EXPECT_EQ(ignored.exit_code, 0) << ignored.err;
  EXPECT_TRUE(db_->HasRelation("small_x"));
  EXPECT_EQ(db_->Scalar("SELECT error FROM strata_ledger WHERE migration_id = 'ix_small'"), "");
}

TEST_F(LintPostgres, WarningsArePrintedButDoNotBlock) {
  WriteTable("big", "", "big", 20000);
  ASSERT_EQ(Strata({"up"}).exit_code, 0);
  // No down part (missing-down), timestamp without time zone, varchar(n).
  Write("cols.sql",
        "-- strata:parent big\n-- strata:up\nALTER TABLE big ADD COLUMN seen_at timestamp;\n"
        "ALTER TABLE big ADD COLUMN label varchar(20);\n");
  CommandResult up = Strata({"up"});
  EXPECT_EQ(up.exit_code, 0) << up.err;
  EXPECT_NE(up.err.find(File("cols.sql") + ":3:1  warning  missing-down"), std::string::npos)
      << up.err;
  EXPECT_NE(up.err.find(File("cols.sql") + ":3:"), std::string::npos) << up.err;
  EXPECT_NE(up.err.find("warning  timestamp-without-tz"), std::string::npos) << up.err;
  EXPECT_NE(up.err.find(File("cols.sql") + ":4:"), std::string::npos) << up.err;
  EXPECT_NE(up.err.find("prefer-text"), std::string::npos) << up.err;
  EXPECT_EQ(up.err.find("  error  "), std::string::npos) << up.err;
  EXPECT_EQ(up.out.find("missing-down"), std::string::npos) << up.out;  // stderr only
  EXPECT_EQ(db_->Scalar("SELECT count(*) FROM information_schema.columns WHERE table_name = "
                        "'big' AND column_name IN ('seen_at', 'label')"),
            "2");
  EXPECT_EQ(db_->Scalar("SELECT error FROM strata_ledger WHERE migration_id = 'cols'"), "");
}

TEST_F(LintPostgres, LintPendingLintsOnlyWhatIsNotAppliedWithLiveSizes) {
  // An applied migration with findings of its own (no down part).
  Write("base.sql",
        "-- strata:up\nCREATE TABLE big (id bigint PRIMARY KEY, x int);\nINSERT INTO big SELECT "
        "g, g FROM generate_series(1, 20000) g;\nANALYZE big;\nCREATE TABLE small (id bigint "
        "PRIMARY KEY, x int);\nINSERT INTO small SELECT g, g FROM generate_series(1, 100) g;\n"
        "ANALYZE small;\n");
  ASSERT_EQ(Strata({"up"}).exit_code, 0);
  // Pending: an index on each table, and a table created and indexed later
  // in the same pending run.
  WriteIndex("ix_big", "base", "big");
  WriteIndex("ix_small", "ix_big", "small");
  Write("fresh.sql",
        "-- strata:parent ix_small\n-- strata:up\nCREATE TABLE fresh (id int, x int);\n"
        "-- strata:down\nDROP TABLE fresh;\n");
  WriteIndex("ix_fresh", "fresh", "fresh");

  CommandResult r = Strata({"lint", "--pending", "--format", "json"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  json doc = json::parse(r.out);
  std::vector<json> hits = FindingsOf(doc, "index-not-concurrent");
  ASSERT_EQ(hits.size(), 1u) << Describe(doc);
  EXPECT_EQ(hits[0].at("migration"), "ix_big");
  EXPECT_EQ(hits[0].at("file"), File("ix_big.sql"));
  EXPECT_EQ(hits[0].at("line"), 3);
  EXPECT_EQ(hits[0].at("column"), 1);
  for (const json& f : doc.at("findings")) EXPECT_NE(f.value("migration", ""), "base") << f.dump();
  EXPECT_EQ(doc.at("summary").at("files"), 4);
  EXPECT_EQ(doc.at("summary").at("errors"), 1);

  // Human output says the same; nothing was applied by linting.
  CommandResult human = Strata({"lint", "--pending"});
  EXPECT_EQ(human.exit_code, 3);
  EXPECT_NE(human.out.find(File("ix_big.sql") + ":3:1  error  index-not-concurrent"),
            std::string::npos)
      << human.out;
  EXPECT_EQ(human.out.find(File("ix_small.sql")), std::string::npos) << human.out;
  EXPECT_EQ(Status().at("pending"), 4);

  // Without live knowledge every existing table is presumed big, and the
  // applied migration is linted too.
  json offline = json::parse(Strata({"lint", "--format", "json"}).out);
  std::set<std::string> flagged;
  for (const json& f : FindingsOf(offline, "index-not-concurrent")) {
    flagged.insert(f.at("migration").get<std::string>());
  }
  // (fresh too: offline, a table from an earlier migration may already exist.)
  EXPECT_EQ(flagged, (std::set<std::string>{"ix_big", "ix_small", "ix_fresh"}))
      << Describe(offline);
  bool base_linted = false;
  for (const json& f : offline.at("findings")) base_linted |= f.value("migration", "") == "base";
  EXPECT_TRUE(base_linted) << Describe(offline);

  // Once the big index is in (reviewed), nothing pending is an error.
  ASSERT_EQ(Strata({"up", "ix_big", "--allow-unsafe"}).exit_code, 0);
  CommandResult after = Strata({"lint", "--pending", "--format", "json"});
  EXPECT_EQ(after.exit_code, 0) << after.out;
  EXPECT_EQ(json::parse(after.out).at("summary").at("files"), 3);
  ASSERT_EQ(Strata({"up"}).exit_code, 0);
  EXPECT_TRUE(db_->HasRelation("fresh_x"));
  CommandResult none = Strata({"lint", "--pending", "--format", "json"});
  EXPECT_EQ(none.exit_code, 0);
  EXPECT_EQ(json::parse(none.out).at("summary").at("files"), 0);
}

TEST_F(LintPostgres, ValidateReportsSyntaxErrorsWithThePostgresParserMessage) {
  Write("a.sql", kCreateA);
  Write("b.sql",
        "-- strata:parent a\n-- strata:up\nSELECT 1;\nALTER TABLE a\n  ADDD COLUMN y int;\n");
  CommandResult validate = Strata({"validate"});
  EXPECT_EQ(validate.exit_code, 3) << validate.out << validate.err;
  EXPECT_NE(validate.err.find(File("b.sql") + ":5:3"), std::string::npos) << validate.err;
  EXPECT_NE(validate.err.find("syntax error at or near \"ADDD\""), std::string::npos)
      << validate.err;
  // lint reports the same place as a syntax-error finding.
  CommandResult lint = Strata({"lint", "--format", "json"});
  EXPECT_EQ(lint.exit_code, 3);
  std::vector<json> hits = FindingsOf(json::parse(lint.out), "syntax-error");
  ASSERT_EQ(hits.size(), 1u) << lint.out;
  EXPECT_EQ(hits[0].at("file"), File("b.sql"));
  EXPECT_EQ(hits[0].at("line"), 5);
  EXPECT_EQ(hits[0].at("column"), 3);
  EXPECT_NE(hits[0].at("message").get<std::string>().find("syntax error at or near \"ADDD\""),
            std::string::npos);
  // up refuses it before anything runs.
  EXPECT_EQ(Strata({"up"}).exit_code, 3);
  EXPECT_FALSE(db_->HasRelation("a"));
}

TEST_F(LintPostgres, ValidateLintsPendingMigrationsWithLiveSizes) {
  WriteTable("big", "", "big", 20000);
  WriteTable("small", "big", "small", 100);
  ASSERT_EQ(Strata({"up"}).exit_code, 0);
  WriteIndex("ix_small", "small", "small");
  CommandResult fine = Strata({"validate"});
  EXPECT_EQ(fine.exit_code, 0) << fine.out << fine.err;

  WriteIndex("ix_big", "ix_small", "big");
  CommandResult unsafe = Strata({"validate"});
  EXPECT_EQ(unsafe.exit_code, 3) << unsafe.out << unsafe.err;
  const std::string all = unsafe.out + unsafe.err;
  EXPECT_NE(all.find(File("ix_big.sql") + ":3:1  error  index-not-concurrent"), std::string::npos)
      << all;
  EXPECT_EQ(all.find(File("ix_small.sql") + ":3:1  error"), std::string::npos) << all;

  CommandResult as_json = Strata({"--json", "validate"});
  EXPECT_EQ(as_json.exit_code, 3);
  json doc = json::parse(as_json.out);
  EXPECT_EQ(doc.at("ok"), false);
  int errors = 0;
  for (const json& f : doc.at("lint")) {
    if (f.at("severity") != "error") continue;
    ++errors;
    EXPECT_EQ(f.at("rule"), "index-not-concurrent");
    EXPECT_EQ(f.at("migration"), "ix_big");
    EXPECT_EQ(f.at("line"), 3);
  }
  EXPECT_EQ(errors, 1) << doc.dump(2);
  // Validation ran nothing.
  EXPECT_FALSE(db_->HasRelation("small_x"));
  EXPECT_FALSE(db_->HasRelation("big_x"));
}

// Live sizes are matched by schema and by the identifier PostgreSQL folds
// to; tables never analysed are sized from their files; a partitioned table
// counts its partitions.
TEST_F(LintPostgres, LiveSizesFollowSchemasCaseFoldingAndEstimates) {
  db_->Exec(
      "CREATE SCHEMA app;"
      "CREATE TABLE app.orders (id bigint PRIMARY KEY, x int);"
      "INSERT INTO app.orders SELECT g, g FROM generate_series(1, 20000) g;"
      "CREATE TABLE public.orders (id bigint PRIMARY KEY, x int);"
      "INSERT INTO public.orders SELECT g, g FROM generate_series(1, 100) g;"
      "CREATE TABLE \"Events\" (id bigint, x int);"
      "INSERT INTO \"Events\" SELECT g, g FROM generate_series(1, 20000) g;"
      "CREATE TABLE events (id bigint, x int);"
      "INSERT INTO events SELECT g, g FROM generate_series(1, 100) g;"
      "ANALYZE app.orders; ANALYZE public.orders; ANALYZE \"Events\"; ANALYZE events;"
      "CREATE TABLE raw_import AS SELECT g AS x FROM generate_series(1, 60000) g;"
      "CREATE TABLE measures (at date NOT NULL, x int) PARTITION BY RANGE (at);"
      "CREATE TABLE measures_a PARTITION OF measures FOR VALUES FROM ('2020-01-01') TO "
      "('2021-01-01');"
      "CREATE TABLE measures_b PARTITION OF measures FOR VALUES FROM ('2021-01-01') TO "
      "('2022-01-01');"
      "INSERT INTO measures SELECT date '2020-01-01' + (g % 700), g FROM generate_series(1, "
      "30000) g;"
      "ANALYZE measures_a; ANALYZE measures_b;");
  Write("root.sql", "-- strata:up\nSELECT 1;\n-- strata:down\nSELECT 1;\n");
  ASSERT_EQ(Strata({"up"}).exit_code, 0);

  struct Case {
    std::string sql;
    bool refused;
  };
  const std::vector<Case> cases = {
      {"CREATE INDEX ix ON orders (x);", false},         // public.orders: 100 rows
      {"CREATE INDEX ix ON public.orders (x);", false},  // the same, qualified
      {"CREATE INDEX ix ON app.orders (x);", true},      // same name, other schema
      {"CREATE INDEX ix ON APP.ORDERS (x);", true},      // folded to app.orders
      {"CREATE INDEX ix ON EVENTS (x);", false},         // folded to events: small
      {"CREATE INDEX ix ON \"Events\" (x);", true},      // the quoted big one
      {"CREATE INDEX ix ON raw_import (x);", true},      // never analysed, 60000 rows
      {"CREATE INDEX ix ON measures (x);", true},        // partitions hold 30000 rows
      {"CREATE INDEX ix ON ONLY measures (x);", false},  // an instant, invalid shell
  };
  int n = 0;
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sql);
    const std::string id = "ix" + std::to_string(++n);
    const std::string schema =
        c.sql.find("app.") != std::string::npos || c.sql.find("APP.") != std::string::npos ? "app."
                                                                                           : "";
    Write(id + ".sql", "-- strata:parent root\n-- strata:up\n" + c.sql +
                           "\n-- strata:down\nDROP INDEX " + schema + "ix;\n");
    CommandResult lint = Strata({"lint", "--pending", "--format", "json"});
    EXPECT_EQ(lint.exit_code, c.refused ? 3 : 0) << lint.out << lint.err;
    CommandResult up = Strata({"up"});
    EXPECT_EQ(up.exit_code, c.refused ? 3 : 0) << up.err;
    EXPECT_EQ(up.err.find("index-not-concurrent") != std::string::npos, c.refused) << up.err;
    EXPECT_EQ(db_->LedgerCount("migration_id = '" + id + "' AND event = 'applied'"),
              c.refused ? 0 : 1);
    if (!c.refused) {
      ASSERT_EQ(Strata({"down", "root"}).exit_code, 0);
    }
    EXPECT_EQ(db_->Scalar("SELECT count(*) FROM pg_class WHERE relname = 'ix'"), "0");
    fs::remove(dir_ / (id + ".sql"));
  }
}

// [lint] in strata.toml shapes the lint before `up` as it shapes `lint`.
TEST_F(LintPostgres, ConfigDisablesRulesAndSetsTheDefaultSchemaForUp) {
  db_->Exec(
      "CREATE SCHEMA app;"
      "CREATE TABLE app.orders (id bigint PRIMARY KEY, x int);"
      "INSERT INTO app.orders SELECT g, g FROM generate_series(1, 20000) g;"
      "CREATE TABLE public.orders (id bigint PRIMARY KEY, x int);"
      "ANALYZE app.orders; ANALYZE public.orders;");
  Write("ix.sql",
        "-- strata:up\nCREATE INDEX orders_x ON orders (x);\n-- strata:down\nDROP INDEX "
        "orders_x;\n");
  const std::string config = (tmp_ / "strata.toml").string();
  // Unqualified names resolve to the declared schema: app.orders is big.
  WriteFile(config, "[lint]\ndefault_schema = \"app\"\n");
  CommandResult pending = Strata({"--config", config, "lint", "--pending"});
  EXPECT_EQ(pending.exit_code, 3) << pending.out << pending.err;
  // Without the setting it is public.orders, empty: nothing to flag.
  CommandResult by_default = Strata({"lint", "--pending"});
  EXPECT_EQ(by_default.exit_code, 0) << by_default.out;
  CommandResult refused = Strata({"--config", config, "up"});
  EXPECT_EQ(refused.exit_code, 3) << refused.err;
  EXPECT_FALSE(db_->HasRelation("strata_ledger"));  // refused before the ledger is created
  // With the rule disabled, the same run goes through with nothing noted.
  WriteFile(config, "[lint]\ndefault_schema = \"app\"\ndisable = [\"index-not-concurrent\"]\n");
  CommandResult up = Strata({"--config", config, "up"});
  EXPECT_EQ(up.exit_code, 0) << up.err;
  EXPECT_EQ(up.err.find("index-not-concurrent"), std::string::npos) << up.err;
  EXPECT_TRUE(db_->HasRelation("orders_x"));  // search_path is public: public.orders
  EXPECT_EQ(db_->Scalar("SELECT error FROM strata_ledger WHERE migration_id = 'ix'"), "");
}

// strata runs migration statements with lock_timeout = --ddl-lock-timeout,
// so lint counts that as a lock timeout in effect; with 0 (no limit) it
// warns about DDL that could queue behind long transactions.
TEST_F(LintPostgres, DdlLockTimeoutCountsAsALockTimeout) {
  WriteTable("big", "", "big", 20000);
  ASSERT_EQ(Strata({"up"}).exit_code, 0);
  Write("col.sql",
        "-- strata:parent big\n-- strata:up\nALTER TABLE big ADD COLUMN z int;\n-- strata:down\n"
        "ALTER TABLE big DROP COLUMN z;\n");
  CommandResult with_timeout = Strata({"lint", "--pending"});
  EXPECT_EQ(with_timeout.exit_code, 0) << with_timeout.out;
  EXPECT_EQ(with_timeout.out.find("missing-lock-timeout"), std::string::npos) << with_timeout.out;
  CommandResult without = Strata({"--ddl-lock-timeout", "0", "up"});
  EXPECT_EQ(without.exit_code, 0) << without.err;
  EXPECT_NE(without.err.find(File("col.sql") + ":3:1  warning  missing-lock-timeout"),
            std::string::npos)
      << without.err;
}

}  // namespace
}  // namespace strata::testing
