// Columns a statement declares, for the type-design rules (add-json-column,
// prefer-bigint, prefer-identity, prefer-text, char-field,
// timestamp-without-tz): CREATE TABLE columns, ALTER TABLE ADD COLUMN, and the
// target type of ALTER COLUMN ... TYPE. They apply to new tables too: the
// concern is the design, not the lock.
#pragma once

#include <fmt/format.h>

#include <string>
#include <vector>

#include "lint/rule.h"
#include "sql/pg_statement.h"

namespace strata::lint {

struct DeclaredColumn {
  const sql::ColumnInfo& column;  // for ALTER COLUMN TYPE only name and type are set
  size_t offset;                  // where to report it
  bool type_change = false;       // ALTER COLUMN ... TYPE
};

inline std::vector<DeclaredColumn> DeclaredColumns(const sql::ParsedStatement& statement) {
  std::vector<DeclaredColumn> out;
  if (statement.kind == sql::StatementKind::kCreateTable) {
    for (const sql::ColumnInfo& column : statement.columns) {
      out.push_back({column, column.offset != 0 ? column.offset : statement.offset});
    }
  } else if (statement.kind == sql::StatementKind::kAlterTable) {
    for (const sql::AlterAction& action : statement.actions) {
      if (action.kind == sql::AlterKind::kAddColumn) {
        out.push_back({action.column_def, action.offset});
      } else if (action.kind == sql::AlterKind::kAlterColumnType) {
        out.push_back({action.column_def, action.offset, true});
      }
    }
  }
  return out;
}

// `schema.table.column`, quoted where PostgreSQL would need it.
inline std::string ColumnDisplay(const sql::QualifiedName& table, const std::string& column) {
  return fmt::format("{}.{}", table.Display(), sql::QualifiedName{{}, column}.Display());
}

// Whether an earlier statement of this script added `column` to `table`
// (ALTER TABLE ... ADD COLUMN): no running code depends on it yet.
inline bool ColumnAddedEarlier(const StatementContext& context, const sql::QualifiedName& table,
                               const std::string& column) {
  const std::string key = context.state.Key(table);
  for (size_t i = 0; i < context.index; ++i) {
    const sql::ParsedStatement& earlier = context.statements[i];
    if (earlier.kind != sql::StatementKind::kAlterTable ||
        context.state.Key(earlier.relation) != key) {
      continue;
    }
    for (const sql::AlterAction& action : earlier.actions) {
      if (action.kind == sql::AlterKind::kAddColumn && action.column == column) return true;
    }
  }
  return false;
}

// A built-in type (no schema) of this canonical name.
inline bool IsBuiltin(const sql::TypeInfo& type, std::string_view name) {
  return type.schema.empty() && type.name == name;
}

}  // namespace strata::lint
