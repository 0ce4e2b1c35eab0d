#include "drivers/postgres/postgres_driver.h"

#include <fmt/format.h>

#include <cctype>
#include <cstring>

#include "base/lock_wait.h"
#include "base/sha256.h"
#include "base/strings.h"
#include "drivers/postgres/pg_connection.h"
#include "drivers/postgres/pg_lease.h"
#include "sql/ledger_sql.h"
#include "sql/pg_classifier.h"
#include "sql/pg_splitter.h"
#include "sql/statement_text.h"

namespace strata::drivers {

namespace {

// libpq prints NOTICEs ("relation already exists, skipping") to stderr by
// default; a migration tool's output is its own.
void IgnoreNotice(void*, const char*) {}

class PostgresDriver final : public Driver {
 public:
  PostgresDriver(std::string url, DriverOptions options)
      : url_(std::move(url)),
        password_(pg::PasswordOf(url_)),
        options_(std::move(options)),
        table_(sql::QuoteIdentifier(options_.ledger_schema) + "." +
               sql::QuoteIdentifier(options_.ledger_table)),
        lock_key_(AdvisoryLockKey(options_.ledger_schema, options_.ledger_table)) {
    if (options_.lock_mode == LockMode::kLease) {
      lease_ =
          std::make_unique<pg::Lease>([this] { return Connect(); }, options_.ledger_schema,
                                      sql::QuoteIdentifier(options_.ledger_schema) + "." +
                                          sql::QuoteIdentifier(options_.ledger_table + "_lease"),
                                      options_.ledger_table, options_.lease_ttl);
    }
  }

  std::string_view dialect() const override { return "postgres"; }
  std::string redacted_url() const override { return RedactUrl(url_); }

  Result<std::vector<Statement>> Split(std::string_view script) const override {
    return sql::SplitPostgres(script);
  }

  Status CheckStatements(const std::vector<Statement>& statements,
                         bool transactional) const override {
    for (const Statement& st : statements) {
      auto located = [&](Status status) {
        sql::LocateInStatement(status.mutable_context(), st);
        return status;
      };
      if (!st.text.empty() && st.text[0] == '\\') {
        return located(Status(Code::kInvalidMigrations,
                              fmt::format("psql meta-command '{}' is not SQL: strata sends "
                                          "statements to the server, not to psql",
                                          base::FirstLine(st.text, 40))));
      }
      auto info = sql::ClassifyPostgres(st.text);
      if (!info.ok()) return located(info.status());
      if (info->copy_with_client_stream) {
        return located(Status(Code::kInvalidMigrations,
                              "COPY ... FROM STDIN / TO STDOUT needs psql's data stream; use "
                              "INSERT, or COPY from a file the server can read"));
      }
      if (transactional && info->needs_no_transaction) {
        return located(
            Status(Code::kInvalidMigrations,
                   fmt::format("{} cannot run inside a transaction: add '-- strata:no-transaction' "
                               "to this migration (and keep it to this one statement)",
                               info->what)));
      }
      if (transactional && info->transaction_control) {
        return located(Status(Code::kInvalidMigrations,
                              "transaction control (BEGIN/COMMIT/ROLLBACK) inside a migration "
                              "that strata runs in a transaction; remove it"));
      }
    }
    return Status::Ok();
  }

  Status Execute(std::string_view text) override {
    STRATA_RETURN_IF_ERROR(EnsureConnected());
    const std::string sql(text);
    Status status = Scrub(pg::Exec(conn_.get(), sql).status);
    if (status.context().sqlstate == "55P03") return LockTimeoutError(sql, std::move(status));
    // Only CREATE INDEX CONCURRENTLY needs a look afterwards; skip the parse
    // for every other statement.
    if (ContainsConcurrently(sql)) {
      auto info = sql::ClassifyPostgres(sql, /*want_names=*/true);
      if (info.ok() && !info->concurrent_index.empty()) {
        return CheckIndexValid(info->concurrent_index, std::move(status));
      }
    }
    return status;
  }

  Status ExecuteBatch(const std::vector<Statement>& statements, bool open_transaction) override {
    STRATA_RETURN_IF_ERROR(EnsureConnected());
    std::vector<pg::Query> queries;
    queries.reserve(statements.size() + 1);
    if (open_transaction) queries.push_back({"BEGIN", {}});
    for (const Statement& st : statements) queries.push_back({st.text, {}});
    pg::PipelineOutcome out = pg::ExecPipeline(conn_.get(), queries);
    if (out.failed < 0) return Status::Ok();
    const int index = out.failed - (open_transaction ? 1 : 0);
    Status status = Scrub(std::move(out.status));
    if (index < 0) return status;  // BEGIN itself failed
    if (status.context().sqlstate == "55P03") {
      status = LockTimeoutError(statements[index].text, std::move(status));
    }
    status.mutable_context().statement_index = index;
    return status;
  }

