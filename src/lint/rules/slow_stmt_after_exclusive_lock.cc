// Hazard 25: a slow statement (backfill, index build, validation scan,
// rewrite) later in a transaction that already holds ACCESS EXCLUSIVE on an
// existing table: the lock is kept until COMMIT, so the slow step blocks
// reads and writes on that table for its whole duration.
#include <optional>

#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

struct SlowStep {
  size_t offset;
  std::string what;
};

// The first part of an ALTER TABLE that scans or rewrites the table.
std::optional<SlowStep> SlowAlter(const StatementContext& context) {
  const sql::ParsedStatement& statement = context.statement;
  const std::string table = statement.relation.Display();
  for (const sql::AlterAction& action : statement.actions) {
    switch (action.kind) {
      case AlterKind::kValidateConstraint:
        return SlowStep{action.offset, fmt::format("VALIDATE CONSTRAINT scans {}", table)};
      case AlterKind::kAddConstraint:
        if (action.constraint.not_valid || !action.constraint.using_index.empty()) break;
        if (action.constraint.kind == ConstraintKind::kForeignKey ||
            action.constraint.kind == ConstraintKind::kCheck) {
          return SlowStep{
              action.offset,
              fmt::format(
                  "adding a validated {} scans {}",
                  action.constraint.kind == ConstraintKind::kCheck ? "CHECK" : "FOREIGN KEY",
                  table)};
        }
        if (action.constraint.kind == ConstraintKind::kPrimaryKey ||
            action.constraint.kind == ConstraintKind::kUnique) {
          return SlowStep{action.offset,
                          fmt::format("adding a constraint builds an index on {}", table)};
        }
        break;
      case AlterKind::kAlterColumnType:
        return SlowStep{action.offset,
                        fmt::format("ALTER COLUMN {} TYPE rewrites {}", action.column, table)};
      case AlterKind::kSetNotNull:
        if (context.state.HasValidatedNotNullCheck(statement.relation, action.column)) break;
        return SlowStep{action.offset,
                        fmt::format("SET NOT NULL on {} scans {}", action.column, table)};
      case AlterKind::kAddColumn: {
        const sql::ColumnInfo& column = action.column_def;
        const bool volatile_default = column.default_value.present &&
                                      column.default_value.volatility == sql::Volatility::kVolatile;
        const bool serial = column.type.schema.empty() &&
                            (column.type.name == "serial" || column.type.name == "bigserial" ||
                             column.type.name == "smallserial");
        if (volatile_default || serial || column.identity || column.generated_stored) {
          return SlowStep{action.offset,
                          fmt::format("ADD COLUMN {} rewrites {}", column.name, table)};
        }
        break;
      }
      default:
        break;
    }
  }
  return std::nullopt;
}

std::optional<SlowStep> SlowPart(const StatementContext& context) {
  const sql::ParsedStatement& statement = context.statement;
  switch (statement.kind) {
    case StatementKind::kUpdate:
    case StatementKind::kDelete:
      // Same heuristic as backfill-in-migration: a WHERE clause is taken to
      // target a few rows.
      if (statement.has_where || context.state.IsNewOrSmall(statement.relation)) break;
      return SlowStep{statement.offset,
                      fmt::format("{} of every row of {}",
                                  statement.kind == StatementKind::kUpdate ? "UPDATE" : "DELETE",
                                  statement.relation.Display())};
    case StatementKind::kCreateIndex:
      if (statement.only || context.state.IsNewOrSmall(statement.relation)) break;
      return SlowStep{statement.offset,
                      fmt::format("CREATE INDEX builds over {}", statement.relation.Display())};
    case StatementKind::kAlterTable:
      if (context.state.IsNewOrSmall(statement.relation)) break;
      return SlowAlter(context);
    default:
      break;
  }
  return std::nullopt;
}

class SlowStmtAfterExclusiveLock final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "slow-stmt-after-exclusive-lock", LintSeverity::kWarning,
        "A slow statement (backfill, index build, validation, rewrite) after an ACCESS "
        "EXCLUSIVE lock in the same transaction",
        "The ACCESS EXCLUSIVE lock is held until COMMIT: reads and writes on that table wait "
        "for the whole slow step",
        "COMMIT right after the statement that takes ACCESS EXCLUSIVE and run the slow step in "
        "its own transaction (or migration)"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const std::optional<size_t> locked_at = context.state.exclusive_lock_offset();
    if (!locked_at || !context.state.in_transaction()) return;
    const std::optional<SlowStep> slow = SlowPart(context);
    if (!slow) return;
    // Name the locking statement by kind: a line number here would be
    // relative to the script, not to the migration file it came from.
    std::string_view locker = "a statement";
    for (const sql::ParsedStatement& earlier : context.statements) {
      if (earlier.offset == *locked_at) locker = sql::StatementKindName(earlier.kind);
    }
    out.Report(slow->offset,
               fmt::format("{} while the ACCESS EXCLUSIVE lock that {} took on {} earlier in this "
                           "transaction is still held",
                           slow->what, locker, context.state.exclusive_lock_table().Display()));
  }
};

}  // namespace

std::unique_ptr<Rule> MakeSlowStmtAfterExclusiveLock() {
  return std::make_unique<SlowStmtAfterExclusiveLock>();
}

}  // namespace strata::lint
