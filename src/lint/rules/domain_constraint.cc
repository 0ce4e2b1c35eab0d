// Hazard 41: CHECK constraints on domains.
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

class DomainConstraint final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "domain-constraint", LintSeverity::kWarning,
        "CREATE DOMAIN ... CHECK, ALTER DOMAIN ... ADD CONSTRAINT",
        "Adding or changing the domain's constraint scans every column of every table using "
        "the domain; converting a column to a constrained domain rewrites it",
        "Put the CHECK on the columns themselves (added NOT VALID, validated later)"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const sql::ParsedStatement& statement = context.statement;
    const bool create = statement.kind == StatementKind::kCreateDomain;
    if (!create && statement.kind != StatementKind::kAlterDomain) return;
    for (const sql::ConstraintInfo& constraint : statement.constraints) {
      // CREATE DOMAIN ... NOT NULL is a plain column property; ALTER DOMAIN
      // ADD of any constraint checks every column using the domain.
      if (create && constraint.kind != ConstraintKind::kCheck) continue;
      const size_t at = constraint.offset != 0 ? constraint.offset : statement.offset;
      out.Report(at, create ? fmt::format("domain {} carries a CHECK constraint",
                                          statement.relation.Display())
                            : fmt::format("adding a constraint to domain {} checks every column "
                                          "that uses it",
                                          statement.relation.Display()));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeDomainConstraint() { return std::make_unique<DomainConstraint>(); }

}  // namespace strata::lint
