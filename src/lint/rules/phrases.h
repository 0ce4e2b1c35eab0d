// How the locking rules name what they flag, so messages read alike:
// "ALTER TABLE orders ADD CONSTRAINT orders_ref_key UNIQUE",
// "ALTER TABLE orders ADD COLUMN token uuid".
#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

#include "base/strings.h"
#include "sql/pg_statement.h"

namespace strata::lint {

// "ALTER TABLE t ADD CONSTRAINT name KIND" or, unnamed, "ALTER TABLE t ADD
// KIND (col, ...)".
inline std::string AddConstraintPhrase(const sql::QualifiedName& table,
                                       const sql::ConstraintInfo& constraint,
                                       std::string_view kind) {
  if (!constraint.name.empty()) {
    return fmt::format("ALTER TABLE {} ADD CONSTRAINT {} {}", table.Display(),
                       sql::QualifiedName{{}, constraint.name}.Display(), kind);
  }
  if (constraint.columns.empty())
    return fmt::format("ALTER TABLE {} ADD {}", table.Display(), kind);
  std::vector<std::string> columns;
  for (const std::string& column : constraint.columns) {
    columns.push_back(sql::QualifiedName{{}, column}.Display());
  }
  return fmt::format("ALTER TABLE {} ADD {} ({})", table.Display(), kind,
                     base::Join(columns, ", "));
}

// "ALTER TABLE t ADD COLUMN name type".
inline std::string AddColumnPhrase(const sql::QualifiedName& table, const sql::ColumnInfo& column) {
  return fmt::format("ALTER TABLE {} ADD COLUMN {} {}", table.Display(),
                     sql::QualifiedName{{}, column.name}.Display(), column.type.Display());
}

// "ALTER TABLE t ALTER COLUMN name".
inline std::string AlterColumnPhrase(const sql::QualifiedName& table, const std::string& column) {
  return fmt::format("ALTER TABLE {} ALTER COLUMN {}", table.Display(),
                     sql::QualifiedName{{}, column}.Display());
}

}  // namespace strata::lint
