#include "drivers/sqlite/sqlite_driver.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "base/lock_wait.h"
#include "base/strings.h"
#include "sql/ledger_sql.h"
#include "sql/statement_text.h"

namespace strata::drivers {

namespace {

constexpr int kBusyTimeoutMs = 5000;

// Owns one prepared statement.
class Prepared {
 public:
  Prepared() = default;
  ~Prepared() { sqlite3_finalize(stmt_); }
  Prepared(const Prepared&) = delete;
  Prepared& operator=(const Prepared&) = delete;
  sqlite3_stmt** out() { return &stmt_; }
  sqlite3_stmt* get() const { return stmt_; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

class SqliteDriver final : public Driver {
 public:
  SqliteDriver(std::string path, DriverOptions options)
      : path_(std::move(path)),
        options_(std::move(options)),
        quoted_table_(sql::QuoteIdentifier(options_.ledger_table)) {}

  ~SqliteDriver() override {
    insert_.reset();
    if (db_ != nullptr) sqlite3_close(db_);
    // Only after sqlite3_close: closing any descriptor of the file drops the
    // process's POSIX locks, SQLite's included.
    if (lock_fd_ >= 0) close(lock_fd_);
  }

  std::string_view dialect() const override { return "sqlite"; }
  std::string redacted_url() const override { return "sqlite:" + path_; }

  Result<std::vector<Statement>> Split(std::string_view script) const override {
    return SplitSqlite(script);
  }

  Status Execute(std::string_view text) override {
    STRATA_RETURN_IF_ERROR(EnsureOpen());
    // Run every statement in `text`, following prepare's tail.
    const char* tail = text.data();
    const char* end = text.data() + text.size();
    while (tail < end) {
      Prepared stmt;
      const char* next = nullptr;
      int rc = sqlite3_prepare_v2(db_, tail, static_cast<int>(end - tail), stmt.out(), &next);
      if (rc != SQLITE_OK) return PositionedError(rc, text, tail);
      if (stmt.get() == nullptr) break;  // only blanks or comments left
      while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
      }
      if (rc != SQLITE_DONE) return SqlError(rc);
      tail = next;
    }
    return Status::Ok();
  }

  Result<std::vector<Row>> Query(std::string_view text) override {
    STRATA_RETURN_IF_ERROR(EnsureOpen());
    Prepared stmt;
    int rc =
        sqlite3_prepare_v2(db_, text.data(), static_cast<int>(text.size()), stmt.out(), nullptr);
    if (rc != SQLITE_OK) return SqlError(rc);
    std::vector<Row> rows;
    if (stmt.get() == nullptr) return rows;
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) rows.push_back(CurrentRow(stmt.get()));
    if (rc != SQLITE_DONE) return SqlError(rc);
    return rows;
  }

  Result<FirstRow> QueryFirstRow(std::string_view text) override {
    STRATA_RETURN_IF_ERROR(EnsureOpen());
    Prepared stmt;
    int rc =
        sqlite3_prepare_v2(db_, text.data(), static_cast<int>(text.size()), stmt.out(), nullptr);
    if (rc != SQLITE_OK) return PositionedError(rc, text, text.data());
    FirstRow first;
    if (stmt.get() == nullptr) return first;
    // Statements without result columns (INSERT, CREATE, ...) run to the end;
    // a query stops at its first row.
    first.has_result_set = sqlite3_column_count(stmt.get()) > 0;
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
      if (first.has_result_set) {
        first.row = CurrentRow(stmt.get());
        return first;
      }
    }
    if (rc != SQLITE_DONE) return SqlError(rc);
    return first;
  }

  Status Begin() override {
    STRATA_RETURN_IF_ERROR(EnsureOpen());
    if (locked_ && !fast_commits_) STRATA_RETURN_IF_ERROR(EnableFastCommits());
    // IMMEDIATE takes the write lock now, so a concurrent application writer
    // makes us wait (busy timeout) instead of failing at the first write.
    return Execute("BEGIN IMMEDIATE");
  }
  Status Commit() override { return Execute("COMMIT"); }
  Status Rollback() override {
    if (db_ == nullptr || sqlite3_get_autocommit(db_)) return Status::Ok();
    return Execute("ROLLBACK");
  }

