// Hazard 31: DROP SCHEMA of a schema this migration did not create.
#include "base/strings.h"
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

bool CreatedEarlier(const StatementContext& context, const std::string& schema) {
  for (size_t i = 0; i < context.index; ++i) {
    const sql::ParsedStatement& earlier = context.statements[i];
    if (earlier.kind == StatementKind::kCreateSchema && earlier.relation.name == schema) {
      return true;
    }
  }
  return false;
}

class DropSchema final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "drop-schema", LintSeverity::kError, "DROP SCHEMA",
        "Drops the schema and, with CASCADE, every table, view, function and type in it: data "
        "loss on a large scale",
        "Deprecate the objects one by one and drop each explicitly in later migrations; drop "
        "the empty schema last, without CASCADE"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const sql::ParsedStatement& statement = context.statement;
    if (statement.kind != StatementKind::kDrop || statement.object != ObjectKind::kSchema) return;
    std::vector<std::string> schemas;
    for (const sql::QualifiedName& schema : statement.relations) {
      if (!CreatedEarlier(context, schema.name)) schemas.push_back(schema.Display());
    }
    if (schemas.empty()) return;
    const std::string names = base::Join(schemas, ", ");
    const char* them = schemas.size() == 1 ? "it" : "them";
    out.Report(statement.offset,
               statement.cascade
                   ? fmt::format("DROP SCHEMA {} CASCADE drops every object in {}", names, them)
                   : fmt::format("DROP SCHEMA {} removes {} for every application using {}", names,
                                 them, them));
  }
};

}  // namespace

std::unique_ptr<Rule> MakeDropSchema() { return std::make_unique<DropSchema>(); }

}  // namespace strata::lint
