// Hazard 16: ADD PRIMARY KEY (constraint or column) building its index in
// place.
//
// ADD PRIMARY KEY USING INDEX is quiet: the index exists already. It still
// sets NOT NULL on the key columns, which scans the table when they are
// nullable, but strata does not track column nullability across migrations,
// so it cannot tell; the fix text says to make the columns NOT NULL first.
#include "lint/rules/phrases.h"
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

class AddPrimaryKey final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "add-primary-key", LintSeverity::kError,
        "ADD PRIMARY KEY / ADD COLUMN ... PRIMARY KEY on an existing table",
        "ACCESS EXCLUSIVE on the table (reads and writes wait) while the unique index is built, "
        "plus a full scan to set NOT NULL on nullable key columns; fails on duplicates",
        "Make the key columns NOT NULL safely first (see set-not-null), CREATE UNIQUE INDEX "
        "CONCURRENTLY in a no-transaction migration, then ADD CONSTRAINT ... PRIMARY KEY USING "
        "INDEX (instant)"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const sql::ParsedStatement& statement = context.statement;
    if (statement.kind != StatementKind::kAlterTable) return;
    if (context.state.IsNewOrSmall(statement.relation)) return;
    const sql::QualifiedName& table = statement.relation;
    for (const sql::AlterAction& action : statement.actions) {
      if (action.kind == AlterKind::kAddConstraint &&
          action.constraint.kind == ConstraintKind::kPrimaryKey &&
          action.constraint.using_index.empty()) {
        out.Report(action.offset,
                   fmt::format("{} builds its index while holding ACCESS EXCLUSIVE on {}",
                               AddConstraintPhrase(table, action.constraint, "PRIMARY KEY"),
                               table.Display()));
      } else if (action.kind == AlterKind::kAddColumn && action.column_def.primary_key) {
        out.Report(action.offset,
                   fmt::format("{} PRIMARY KEY builds its index while holding ACCESS EXCLUSIVE "
                               "on {}",
                               AddColumnPhrase(table, action.column_def), table.Display()),
                   "Add the column without PRIMARY KEY, fill it and make it NOT NULL safely, "
                   "CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... PRIMARY KEY USING "
                   "INDEX");
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeAddPrimaryKey() { return std::make_unique<AddPrimaryKey>(); }

}  // namespace strata::lint
