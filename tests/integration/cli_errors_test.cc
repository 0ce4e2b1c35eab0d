// Bad input gets a clear error with file and line, a non-zero exit code, and
// loses nothing: the database is untouched or in a recorded state.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "integration/test_support.h"

namespace strata::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class CliErrors : public ::testing::Test {
 protected:
  fs::path db() const { return tmp_ / "app.db"; }
  CommandResult Strata(std::vector<std::string> args) {
    std::vector<std::string> full = {"--dir", dir_.path().string(), "--url",
                                     "sqlite:" + db().string()};
    full.insert(full.end(), args.begin(), args.end());
    return RunStrata(full);
  }
  void Write(const std::string& name, const std::string& text) { WriteFile(dir_ / name, text); }
  // The directory is refused whole, the database file is never created.
  void ExpectRefused(const std::string& where, const std::string& message) {
    CommandResult r = Strata({"up"});
    EXPECT_EQ(r.exit_code, 3) << r.err;
    EXPECT_NE(r.err.find(where), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(db()));
  }
  TempDir tmp_;
  TempDir dir_;
};

TEST_F(CliErrors, UnknownDirectiveNamesFileAndLine) {
  WriteChain(dir_.path(), 2);
  Write("m0003_t.sql",
        "-- strata:parent m0002_t\n-- strata:transaction off\n-- strata:up\nSELECT 1;\n");
  ExpectRefused("m0003_t.sql:2", "unknown directive 'strata:transaction'");
}

TEST_F(CliErrors, DirectiveAfterUp) {
  Write("a.sql", "-- strata:up\nCREATE TABLE a (x);\n-- strata:no-transaction\n");
  ExpectRefused("a.sql:3", "after '-- strata:up'");
}

TEST_F(CliErrors, MissingAndDuplicateUp) {
  Write("a.sql", "CREATE TABLE a (x);\n");
  Write("b.sql", "-- strata:up\nSELECT 1;\n-- strata:up\nSELECT 2;\n");
  CommandResult r = Strata({"up"});
  EXPECT_EQ(r.exit_code, 3);
  // Every problem is listed, not just the first.
  EXPECT_NE(r.err.find("a.sql:1: missing '-- strata:up'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("b.sql:3: duplicate '-- strata:up'"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(db()));
}

TEST_F(CliErrors, UnknownParentAndCycle) {
  Write("a.sql", "-- strata:parent ghost\n-- strata:up\nSELECT 1;\n");
  ExpectRefused("a.sql:1", "unknown parent 'ghost'");
  Write("a.sql", "-- strata:parent c\n-- strata:up\nSELECT 1;\n");
  Write("b.sql", "-- strata:parent a\n-- strata:up\nSELECT 1;\n");
  Write("c.sql", "-- strata:parent b\n-- strata:up\nSELECT 1;\n");
  ExpectRefused("a.sql:1", "cycle in the revision graph: a -> b -> c -> a");
}

TEST_F(CliErrors, EmptyUpPartAndInvalidUtf8AndUnreadableFile) {
  Write("a.sql", "-- strata:up\n-- nothing here\n-- strata:down\nSELECT 1;\n");
  ExpectRefused("a.sql:1", "the up part is empty");
  Write("a.sql", "-- strata:up\nSELECT 'ok';\nSELECT '\xff\xfe';\n");
  ExpectRefused("a.sql:3", "invalid UTF-8");
  fs::remove(dir_ / "a.sql");
  fs::create_symlink(dir_ / "nowhere.sql", dir_ / "b.sql");
  ExpectRefused("b.sql", "cannot read");
}

TEST_F(CliErrors, JsonErrorsCarryTheLocation) {
  Write("a.sql", "-- strata:parent ghost\n-- strata:up\nSELECT 1;\n");
  CommandResult r = Strata({"--json", "up"});
  EXPECT_EQ(r.exit_code, 3);
  json doc = json::parse(r.out);
  EXPECT_EQ(doc["ok"], false);
  EXPECT_EQ(doc["error"]["code"], "invalid_migrations");
  EXPECT_EQ(doc["error"]["problems"][0]["line"], 1);
}

TEST_F(CliErrors, UnknownTargetIsAUsageError) {
  WriteChain(dir_.path(), 2);
  CommandResult r = Strata({"up", "zzz"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no migration 'zzz'"), std::string::npos);
  EXPECT_EQ(Strata({"up", "+x"}).exit_code, 2);
  EXPECT_EQ(Strata({"frobnicate"}).exit_code, 2);
}

TEST_F(CliErrors, PasswordsNeverAppearInOutput) {
  WriteChain(dir_.path(), 1);
  const std::string canary = "Canary-Pw-7731";
  for (const std::string& url : {"postgres://app:" + canary + "@127.0.0.1:1/db",
                                 "mysql://app:" + canary + "@localhost/db"}) {
    CommandResult r = RunStrata({"--dir", dir_.path().string(), "--url", url, "--json", "status"});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_EQ(r.out.find(canary), std::string::npos) << r.out;
    EXPECT_EQ(r.err.find(canary), std::string::npos) << r.err;
  }
}

}  // namespace
}  // namespace strata::testing