  Status Lock(std::chrono::milliseconds timeout, const LockWaitCallback& on_wait) override {
    if (path_ == ":memory:" || locked_) {
      locked_ = true;
      return Status::Ok();
    }
    if (lock_fd_ < 0) {
      lock_fd_ = open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
      if (lock_fd_ < 0) {
        return Status(Code::kConnection,
                      fmt::format("cannot open '{}': {}", path_, std::strerror(errno)));
      }
    }
    auto attempt = [this]() -> Result<base::LockAttempt> {
      if (flock(lock_fd_, LOCK_EX | LOCK_NB) == 0) return base::LockAttempt{true, {}};
      if (errno != EWOULDBLOCK && errno != EINTR) {
        return Status(Code::kConnection,
                      fmt::format("cannot lock '{}': {}", path_, std::strerror(errno)));
      }
      // flock cannot say who holds it; only strata takes it.
      return base::LockAttempt{false, "another strata process is migrating this file"};
    };
    STRATA_RETURN_IF_ERROR(
        base::WaitForLock(timeout, fmt::format("the migration lock on '{}'", path_), attempt,
                          on_wait, std::chrono::milliseconds(5), std::chrono::milliseconds(100)));
    locked_ = true;
    return Status::Ok();
  }

  Status Unlock() override {
    if (lock_fd_ >= 0 && locked_) flock(lock_fd_, LOCK_UN);
    locked_ = false;
    return Status::Ok();
  }

  Status EnsureLedger() override { return Execute(LedgerDdlSql()); }

  Result<std::vector<LedgerEntry>> ReadLedger() override {
    STRATA_ASSIGN_OR_RETURN(
        std::vector<Row> exists,
        Query(fmt::format("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = {}",
                          sql::QuoteLiteral(options_.ledger_table))));
    if (exists.empty()) return std::vector<LedgerEntry>{};
    STRATA_ASSIGN_OR_RETURN(std::vector<Row> rows, Query(sql::LedgerSelectSql(quoted_table_)));
    return sql::LedgerEntriesFromRows(rows);
  }

  Status AppendLedger(const LedgerEntry& e) override {
    STRATA_RETURN_IF_ERROR(EnsureOpen());
    if (!insert_) {
      insert_ = std::make_unique<Prepared>();
      std::string text = fmt::format("INSERT INTO {} ({}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                                     quoted_table_, sql::LedgerColumnList());
      int rc = sqlite3_prepare_v2(db_, text.c_str(), -1, insert_->out(), nullptr);
      if (rc != SQLITE_OK) {
        insert_.reset();
        return SqlError(rc);
      }
    }
    sqlite3_stmt* s = insert_->get();
    sqlite3_reset(s);
    auto text = [&](int i, const std::string& v) {
      sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    };
    sqlite3_bind_int64(s, 1, e.seq);
    text(2, e.migration_id);
    text(3, LedgerEventName(e.event));
    text(4, DirectionName(e.direction));
    text(5, e.checksum);
    sqlite3_bind_int(s, 6, e.checksum_version);
    text(7, e.parents);
    sqlite3_bind_int(s, 8, e.transactional ? 1 : 0);
    text(9, e.actor);
    text(10, e.recorded_at);
    sqlite3_bind_int64(s, 11, e.duration_ms);
    text(12, e.error);
    text(13, e.prev_hash);
    text(14, e.row_hash);
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) return SqlError(rc);
    return Status::Ok();
  }

  std::string LedgerDdlSql() const override {
    return fmt::format(
        "CREATE TABLE IF NOT EXISTS {} (seq INTEGER PRIMARY KEY, migration_id TEXT NOT NULL, "
        "event TEXT NOT NULL, direction TEXT NOT NULL, checksum TEXT NOT NULL, checksum_version "
        "INTEGER NOT NULL, parents TEXT NOT NULL, transactional INTEGER NOT NULL, actor TEXT NOT "
        "NULL, recorded_at TEXT NOT NULL, duration_ms INTEGER NOT NULL, error TEXT NOT NULL, "
        "prev_hash TEXT NOT NULL, row_hash TEXT NOT NULL);",
        quoted_table_);
  }
  std::string LedgerInsertSql(const LedgerEntry& entry) const override {
    return sql::RenderLedgerInsert(quoted_table_, entry);
  }
  std::string BeginSql() const override { return "BEGIN IMMEDIATE;"; }

