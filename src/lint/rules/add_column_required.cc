// Hazard 9: ADD COLUMN ... NOT NULL without a DEFAULT.
#include "lint/rules/phrases.h"
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

bool IsSerial(const sql::TypeInfo& type) {
  return type.schema.empty() && !type.is_array &&
         (type.name == "serial" || type.name == "bigserial" || type.name == "smallserial");
}

class AddColumnRequired final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "add-column-required", LintSeverity::kError,
        "ADD COLUMN ... NOT NULL without DEFAULT on an existing table",
        "Fails on any table that has rows; once added, INSERTs from application versions that "
        "do not know the column fail",
        "Add the column nullable (then backfill and SET NOT NULL safely), or give it a "
        "non-volatile DEFAULT"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const sql::ParsedStatement& statement = context.statement;
    if (statement.kind != StatementKind::kAlterTable) return;
    // The harm is failure on existing rows, not duration: only a new
    // (empty) table is safe, however small a live one is.
    if (context.state.IsNew(statement.relation)) return;
    for (const sql::AlterAction& action : statement.actions) {
      if (action.kind != AlterKind::kAddColumn) continue;
      const sql::ColumnInfo& column = action.column_def;
      // Identity, generated and serial columns get a value in every row.
      if (!column.not_null || column.default_value.present || column.identity ||
          column.generated_stored || IsSerial(column.type)) {
        continue;
      }
      out.Report(
          action.offset,
          fmt::format("{} NOT NULL has no DEFAULT: it fails if {} has any row, and "
                      "INSERTs that omit the column fail",
                      AddColumnPhrase(statement.relation, column), statement.relation.Display()));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeAddColumnRequired() { return std::make_unique<AddColumnRequired>(); }

}  // namespace strata::lint
