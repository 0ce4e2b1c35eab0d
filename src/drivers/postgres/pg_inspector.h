// The PostgreSQL Inspector: reads pg_catalog with one query per kind of
// object (pg_catalog_queries.h), inside one REPEATABLE READ READ ONLY
// transaction so every query sees the same snapshot, with an empty
// search_path so every name in rendered text is schema-qualified.
//
// Left out: the pg_catalog, information_schema and pg_toast schemas and
// temporary schemas; objects that belong to an extension (pg_depend 'e');
// the partitions of a partitioned index and the clones of a partitioned
// table's constraints and triggers (they follow from the parent); identity
// sequences (they belong to their column); and strata's own tables, the
// ledger and its lease table (DriverOptions ledger_schema.ledger_table and
// ledger_table + "_lease"), with their indexes and constraints. The ledger
// schema itself is left out when strata's tables are all it holds.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "schema/inspector.h"
#include "strata/driver.h"

namespace strata::drivers {

// Reads through `driver`, a PostgreSQL driver that must outlive the
// inspector; runs only queries, in its own transaction.
std::unique_ptr<schema::Inspector> NewPostgresInspector(Driver& driver,
                                                        const DriverOptions& options);

// The elements of a one-dimensional array in PostgreSQL's text output
// ({a,"b c","d\"e"}); a NULL element becomes "".
std::vector<std::string> ParsePgArray(std::string_view text);

}  // namespace strata::drivers
