// The migration lock for connections that cannot hold a session advisory lock
// (PgBouncer in transaction mode): a lease row with an owner, an expiry and a
// fencing token, taken and renewed in short transactions. A heartbeat thread
// on its own connection renews it while the run lasts; an expired lease is
// taken over with a new token, and every ledger write checks the token, so a
// migrator that lost its lease cannot record anything.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "drivers/postgres/pg_connection.h"
#include "strata/driver.h"

namespace strata::drivers::pg {

class Lease {
 public:
  // `connect` opens a new connection (for the heartbeat); `table` is the
  // quoted lease table; `name` identifies the ledger the lease guards.
  Lease(std::function<ConnPtr()> connect, std::string schema, std::string table, std::string name,
        std::chrono::milliseconds ttl);
  ~Lease();
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;

  Status Acquire(PGconn* conn, std::chrono::milliseconds timeout, const LockWaitCallback& on_wait);
  Status Release(PGconn* conn);
  bool held() const { return token_ > 0; }

  // A query that fails (and so aborts the transaction around it) unless this
  // lease is still held, locking the lease row until the transaction ends so
  // no takeover can commit in between.
  Query FenceQuery() const;
  // The message of a failed fence, to recognize it among server errors.
  static constexpr const char* kLostMessage = "strata: the migration lease was lost";

 private:
  Status EnsureTable(PGconn* conn);
  void Heartbeat();

  std::function<ConnPtr()> connect_;
  std::string schema_;
  std::string table_;
  std::string name_;
  std::chrono::milliseconds ttl_;
  std::string owner_;
  int64_t token_ = 0;
  std::thread heartbeat_;
  std::mutex mutex_;
  std::condition_variable stop_signal_;
  bool stopping_ = false;
};

}  // namespace strata::drivers::pg