  Status AppendLedgerAndCommit(const LedgerEntry& e) override {
    STRATA_RETURN_IF_ERROR(EnsureConnected());
    std::vector<pg::Query> queries;
    if (lease_ && lease_->held()) queries.push_back(lease_->FenceQuery());
    queries.push_back(LedgerInsert(e));
    queries.push_back({"COMMIT", {}});
    pg::PipelineOutcome out = pg::ExecPipeline(conn_.get(), queries);
    return FenceError(Scrub(std::move(out.status)));
  }

  // A failed fence means another migrator took the lease over: say so.
  static Status FenceError(Status status) {
    if (status.ok() || status.message().find(pg::Lease::kLostMessage) == std::string::npos) {
      return status;
    }
    return Status(Code::kLockTimeout,
                  "the migration lease expired and another migrator took it over; this run "
                  "recorded nothing more (the open transaction is rolled back)");
  }

  Result<std::vector<Row>> Query(std::string_view text) override {
    STRATA_RETURN_IF_ERROR(EnsureConnected());
    pg::Outcome out = pg::Exec(conn_.get(), std::string(text));
    if (!out.status.ok()) return Scrub(out.status);
    return pg::Rows(out.result.get());
  }

  Result<FirstRow> QueryFirstRow(std::string_view text) override {
    STRATA_RETURN_IF_ERROR(EnsureConnected());
    const std::string sql(text);
    pg::Outcome out = pg::Exec(conn_.get(), sql);
    Status status = Scrub(std::move(out.status));
    if (status.context().sqlstate == "55P03") return LockTimeoutError(sql, std::move(status));
    STRATA_RETURN_IF_ERROR(status);
    FirstRow first;
    first.has_result_set = PQresultStatus(out.result.get()) == PGRES_TUPLES_OK;
    if (first.has_result_set && PQntuples(out.result.get()) > 0) {
      first.row = pg::RowAt(out.result.get(), 0);
    }
    return first;
  }

  Status Begin() override { return Execute("BEGIN"); }
  Status Commit() override { return Execute("COMMIT"); }
  Status Rollback() override {
    if (!conn_ || PQtransactionStatus(conn_.get()) == PQTRANS_IDLE) return Status::Ok();
    return Execute("ROLLBACK");
  }

  Status Lock(std::chrono::milliseconds timeout, const LockWaitCallback& on_wait) override {
    STRATA_RETURN_IF_ERROR(EnsureConnected());
    if (lease_) return Scrub(lease_->Acquire(conn_.get(), timeout, on_wait));
    const std::string key = std::to_string(lock_key_);
    auto attempt = [&]() -> Result<base::LockAttempt> {
      pg::Outcome out = pg::Exec(conn_.get(), "SELECT pg_try_advisory_lock($1::bigint)", {key});
      STRATA_RETURN_IF_ERROR(Scrub(out.status));
      if (std::strcmp(PQgetvalue(out.result.get(), 0, 0), "t") == 0) {
        return base::LockAttempt{true, {}};
      }
      return base::LockAttempt{false, DescribeHolder()};
    };
    STRATA_RETURN_IF_ERROR(base::WaitForLock(timeout, "the migration lock", attempt, on_wait));
    locked_ = true;
    return Status::Ok();
  }

  Status Unlock() override {
    if (lease_ && conn_) return Scrub(lease_->Release(conn_.get()));
    if (!locked_ || !conn_) return Status::Ok();
    locked_ = false;
    return Scrub(
        pg::Exec(conn_.get(), "SELECT pg_advisory_unlock($1::bigint)", {std::to_string(lock_key_)})
            .status);
  }

  Status EnsureLedger() override {
    STRATA_ASSIGN_OR_RETURN(bool exists, LedgerExists());
    if (exists) return Status::Ok();
    // Only create the schema when it is missing: CREATE SCHEMA needs a
    // privilege that a migration role using an existing schema may lack.
    pg::Outcome schema = pg::Exec(conn_.get(), "SELECT 1 FROM pg_namespace WHERE nspname = $1",
                                  {options_.ledger_schema});
    STRATA_RETURN_IF_ERROR(Scrub(schema.status));
    if (PQntuples(schema.result.get()) == 0) {
      STRATA_RETURN_IF_ERROR(
          Execute("CREATE SCHEMA IF NOT EXISTS " + sql::QuoteIdentifier(options_.ledger_schema)));
    }
    return Execute(LedgerTableDdl());
  }

