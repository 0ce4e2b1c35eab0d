// Hazard 10: ADD COLUMN ... DEFAULT <volatile expression>.
//
// PostgreSQL 11+ stores a non-volatile default in the catalog and rewrites
// nothing; a volatile one (random(), gen_random_uuid(), clock_timestamp(),
// nextval()) must be evaluated per row, so the table is rewritten. now() and
// CURRENT_TIMESTAMP are STABLE: safe.
//
// A default calling a function strata's pg_proc table does not know (a user
// or extension function) is reported too, by this rule at its severity, with
// a message saying the volatility is unknown: CREATE FUNCTION defaults to
// VOLATILE, so an unknown function is more likely to rewrite than not.
// Silence it with `-- strata:ignore add-column-volatile-default -- reason`
// when the function is declared IMMUTABLE or STABLE.
#include "lint/rules/phrases.h"
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

// The first called function of the given volatility, as "f()"; else "".
std::string FunctionOf(const sql::ExpressionInfo& expression, sql::Volatility volatility) {
  for (const std::string& name : expression.functions) {
    if (sql::FunctionVolatility(name) == volatility) return name + "()";
  }
  return {};
}

class AddColumnVolatileDefault final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "add-column-volatile-default", LintSeverity::kError,
        "ADD COLUMN ... DEFAULT with a volatile expression on an existing table",
        "ACCESS EXCLUSIVE on the table (reads and writes wait) while the whole table and all "
        "its indexes are rewritten",
        "Add the column without a default (or with a constant one), SET DEFAULT for new rows "
        "(catalog only), then backfill existing rows in batches"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const sql::ParsedStatement& statement = context.statement;
    if (statement.kind != StatementKind::kAlterTable) return;
    if (context.state.IsNewOrSmall(statement.relation)) return;
    for (const sql::AlterAction& action : statement.actions) {
      if (action.kind != AlterKind::kAddColumn) continue;
      const sql::ExpressionInfo& value = action.column_def.default_value;
      if (!value.present) continue;
      const std::string column = AddColumnPhrase(statement.relation, action.column_def);
      if (value.volatility == sql::Volatility::kVolatile) {
        std::string function = FunctionOf(value, sql::Volatility::kVolatile);
        out.Report(action.offset,
                   fmt::format("{}: its DEFAULT calls {}, which is volatile, so every row of {} "
                               "is rewritten under ACCESS EXCLUSIVE",
                               column, function.empty() ? "a volatile function" : function,
                               statement.relation.Display()));
      } else if (value.volatility == sql::Volatility::kUnknown) {
        std::string function = FunctionOf(value, sql::Volatility::kUnknown);
        out.Report(action.offset,
                   fmt::format("{}: cannot tell whether DEFAULT {} is volatile; if it is, every "
                               "row of {} is rewritten under ACCESS EXCLUSIVE",
                               column, function.empty() ? "(...)" : function,
                               statement.relation.Display()));
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeAddColumnVolatileDefault() {
  return std::make_unique<AddColumnVolatileDefault>();
}

}  // namespace strata::lint
