// Hazard 26: a whole-table UPDATE or DELETE inside a schema migration.
//
// Heuristic: the statement model says whether an UPDATE/DELETE has a WHERE
// clause (`has_where`), not how many rows it matches. A statement without one
// touches every row and is reported; one with a WHERE clause is taken to be a
// targeted fix (by key, a handful of rows) and stays quiet. A WHERE that
// still matches most rows (`WHERE col IS NULL` on a fresh column) is
// therefore not caught: review backfills of that shape by hand.
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

class BackfillInMigration final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "backfill-in-migration", LintSeverity::kWarning,
        "UPDATE or DELETE of every row of an existing table inside a migration",
        "One long transaction: a row lock on every row, a burst of WAL, replica lag and bloat; "
        "with DDL in the same transaction its locks are held throughout",
        "Backfill in batches (by key range) from a separate job, outside the DDL transaction, "
        "with a pause between batches"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const sql::ParsedStatement& statement = context.statement;
    if (statement.kind != StatementKind::kUpdate && statement.kind != StatementKind::kDelete) {
      return;
    }
    if (statement.has_where || context.state.IsNewOrSmall(statement.relation)) return;
    out.Report(statement.offset,
               fmt::format("{} without WHERE touches every row of {}",
                           statement.kind == StatementKind::kUpdate ? "UPDATE" : "DELETE",
                           statement.relation.Display()));
  }
};

}  // namespace

std::unique_ptr<Rule> MakeBackfillInMigration() { return std::make_unique<BackfillInMigration>(); }

}  // namespace strata::lint