  Result<std::vector<LedgerEntry>> ReadLedger() override {
    STRATA_ASSIGN_OR_RETURN(bool exists, LedgerExists());
    if (!exists) return std::vector<LedgerEntry>{};
    STRATA_ASSIGN_OR_RETURN(std::vector<Row> rows, Query(sql::LedgerSelectSql(table_)));
    return sql::LedgerEntriesFromRows(rows);
  }

  Status AppendLedger(const LedgerEntry& e) override {
    STRATA_RETURN_IF_ERROR(EnsureConnected());
    if (lease_ && lease_->held()) {
      pg::Query fence = lease_->FenceQuery();
      STRATA_RETURN_IF_ERROR(
          FenceError(Scrub(pg::Exec(conn_.get(), fence.sql, fence.params).status)));
    }
    pg::Query insert = LedgerInsert(e);
    return Scrub(pg::Exec(conn_.get(), insert.sql, insert.params).status);
  }

  std::string LedgerDdlSql() const override {
    return fmt::format("CREATE SCHEMA IF NOT EXISTS {};\n{};",
                       sql::QuoteIdentifier(options_.ledger_schema), LedgerTableDdl());
  }
  std::string LedgerInsertSql(const LedgerEntry& entry) const override {
    return sql::RenderLedgerInsert(table_, entry);
  }

  // A committed transaction is already durable on the server.
  // A durable commit waits for all WAL before it, our asynchronous commits
  // included; txid_current() gives the transaction something to commit.
  Status Sync() override {
    if (!conn_) return Status::Ok();
    return Execute("BEGIN; SET LOCAL synchronous_commit = on; SELECT txid_current(); COMMIT");
  }

  // One catalog query. Never-analysed tables (reltuples = -1) are estimated
  // from their file size; a partitioned parent counts its partitions' rows.
  Result<std::map<std::string, TableEstimate>> EstimateTables() override {
    STRATA_ASSIGN_OR_RETURN(std::vector<Row> rows, Query(R"sql(
      SELECT n.nspname || '.' || c.relname,
             CASE WHEN c.relkind = 'p' THEN
                    (SELECT coalesce(sum(greatest(p.reltuples, 0)), 0)::bigint
                       FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhrelid
                      WHERE i.inhparent = c.oid)
                  WHEN c.reltuples >= 0 THEN c.reltuples::bigint
                  ELSE (pg_relation_size(c.oid) / 64)::bigint END
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind IN ('r', 'p', 'm')
         AND n.nspname NOT IN ('pg_catalog', 'information_schema')
         AND n.nspname NOT LIKE 'pg\_toast%')sql"));
    std::map<std::string, TableEstimate> tables;
    for (const Row& row : rows) {
      if (row.size() < 2 || !row[0] || !row[1]) continue;
      tables[*row[0]].rows = std::stoll(*row[1]);
    }
    return tables;
  }

 private:
  Status EnsureConnected() {
    if (conn_ && PQstatus(conn_.get()) == CONNECTION_OK) return Status::Ok();
    if (conn_) {
      locked_ = false;  // the session, and its advisory lock, are gone
      return Status(Code::kConnection, fmt::format("lost the connection to {}", redacted_url()));
    }
    conn_ = Connect();
    if (!conn_ || PQstatus(conn_.get()) != CONNECTION_OK) {
      std::string message = conn_ ? PQerrorMessage(conn_.get()) : "out of memory";
      conn_.reset();
      while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
        message.pop_back();
      }
      return Scrub(Status(Code::kConnection,
                          fmt::format("cannot connect to {}: {}", redacted_url(), message)));
    }
    // Commits during a run need not wait for the WAL flush: each migration
    // still commits atomically with its ledger row, and Sync() waits once for
    // everything before strata reports success. A server crash mid-run can
    // lose the last commits, wholly, never half of one.
    return Execute(fmt::format("SET lock_timeout = '{}ms'; SET synchronous_commit = off",
                               options_.ddl_lock_timeout.count()));
  }