  Status Sync() override {
    if (!fast_commits_) return Status::Ok();
    fast_commits_ = false;
    // With synchronous=NORMAL a checkpoint fsyncs the WAL and then the
    // database file: from here on every committed migration is durable.
    STRATA_RETURN_IF_ERROR(Execute("PRAGMA wal_checkpoint(TRUNCATE)"));
    STRATA_RETURN_IF_ERROR(Execute("PRAGMA wal_autocheckpoint=1000"));  // SQLite's default
    STRATA_RETURN_IF_ERROR(Execute("PRAGMA synchronous=" + previous_synchronous_));
    if (previous_journal_mode_ != "wal") {
      // Fails harmlessly (the file stays in WAL mode) if another connection
      // has the database open.
      (void)Execute("PRAGMA journal_mode=" + previous_journal_mode_);
    }
    return Status::Ok();
  }

 private:
  Status EnsureOpen() {
    if (db_ != nullptr) return Status::Ok();
    int rc =
        sqlite3_open_v2(path_.c_str(), &db_,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
      std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
      sqlite3_close(db_);
      db_ = nullptr;
      return Status(Code::kConnection, fmt::format("cannot open '{}': {}", path_, message));
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, kBusyTimeoutMs);
    return Status::Ok();
  }

  Status EnableFastCommits() {
    if (path_ == ":memory:") return Status::Ok();
    STRATA_ASSIGN_OR_RETURN(std::vector<Row> mode, Query("PRAGMA journal_mode"));
    STRATA_ASSIGN_OR_RETURN(std::vector<Row> sync, Query("PRAGMA synchronous"));
    if (mode.empty() || !mode[0][0] || sync.empty() || !sync[0][0]) return Status::Ok();
    previous_journal_mode_ = *mode[0][0];
    previous_synchronous_ = *sync[0][0];
    STRATA_ASSIGN_OR_RETURN(std::vector<Row> now, Query("PRAGMA journal_mode=WAL"));
    if (now.empty() || !now[0][0] || *now[0][0] != "wal") return Status::Ok();  // e.g. read-only
    STRATA_RETURN_IF_ERROR(Execute("PRAGMA synchronous=NORMAL"));
    // No automatic checkpoints mid-run: each one fsyncs twice. The one in
    // Sync() at the end of the run is the only one needed.
    STRATA_RETURN_IF_ERROR(Execute("PRAGMA wal_autocheckpoint=0"));
    fast_commits_ = true;
    return Status::Ok();
  }

  static Row CurrentRow(sqlite3_stmt* stmt) {
    const int columns = sqlite3_column_count(stmt);
    Row row;
    row.reserve(columns);
    for (int c = 0; c < columns; ++c) {
      const unsigned char* value = sqlite3_column_text(stmt, c);
      if (value == nullptr) {
        row.emplace_back(std::nullopt);
      } else {
        row.emplace_back(std::string(reinterpret_cast<const char*>(value),
                                     static_cast<size_t>(sqlite3_column_bytes(stmt, c))));
      }
    }
    return row;
  }

  Status SqlError(int rc) const {
    Status status(Code::kSqlError, db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
    status.mutable_context().sqlstate = fmt::format("{} ({})", rc, sqlite3_errstr(rc));
    return status;
  }

  // A prepare error with the position SQLite points at, relative to `text`.
  Status PositionedError(int rc, std::string_view text, const char* prepared_from) const {
    Status status = SqlError(rc);
    int offset = db_ != nullptr ? sqlite3_error_offset(db_) : -1;
    if (offset >= 0) {
      auto pos = base::PositionOf(text, static_cast<size_t>(prepared_from - text.data()) + offset);
      status.mutable_context().line = pos.line;
      status.mutable_context().column = pos.column;
    }
    return status;
  }

  std::string path_;
  DriverOptions options_;
  std::string quoted_table_;
  sqlite3* db_ = nullptr;
  int lock_fd_ = -1;
  bool locked_ = false;
  bool fast_commits_ = false;
  std::string previous_journal_mode_ = "delete";
  std::string previous_synchronous_ = "2";
  std::unique_ptr<Prepared> insert_;
};

}  // namespace

Result<std::unique_ptr<Driver>> OpenSqlite(const std::string& path, const DriverOptions& options) {
  if (path.empty()) return Status(Code::kInvalidArgument, "sqlite URL without a file name");
  return std::unique_ptr<Driver>(std::make_unique<SqliteDriver>(path, options));
}

}  // namespace strata::drivers
