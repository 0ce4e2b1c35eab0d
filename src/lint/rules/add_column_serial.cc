// Hazard 11: ADD COLUMN of type serial / bigserial / smallserial.
#include "lint/rules/phrases.h"
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

bool IsSerial(const sql::TypeInfo& type) {
  return type.schema.empty() && !type.is_array &&
         (type.name == "serial" || type.name == "bigserial" || type.name == "smallserial");
}

class AddColumnSerial final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "add-column-serial", LintSeverity::kError,
        "ADD COLUMN serial/bigserial on an existing table",
        "The implicit nextval() default is volatile: ACCESS EXCLUSIVE on the table (reads and "
        "writes wait) while the whole table and its indexes are rewritten",
        "Add a nullable bigint column, create a sequence and SET DEFAULT nextval(...) (catalog "
        "only), backfill existing rows in batches, then add NOT NULL safely; or build a new table"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const sql::ParsedStatement& statement = context.statement;
    if (statement.kind != StatementKind::kAlterTable) return;
    if (context.state.IsNewOrSmall(statement.relation)) return;
    for (const sql::AlterAction& action : statement.actions) {
      if (action.kind != AlterKind::kAddColumn || !IsSerial(action.column_def.type)) continue;
      out.Report(action.offset,
                 fmt::format("{} takes its values from a sequence (a volatile default): every row "
                             "of {} is rewritten under ACCESS EXCLUSIVE",
                             AddColumnPhrase(statement.relation, action.column_def),
                             statement.relation.Display()));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeAddColumnSerial() { return std::make_unique<AddColumnSerial>(); }

}  // namespace strata::lint
