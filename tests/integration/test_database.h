// A fresh, empty database of either engine for one test, and the queries the
// tests use to check what strata did. PostgreSQL tests need the throwaway
// server that tests/run.sh starts (STRATA_TEST_PG_URL); without it they fail,
// never skip.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "integration/test_support.h"

namespace strata::testing {

enum class Engine { kSqlite, kPostgres };
std::string EngineName(Engine engine);

class TestDatabase {
 public:
  virtual ~TestDatabase() = default;
  virtual std::string url() const = 0;
  // Rows as text ("NULL" for NULL); throws on a bad query.
  virtual std::vector<std::vector<std::string>> Query(const std::string& sql) = 0;
  // Runs statements; throws on error.
  virtual void Exec(const std::string& sql) = 0;
  // A table or view named `name` exists.
  virtual bool HasRelation(const std::string& name) = 0;

  std::string Scalar(const std::string& sql) { return Query(sql).at(0).at(0); }
  // Number of ledger rows matching a condition; 0 when the ledger is missing.
  int LedgerCount(const std::string& where = "TRUE");
};

// A statement that keeps the engine busy for roughly `seconds`.
std::string SlowStatement(Engine engine, double seconds);

// `scratch` holds the SQLite file; PostgreSQL gets a new database on the test
// server, dropped when the TestDatabase is destroyed.
std::unique_ptr<TestDatabase> MakeTestDatabase(Engine engine, const std::filesystem::path& scratch);

// A fixture base: a migrations folder (dir_), a scratch folder (tmp_) and a
// fresh database (db_, after Open), with strata run on both. `Base` is
// ::testing::Test or ::testing::TestWithParam<...>.
template <typename Base>
class WorkspaceTest : public Base {
 protected:
  void Open(Engine engine) { db_ = MakeTestDatabase(engine, tmp_.path()); }
  CommandResult Strata(std::vector<std::string> args) {
    std::vector<std::string> full = {"--dir", dir_.path().string(), "--url", db_->url()};
    full.insert(full.end(), args.begin(), args.end());
    return RunStrata(full);
  }
  void Write(const std::string& name, const std::string& text) { WriteFile(dir_ / name, text); }

  TempDir tmp_;
  TempDir dir_;
  std::unique_ptr<TestDatabase> db_;
};

}  // namespace strata::testing
