#include "drivers/postgres/pg_lease.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstring>

#include "base/lock_wait.h"
#include "sql/statement_text.h"

namespace strata::drivers::pg {

Lease::Lease(std::function<ConnPtr()> connect, std::string schema, std::string table,
             std::string name, std::chrono::milliseconds ttl)
    : connect_(std::move(connect)),
      schema_(std::move(schema)),
      table_(std::move(table)),
      name_(std::move(name)),
      ttl_(ttl) {
  char host[256] = {};
  if (gethostname(host, sizeof(host) - 1) != 0) host[0] = '\0';
  owner_ = fmt::format("strata pid {} on {}", getpid(), host);
}

Lease::~Lease() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  stop_signal_.notify_all();
  if (heartbeat_.joinable()) heartbeat_.join();
}

Status Lease::EnsureTable(PGconn* conn) {
  Outcome exists = Exec(conn, "SELECT to_regclass($1) IS NOT NULL", {table_});
  STRATA_RETURN_IF_ERROR(exists.status);
  if (std::strcmp(PQgetvalue(exists.result.get(), 0, 0), "t") == 0) return Status::Ok();
  // Racing first runs would collide in CREATE TABLE IF NOT EXISTS (a unique
  // violation in pg_type): serialize them with a transaction-scoped advisory
  // lock, which holds even behind a transaction-pooling proxy.
  STRATA_RETURN_IF_ERROR(Exec(conn, "BEGIN").status);
  auto create = [&]() -> Status {
    STRATA_RETURN_IF_ERROR(
        Exec(conn, "SELECT pg_advisory_xact_lock(hashtext($1))", {table_}).status);
    Outcome schema = Exec(conn, "SELECT 1 FROM pg_namespace WHERE nspname = $1", {schema_});
    STRATA_RETURN_IF_ERROR(schema.status);
    if (PQntuples(schema.result.get()) == 0) {
      STRATA_RETURN_IF_ERROR(
          Exec(conn, "CREATE SCHEMA IF NOT EXISTS " + sql::QuoteIdentifier(schema_)).status);
    }
    STRATA_RETURN_IF_ERROR(
        Exec(conn, fmt::format("CREATE TABLE IF NOT EXISTS {} (name text PRIMARY "
                               "KEY, owner text NOT NULL, token bigint NOT "
                               "NULL, expires_at timestamptz NOT NULL)",
                               table_))
            .status);
    return Exec(conn, "COMMIT").status;
  };
  Status status = create();
  if (!status.ok()) (void)Exec(conn, "ROLLBACK");
  return status;
}

Status Lease::Acquire(PGconn* conn, std::chrono::milliseconds timeout,
                      const LockWaitCallback& on_wait) {
  STRATA_RETURN_IF_ERROR(EnsureTable(conn));
  const std::string ttl = fmt::format("{} milliseconds", ttl_.count());
  // Takes a free or expired lease in one statement: a new row, or the old
  // one with the next token. A live lease is left alone (no row returned).
  const std::string take = fmt::format(
      "INSERT INTO {0} AS l (name, owner, token, expires_at) VALUES ($1, $2, 1, now() + "
      "$3::interval) ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, token = l.token + "
      "1, expires_at = excluded.expires_at WHERE l.expires_at < now() RETURNING token",
      table_);
  auto attempt = [&]() -> Result<base::LockAttempt> {
    Outcome out = Exec(conn, take, {name_, owner_, ttl});
    STRATA_RETURN_IF_ERROR(out.status);
    if (PQntuples(out.result.get()) == 1) {
      token_ = std::stoll(PQgetvalue(out.result.get(), 0, 0));
      return base::LockAttempt{true, {}};
    }
    std::string holder = "another migrator holds the lease";
    Outcome who = Exec(conn,
                       fmt::format("SELECT owner, token, round(extract(epoch FROM expires_at - "
                                   "now())) FROM {} WHERE name = $1",
                                   table_),
                       {name_});
    if (who.status.ok() && PQntuples(who.result.get()) == 1) {
      holder = fmt::format("lease held by {} (token {}, expires in {} s unless renewed)",
                           PQgetvalue(who.result.get(), 0, 0), PQgetvalue(who.result.get(), 0, 1),
                           PQgetvalue(who.result.get(), 0, 2));
    }
    return base::LockAttempt{false, holder};
  };
  STRATA_RETURN_IF_ERROR(base::WaitForLock(timeout, "the migration lease", attempt, on_wait));
  heartbeat_ = std::thread([this] { Heartbeat(); });
  return Status::Ok();
}

void Lease::Heartbeat() {
  ConnPtr conn = connect_();
  const std::string renew = fmt::format(
      "UPDATE {} SET expires_at = now() + $3::interval WHERE name = $1 AND token = $2", table_);
  const std::string ttl = fmt::format("{} milliseconds", ttl_.count());
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stop_signal_.wait_for(lock, ttl_ / 3, [this] { return stopping_; })) {
    if (!conn || PQstatus(conn.get()) != CONNECTION_OK) conn = connect_();
    if (!conn || PQstatus(conn.get()) != CONNECTION_OK) continue;
    // A renewal that matches no row means the lease was taken over; the
    // fence on the next ledger write stops the run.
    (void)Exec(conn.get(), renew, {name_, std::to_string(token_), ttl});
  }
}

Status Lease::Release(PGconn* conn) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  stop_signal_.notify_all();
  if (heartbeat_.joinable()) heartbeat_.join();
  stopping_ = false;
  if (token_ == 0) return Status::Ok();
  const int64_t token = token_;
  token_ = 0;
  // Expire it rather than delete it: the token sequence must keep growing.
  return Exec(conn,
              fmt::format("UPDATE {} SET expires_at = now() - interval '1 second' WHERE name = "
                          "$1 AND token = $2",
                          table_),
              {name_, std::to_string(token)})
      .status;
}

Query Lease::FenceQuery() const {
  return {fmt::format("SELECT CAST(CASE WHEN EXISTS (SELECT 1 FROM {} WHERE name = $1 AND token = "
                      "$2::bigint AND expires_at > now() FOR SHARE) THEN '1' ELSE '{}' END AS "
                      "integer)",
                      table_, kLostMessage),
          {name_, std::to_string(token_)}};
}

}  // namespace strata::drivers::pg
