#include "integration/test_database.h"

#include <libpq-fe.h>
#include <sqlite3.h>

#include <cstdlib>
#include <random>
#include <stdexcept>

namespace strata::testing {

std::string EngineName(Engine engine) { return engine == Engine::kSqlite ? "sqlite" : "postgres"; }

int TestDatabase::LedgerCount(const std::string& where) {
  if (!HasRelation("strata_ledger")) return 0;
  return std::stoi(Scalar("SELECT count(*) FROM strata_ledger WHERE " + where));
}

namespace {

class SqliteDatabase final : public TestDatabase {
 public:
  explicit SqliteDatabase(std::filesystem::path path) : path_(std::move(path)) {}
  std::string url() const override { return "sqlite:" + path_.string(); }

  std::vector<std::vector<std::string>> Query(const std::string& sql) override {
    std::vector<std::vector<std::string>> rows;
    Handle h(path_);
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(h.db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
      throw std::runtime_error("bad test query: " + std::string(sqlite3_errmsg(h.db)));
    }
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
        const unsigned char* v = sqlite3_column_text(stmt, c);
        row.emplace_back(v ? reinterpret_cast<const char*>(v) : "NULL");
      }
      rows.push_back(std::move(row));
    }
    sqlite3_finalize(stmt);
    return rows;
  }

  void Exec(const std::string& sql) override {
    Handle h(path_);
    char* error = nullptr;
    if (sqlite3_exec(h.db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      std::string message = error ? error : "?";
      sqlite3_free(error);
      throw std::runtime_error("test statement failed: " + message);
    }
  }

  bool HasRelation(const std::string& name) override {
    if (!std::filesystem::exists(path_)) return false;
    return !Query("SELECT 1 FROM sqlite_master WHERE name = '" + name + "'").empty();
  }

 private:
  struct Handle {
    explicit Handle(const std::filesystem::path& path) {
      sqlite3_open(path.c_str(), &db);
      sqlite3_busy_timeout(db, 10000);
    }
    ~Handle() { sqlite3_close(db); }
    sqlite3* db = nullptr;
  };
  std::filesystem::path path_;
};

// Runs one command on a connection string; throws with the server's message.
std::vector<std::vector<std::string>> PgRun(const std::string& conninfo, const std::string& sql) {
  PGconn* conn = PQconnectdb(conninfo.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn);
    PQfinish(conn);
    throw std::runtime_error("cannot connect to the test server: " + message);
  }
  PGresult* r = PQexec(conn, sql.c_str());
  ExecStatusType st = PQresultStatus(r);
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
    std::string message = PQresultErrorMessage(r);
    PQclear(r);
    PQfinish(conn);
    throw std::runtime_error("test statement failed: " + message);
  }
  std::vector<std::vector<std::string>> rows;
  for (int i = 0; i < PQntuples(r); ++i) {
    std::vector<std::string> row;
    for (int c = 0; c < PQnfields(r); ++c) {
      row.emplace_back(PQgetisnull(r, i, c) ? "NULL" : PQgetvalue(r, i, c));
    }
    rows.push_back(std::move(row));
  }
  PQclear(r);
  PQfinish(conn);
  return rows;
}

class PostgresDatabase final : public TestDatabase {
 public:
  PostgresDatabase() {
    const char* base = std::getenv("STRATA_TEST_PG_URL");
    if (base == nullptr || *base == '\0') {
      throw std::runtime_error(
          "STRATA_TEST_PG_URL is not set: run the suite with `make test` (tests/run.sh starts a "
          "throwaway PostgreSQL). PostgreSQL tests fail rather than skip.");
    }
    admin_ = base;
    std::random_device rd;
    name_ = "strata_t" + std::to_string(rd()) + std::to_string(rd() % 1000);
    PgRun(admin_, "CREATE DATABASE " + name_);
    url_ = admin_.substr(0, admin_.rfind('/') + 1) + name_;
  }
  ~PostgresDatabase() override {
    try {
      PgRun(admin_, "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    } catch (const std::exception&) {
      // The server may have been stopped by a crash test; its cluster is temporary.
    }
  }
  std::string url() const override { return url_; }
  std::vector<std::vector<std::string>> Query(const std::string& sql) override {
    return PgRun(url_, sql);
  }
  void Exec(const std::string& sql) override { PgRun(url_, sql); }
  bool HasRelation(const std::string& name) override {
    return Scalar("SELECT to_regclass('public." + name + "') IS NOT NULL") == "t";
  }

 private:
  std::string admin_;
  std::string name_;
  std::string url_;
};

}  // namespace

std::string SlowStatement(Engine engine, double seconds) {
  if (engine == Engine::kPostgres) return "SELECT pg_sleep(" + std::to_string(seconds) + ")";
  // A recursive CTE: SQLite has no sleep. A few million rows a second even
  // in the sanitizer build.
  long rows = static_cast<long>(seconds * 3000000);
  return "SELECT count(*) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
         "WHERE x < " +
         std::to_string(rows) + ") SELECT x FROM c)";
}

std::unique_ptr<TestDatabase> MakeTestDatabase(Engine engine,
                                               const std::filesystem::path& scratch) {
  if (engine == Engine::kSqlite) return std::make_unique<SqliteDatabase>(scratch / "test.db");
  return std::make_unique<PostgresDatabase>();
}

}  // namespace strata::testing
