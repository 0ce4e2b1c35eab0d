// The PostgreSQL driver: the only code that includes libpq-fe.h.
//
// Locking: a session-level advisory lock on a key derived from the ledger's
// qualified name, taken with a pg_try_advisory_lock loop; the server releases
// it when the session ends, so a killed strata never leaves it behind.
// Statements are split with the real PostgreSQL scanner (libpg_query).
#pragma once

#include <memory>
#include <string>

#include "strata/driver.h"

namespace strata::drivers {

// `url` is anything libpq accepts (postgres://..., postgresql://...), so every
// libpq parameter and PG* environment variable works. application_name
// defaults to "strata".
Result<std::unique_ptr<Driver>> OpenPostgres(const std::string& url, const DriverOptions& options);

// The advisory-lock key for a ledger: the first 8 bytes of SHA-256 over
// "strata:<schema>.<table>", so different ledgers in one database do not
// block each other.
int64_t AdvisoryLockKey(const std::string& schema, const std::string& table);

}  // namespace strata::drivers
