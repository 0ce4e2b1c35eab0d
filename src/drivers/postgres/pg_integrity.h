// The PostgreSQL IntegrityChecker. Inside one REPEATABLE READ READ ONLY
// transaction (one snapshot; nothing is written or locked beyond ACCESS
// SHARE) it reports:
//   - orphaned rows: one catalog query lists every foreign key (NOT VALID
//     ones too), then one query per key counts the referencing rows with no
//     match and returns up to five of their keys. MATCH SIMPLE: a row with
//     any NULL key column is not an orphan; MATCH FULL: all NULL is fine,
//     partly NULL is an orphan. Keys are compared with the constraint's own
//     equality operators (conpfeqop), as PostgreSQL's checks do;
//   - INVALID indexes (pg_index.indisvalid false);
//   - NOT VALID constraints (CHECK, FOREIGN KEY, NOT NULL, and on domains),
//     with how many rows VALIDATE CONSTRAINT would reject for table CHECKs
//     and foreign keys;
//   - sequences owned by an integer column (serial: pg_depend 'a'; identity:
//     'i') whose next value is at or below max(column) (ascending) or at or
//     above min(column) (descending): one query per sequence.
// Left out like the Inspector leaves them out: PostgreSQL's own schemas,
// extension members, and strata's ledger and lease tables.
#pragma once

#include <memory>

#include "schema/integrity.h"
#include "strata/driver.h"

namespace strata::drivers {

// Reads through `driver`, a PostgreSQL driver that must outlive the checker;
// runs only queries, in its own transaction.
std::unique_ptr<schema::IntegrityChecker> NewPostgresIntegrityChecker(Driver& driver,
                                                                      const DriverOptions& options);

}  // namespace strata::drivers
