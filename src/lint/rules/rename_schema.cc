// Hazard 35: ALTER SCHEMA ... RENAME TO breaks running code.
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

class RenameSchema final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "rename-schema", LintSeverity::kError, "ALTER SCHEMA ... RENAME TO",
        "Backward-incompatible: every qualified name and search_path entry the running "
        "application uses stops resolving",
        "Create the new schema and move objects over gradually (or point search_path at both) "
        "while code switches; drop the old schema last"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const sql::ParsedStatement& statement = context.statement;
    if (statement.kind != StatementKind::kRename || statement.object != ObjectKind::kSchema) return;
    // ALTER SCHEMA old RENAME TO new keeps the old name in `old_name`.
    const std::string old_name =
        statement.old_name.empty() ? statement.relation.name : statement.old_name;
    for (size_t i = 0; i < context.index; ++i) {
      const sql::ParsedStatement& earlier = context.statements[i];
      if (earlier.kind == StatementKind::kCreateSchema && earlier.relation.name == old_name) return;
    }
    out.Report(statement.offset,
               fmt::format("renaming schema {} to {} breaks code that still uses the old name",
                           sql::QualifiedName{{}, old_name}.Display(),
                           sql::QualifiedName{{}, statement.new_name}.Display()));
  }
};

}  // namespace

std::unique_ptr<Rule> MakeRenameSchema() { return std::make_unique<RenameSchema>(); }

}  // namespace strata::lint
