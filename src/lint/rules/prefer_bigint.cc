// Hazard 42: 32- or 16-bit integers for id-like columns. Only columns that
// identify rows are reported (primary keys, foreign keys, `id` and `*_id`),
// not every integer: a status code or a counter is fine as int.
#include <algorithm>

#include "lint/rules/declared_columns.h"
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

bool IsNarrowInteger(const sql::TypeInfo& type) {
  if (!type.schema.empty() || type.is_array) return false;
  return type.name == "int4" || type.name == "int2" || type.name == "serial" ||
         type.name == "smallserial";
}

bool HasIdName(const std::string& name) {
  return name == "id" || (name.size() > 3 && name.compare(name.size() - 3, 3, "_id") == 0);
}

// Key columns of the statement's table-level PRIMARY KEY / FOREIGN KEY
// constraints (CREATE TABLE ..., PRIMARY KEY (a), FOREIGN KEY (b) ...).
bool InTableKey(const sql::ParsedStatement& statement, const std::string& column) {
  return std::any_of(
      statement.constraints.begin(), statement.constraints.end(),
      [&](const sql::ConstraintInfo& c) {
        return (c.kind == ConstraintKind::kPrimaryKey || c.kind == ConstraintKind::kForeignKey) &&
               std::find(c.columns.begin(), c.columns.end(), column) != c.columns.end();
      });
}

bool IsKeyColumn(const sql::ColumnInfo& column) {
  return column.primary_key || std::any_of(column.constraints.begin(), column.constraints.end(),
                                           [](const sql::ConstraintInfo& c) {
                                             return c.kind == ConstraintKind::kPrimaryKey ||
                                                    c.kind == ConstraintKind::kForeignKey;
                                           });
}

class PreferBigint final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "prefer-bigint", LintSeverity::kWarning,
        "int / smallint / serial for a primary key, foreign key or *_id column",
        "Ids run out at 2^31 (or 2^15); widening later is a full rewrite of the hottest tables "
        "and of every table referencing them",
        "Use bigint (bigint GENERATED ... AS IDENTITY for generated keys) for ids and the "
        "columns referencing them"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const sql::ParsedStatement& statement = context.statement;
    for (const DeclaredColumn& declared : DeclaredColumns(statement)) {
      const sql::ColumnInfo& column = declared.column;
      if (!IsNarrowInteger(column.type)) continue;
      if (!HasIdName(column.name) && !IsKeyColumn(column) && !InTableKey(statement, column.name)) {
        continue;
      }
      out.Report(declared.offset, fmt::format("id column {} is {}: use bigint",
                                              ColumnDisplay(statement.relation, column.name),
                                              column.type.Display()));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakePreferBigint() { return std::make_unique<PreferBigint>(); }

}  // namespace strata::lint
