// Hazard 7: VALIDATE CONSTRAINT in the transaction that added it NOT VALID.
#include <set>

#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

class ValidateSameTx final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "validate-same-tx", LintSeverity::kWarning,
        "VALIDATE CONSTRAINT in the same transaction as its ADD ... NOT VALID",
        "The ACCESS EXCLUSIVE (CHECK) or SHARE ROW EXCLUSIVE (foreign key) lock taken by the ADD "
        "is held until COMMIT, so the validation scan runs under it: NOT VALID buys nothing",
        "Validate in a later migration, or after a COMMIT in a no-transaction migration"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const sql::ParsedStatement& statement = context.statement;
    if (statement.kind != StatementKind::kAlterTable) return;
    const LintState& state = context.state;
    if (state.IsNew(statement.relation)) return;
    // One statement is one transaction even in autocommit.
    std::set<std::string> added_here;
    for (const sql::AlterAction& action : statement.actions) {
      if (action.kind == AlterKind::kAddConstraint && action.constraint.not_valid) {
        added_here.insert(action.constraint.name);
      }
      if (action.kind != AlterKind::kValidateConstraint) continue;
      const bool same_tx = added_here.count(action.name) != 0 ||
                           (state.in_transaction() &&
                            state.AddedNotValidInTransaction(statement.relation, action.name));
      if (!same_tx) continue;
      out.Report(
          action.offset,
          fmt::format("VALIDATE CONSTRAINT {} on {} runs in the transaction that added it "
                      "NOT VALID: the scan runs under the ADD's lock",
                      sql::QualifiedName{{}, action.name}.Display(), statement.relation.Display()));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeValidateSameTx() { return std::make_unique<ValidateSameTx>(); }

}  // namespace strata::lint