  // lock_timeout fired: say who holds a lock on the statement's table, so the
  // operator knows what the DDL was queued behind.
  Status LockTimeoutError(const std::string& sql, Status status) {
    ErrorContext& ctx = status.mutable_context();
    ctx.retryable = true;
    ctx.hint =
        "run it when the blocking session is done, raise --ddl-lock-timeout, or retry "
        "automatically with --retries N";
    auto info = sql::ClassifyPostgres(sql, /*want_names=*/true);
    if (!info.ok() || info->target_relation.empty()) return status;
    // Our transaction is aborted and cannot query: ask on a short-lived
    // second connection (only ever on this failure path).
    pg::ConnPtr probe = Connect();
    if (!probe || PQstatus(probe.get()) != CONNECTION_OK) return status;
    pg::Outcome out =
        pg::Exec(probe.get(),
                 "SELECT a.pid, coalesce(a.application_name, ''), coalesce(a.state, ''), "
                 "coalesce(extract(epoch FROM now() - a.xact_start)::bigint, 0), l.mode, "
                 "left(regexp_replace(coalesce(a.query, ''), '\\s+', ' ', 'g'), 80) "
                 "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                 "WHERE l.relation = to_regclass($1) AND l.granted AND l.pid <> $2::int "
                 "ORDER BY a.xact_start LIMIT 3",
                 {info->target_relation, std::to_string(PQbackendPID(conn_.get()))});
    if (!out.status.ok() || PQntuples(out.result.get()) == 0) return status;
    std::string blockers;
    PGresult* r = out.result.get();
    for (int i = 0; i < PQntuples(r); ++i) {
      blockers += fmt::format(
          "{}pid {} (application_name '{}', {}, transaction open {} s, "
          "holding {}; last query: {})",
          i == 0 ? "" : "; ", PQgetvalue(r, i, 0), PQgetvalue(r, i, 1), PQgetvalue(r, i, 2),
          PQgetvalue(r, i, 3), PQgetvalue(r, i, 4), PQgetvalue(r, i, 5));
    }
    return Status(
        status.code(),
        fmt::format("{} on {}: blocked by {}", status.message(), info->target_relation, blockers),
        status.context());
  }

  static bool ContainsConcurrently(const std::string& sql) {
    static constexpr std::string_view kWord = "concurrently";
    for (size_t i = 0; i + kWord.size() <= sql.size(); ++i) {
      size_t k = 0;
      while (k < kWord.size() && std::tolower(static_cast<unsigned char>(sql[i + k])) == kWord[k]) {
        ++k;
      }
      if (k == kWord.size()) return true;
    }
    return false;
  }

  // A failed CREATE INDEX CONCURRENTLY leaves an INVALID index behind, and a
  // later CREATE INDEX CONCURRENTLY IF NOT EXISTS silently skips over it:
  // both are failures, with the statement that repairs them.
  Status CheckIndexValid(const std::string& index, Status execution) {
    if (PQtransactionStatus(conn_.get()) != PQTRANS_IDLE) return execution;
    pg::Outcome out = pg::Exec(
        conn_.get(), "SELECT indisvalid FROM pg_index WHERE indexrelid = to_regclass($1)", {index});
    if (!out.status.ok() || PQntuples(out.result.get()) == 0) return execution;
    if (std::strcmp(PQgetvalue(out.result.get(), 0, 0), "t") == 0) return execution;
    const std::string repair = fmt::format("DROP INDEX CONCURRENTLY IF EXISTS {};", index);
    if (!execution.ok()) {
      execution.mutable_context().hint = fmt::format(
          "the failed build left the INVALID index {}; remove it with: {}", index, repair);
      return execution;
    }
    Status invalid(Code::kSqlError,
                   fmt::format("index {} exists but is INVALID (left by an earlier failed "
                               "build), so the statement did nothing",
                               index));
    invalid.mutable_context().hint = fmt::format("remove it with: {} then run again", repair);
    return invalid;
  }

  pg::Query LedgerInsert(const LedgerEntry& e) const {
    return {
        fmt::format("INSERT INTO {} ({}) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)",
                    table_, sql::LedgerColumnList()),
        {std::to_string(e.seq), e.migration_id, LedgerEventName(e.event),
         DirectionName(e.direction), e.checksum, std::to_string(e.checksum_version), e.parents,
         e.transactional ? "1" : "0", e.actor, e.recorded_at, std::to_string(e.duration_ms),
         e.error, e.prev_hash, e.row_hash}};
  }

  pg::ConnPtr Connect() const {
    // fallback_application_name: the URL, PGAPPNAME or a service file win.
    const char* keywords[] = {"dbname", "fallback_application_name", nullptr};
    const char* values[] = {url_.c_str(), "strata", nullptr};
    pg::ConnPtr conn(PQconnectdbParams(keywords, values, /*expand_dbname=*/1));
    if (conn) PQsetNoticeProcessor(conn.get(), IgnoreNotice, nullptr);
    return conn;
  }

