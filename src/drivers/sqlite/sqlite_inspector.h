// The SQLite Inspector: sqlite_schema joined with the table-valued pragmas
// (pragma_table_list, pragma_table_xinfo, pragma_index_list,
// pragma_index_xinfo, pragma_foreign_key_list), one query per kind of object,
// inside one read transaction.
//
// Left out: SQLite's own sqlite_% objects, the shadow tables of virtual
// tables, and strata's ledger table (DriverOptions::ledger_table) with its
// indexes and triggers. SQLite keeps no names for PRIMARY KEY, UNIQUE and
// FOREIGN KEY constraints: they are named after what identifies them
// ("primary key", "unique (a, b)", "foreign key (a) references t"). CHECK
// constraints and DEFERRABLE are not reported (the pragmas do not show them).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "schema/inspector.h"
#include "strata/driver.h"

namespace strata::drivers {

// Reads through `driver`, an SQLite driver that must outlive the inspector;
// runs only queries, in its own transaction.
std::unique_ptr<schema::Inspector> NewSqliteInspector(Driver& driver, const DriverOptions& options);

// The key list and WHERE clause of a CREATE INDEX statement, as written:
// "CREATE INDEX i ON t (lower(a), b DESC) WHERE c > 0" gives keys
// {"lower(a)", "b DESC"} and predicate "c > 0". Quotes and nested
// parentheses are respected.
struct IndexText {
  std::vector<std::string> keys;
  std::string predicate;
};
IndexText ParseSqliteIndex(std::string_view create_index);

}  // namespace strata::drivers
