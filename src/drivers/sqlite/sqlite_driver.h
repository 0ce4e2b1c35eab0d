// The SQLite driver: the only code that includes sqlite3.h.
//
// Locking: an flock(2) on the database file, held for the whole run, so two
// strata processes never migrate the same file at once; the kernel drops it
// when the process dies. flock locks are independent of SQLite's own POSIX
// record locks, and the descriptor stays open until after sqlite3_close so
// closing it cannot release SQLite's locks.
//
// Durability: while migrating, the database runs in WAL mode with
// synchronous=NORMAL and no automatic checkpoints, so each migration's commit
// is atomic and survives a killed process but costs no fsync; Sync()
// checkpoints with fsync once at the end of the run and restores the previous
// journal mode. A power loss mid-run can lose the last commits but never
// corrupts the file or splits a migration from its ledger row.
#pragma once

#include <memory>
#include <string>

#include "strata/driver.h"

namespace strata::drivers {

// `path` is a file name or ":memory:".
Result<std::unique_ptr<Driver>> OpenSqlite(const std::string& path, const DriverOptions& options);

// Splits with SQLite's own tokenizer (sqlite3_complete), so semicolons inside
// strings, quoted identifiers, comments and trigger bodies are handled.
Result<std::vector<Statement>> SplitSqlite(std::string_view script);

}  // namespace strata::drivers