  Result<bool> LedgerExists() {
    STRATA_RETURN_IF_ERROR(EnsureConnected());
    pg::Outcome out = pg::Exec(conn_.get(), "SELECT to_regclass($1) IS NOT NULL", {table_});
    STRATA_RETURN_IF_ERROR(Scrub(out.status));
    return std::strcmp(PQgetvalue(out.result.get(), 0, 0), "t") == 0;
  }

  std::string LedgerTableDdl() const {
    return fmt::format(
        "CREATE TABLE IF NOT EXISTS {} (seq bigint PRIMARY KEY, migration_id text NOT NULL, "
        "event text NOT NULL, direction text NOT NULL, checksum text NOT NULL, checksum_version "
        "integer NOT NULL, parents text NOT NULL, transactional smallint NOT NULL, actor text NOT "
        "NULL, recorded_at text NOT NULL, duration_ms bigint NOT NULL, error text NOT NULL, "
        "prev_hash text NOT NULL, row_hash text NOT NULL)",
        table_);
  }

  // Who holds our advisory lock, from pg_locks and pg_stat_activity.
  std::string DescribeHolder() {
    const auto key = static_cast<uint64_t>(lock_key_);
    pg::Outcome out = pg::Exec(
        conn_.get(),
        "SELECT a.pid, coalesce(a.application_name, ''), coalesce(host(a.client_addr), 'local'), "
        "extract(epoch FROM now() - a.backend_start)::bigint, coalesce(a.usename, '') "
        "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
        "WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1::oid "
        "AND l.objid = $2::oid AND l.objsubid = 1",
        {std::to_string(key >> 32), std::to_string(key & 0xFFFFFFFFu)});
    if (!out.status.ok() || PQntuples(out.result.get()) == 0) {
      return "the holder is not visible to this role";
    }
    PGresult* r = out.result.get();
    return fmt::format(
        "held by pid {} (application_name '{}', user '{}', client {}, session "
        "started {} s ago)",
        PQgetvalue(r, 0, 0), PQgetvalue(r, 0, 1), PQgetvalue(r, 0, 4), PQgetvalue(r, 0, 2),
        PQgetvalue(r, 0, 3));
  }

  // Passwords never leave the driver, even inside a server or libpq message.
  Status Scrub(Status status) const {
    if (status.ok() || password_.empty()) return status;
    std::string message = status.message();
    for (size_t p = message.find(password_); p != std::string::npos;
         p = message.find(password_, p + 3)) {
      message.replace(p, password_.size(), "***");
    }
    Status scrubbed(status.code(), message, status.context());
    return scrubbed;
  }

  std::string url_;
  std::string password_;
  DriverOptions options_;
  std::string table_;
  int64_t lock_key_;
  std::unique_ptr<pg::Lease> lease_;  // set in LockMode::kLease
  pg::ConnPtr conn_;
  bool locked_ = false;
};

}  // namespace

int64_t AdvisoryLockKey(const std::string& schema, const std::string& table) {
  std::string digest = base::Sha256Hex("strata:" + schema + "." + table);
  return static_cast<int64_t>(std::stoull(digest.substr(0, 16), nullptr, 16));
}

Result<std::unique_ptr<Driver>> OpenPostgres(const std::string& url, const DriverOptions& options) {
  char* error = nullptr;
  PQconninfoOption* parsed = PQconninfoParse(url.c_str(), &error);
  if (parsed == nullptr) {
    std::string message = error ? error : "malformed";
    PQfreemem(error);
    while (!message.empty() && message.back() == '\n') message.pop_back();
    // libpq may quote part of the URL back: scrub the password it holds.
    std::string redacted = RedactUrl(url);
    std::string password = pg::TextualPassword(url);
    if (!password.empty()) {
      for (size_t p = message.find(password); p != std::string::npos;
           p = message.find(password, p + 3)) {
        message.replace(p, password.size(), "***");
      }
    }
    return Status(Code::kInvalidArgument,
                  fmt::format("cannot parse the database URL {}: {}", redacted, message));
  }
  PQconninfoFree(parsed);
  if (!sql::IsPlainIdentifier(options.ledger_schema)) {
    return Status(Code::kInvalidArgument,
                  fmt::format("invalid ledger schema name '{}'", options.ledger_schema));
  }
  return std::unique_ptr<Driver>(std::make_unique<PostgresDriver>(url, options));
}

}  // namespace strata::drivers
