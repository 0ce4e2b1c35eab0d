// The SQLite IntegrityChecker, inside one read transaction:
//   - orphaned rows: PRAGMA foreign_key_check (whether or not foreign_keys
//     is on), grouped per table and foreign key, with up to five of the
//     offending rows' key values (none for a WITHOUT ROWID table: the pragma
//     cannot point at its rows). SQLite keeps no names for foreign keys:
//     they are named as the Inspector names them, "foreign key (a, b)
//     references parent";
//   - AUTOINCREMENT counters behind: a sqlite_sequence row below the
//     table's max(rowid), so ids of rows deleted later can be handed out again;
//   - PRAGMA quick_check failures (a damaged file, rows breaking a CHECK or
//     NOT NULL constraint), as one finding with the first messages.
// strata's ledger table (DriverOptions::ledger_table) and SQLite's own
// sqlite_% tables are left out; quick_check covers the whole file.
#pragma once

#include <memory>

#include "schema/integrity.h"
#include "strata/driver.h"

namespace strata::drivers {

// Reads through `driver`, an SQLite driver that must outlive the checker;
// runs only queries, in its own transaction.
std::unique_ptr<schema::IntegrityChecker> NewSqliteIntegrityChecker(Driver& driver,
                                                                    const DriverOptions& options);

}  // namespace strata::drivers
