// Hazard 14: ALTER COLUMN ... TYPE that rewrites the table.
//
// Binary-coercible changes are catalog-only (PostgreSQL relabels the column
// and keeps the data and indexes): varchar(n) -> varchar(m >= n) / varchar /
// text, text -> varchar, numeric(p,s) -> numeric(p2 >= p, s) / numeric,
// varbit(n) -> varbit(m >= n) / varbit, cidr -> inet, and a larger (or
// default) fractional-seconds precision of the time types. Everything else
// rewrites. The old type comes from the CREATE TABLE / ADD COLUMN / earlier
// TYPE change seen so far; when it is unknown and the target could be a
// relabel, the message says so rather than staying quiet.
#include <optional>

#include "lint/rules/phrases.h"
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

std::optional<int64_t> First(const sql::TypeInfo& type) {
  if (type.modifiers.empty()) return std::nullopt;
  return type.modifiers.front();
}

// Unlimited (nullopt) counts as larger than any limit.
bool NotSmaller(std::optional<int64_t> to, std::optional<int64_t> from) {
  return !to || (from && *to >= *from);
}

bool IsTimeType(const std::string& name) {
  return name == "timestamp" || name == "timestamptz" || name == "time" || name == "timetz" ||
         name == "interval";
}

bool IsText(const sql::TypeInfo& type) {
  return type.name == "text" || (type.name == "varchar" && type.modifiers.empty());
}

// Whether changing `from` to `to` needs no rewrite.
bool BinaryCoercible(const sql::TypeInfo& from, const sql::TypeInfo& to) {
  if (from.is_array != to.is_array || from.schema != to.schema) return false;
  if (from.name == to.name && from.modifiers == to.modifiers) return true;
  if (from.is_array || !from.schema.empty()) return false;
  if (from.name == "varchar" && to.name == "varchar") return NotSmaller(First(to), First(from));
  if ((from.name == "varchar" || from.name == "text") && IsText(to)) return true;
  if (from.name == "varbit" && to.name == "varbit") return NotSmaller(First(to), First(from));
  if (from.name == "cidr" && to.name == "inet") return true;
  if (from.name == "numeric" && to.name == "numeric") {
    if (to.modifiers.empty()) return true;
    if (from.modifiers.empty()) return false;
    const int64_t from_scale = from.modifiers.size() > 1 ? from.modifiers[1] : 0;
    const int64_t to_scale = to.modifiers.size() > 1 ? to.modifiers[1] : 0;
    return to.modifiers[0] >= from.modifiers[0] && to_scale == from_scale;
  }
  // Without a precision the time types keep 6 digits, the maximum.
  if (IsTimeType(from.name) && from.name == to.name) {
    return NotSmaller(First(to), First(from).value_or(6));
  }
  return false;
}

// For an unknown old type: the old types from which this target is a relabel.
std::string RelabelHint(const sql::TypeInfo& to) {
  if (to.is_array || !to.schema.empty()) return {};
  if (IsText(to)) return "unless the column is already varchar/text";
  if (to.name == "varchar") {
    return fmt::format("unless the column is varchar({}) or shorter", to.modifiers.front());
  }
  if (to.name == "numeric") {
    return to.modifiers.empty() ? "unless the column is already numeric"
                                : "unless the column is numeric of lower precision and the "
                                  "same scale";
  }
  if (to.name == "varbit") return "unless the column is a shorter varbit";
  if (to.name == "inet") return "unless the column is cidr";
  if (IsTimeType(to.name)) return fmt::format("unless the column is already {}", to.name);
  return {};
}

class ChangeColumnType final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "change-column-type", LintSeverity::kError,
        "ALTER COLUMN ... TYPE that rewrites an existing table",
        "ACCESS EXCLUSIVE on the table (reads and writes wait) while every row is rewritten and "
        "every index rebuilt",
        "Add a new column of the new type, keep both in step with a trigger, backfill in "
        "batches, switch the application over, then drop the old column (binary-coercible "
        "changes such as varchar(n) -> text are catalog-only and need none of this)"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const sql::ParsedStatement& statement = context.statement;
    if (statement.kind != StatementKind::kAlterTable) return;
    const LintState& state = context.state;
    if (state.IsNewOrSmall(statement.relation)) return;
    for (const sql::AlterAction& action : statement.actions) {
      if (action.kind != AlterKind::kAlterColumnType) continue;
      const sql::TypeInfo& to = action.column_def.type;
      const std::optional<sql::TypeInfo> from =
          state.KnownColumnType(statement.relation, action.column);
      std::string note;
      if (action.has_using) {
        note =
            ", unless the USING expression is the bare column and the change is "
            "binary-coercible";
      } else if (from) {
        if (BinaryCoercible(*from, to)) continue;
        note = fmt::format(" (the column is {})", from->Display());
        if (from->name == "timestamp" && to.name == "timestamptz") {
          note += "; only a session TimeZone of UTC avoids the rewrite";
        }
      } else if (std::string hint = RelabelHint(to); !hint.empty()) {
        note = ", " + hint;
      }
      out.Report(action.offset,
                 fmt::format("{} TYPE {} rewrites {} and rebuilds its indexes under ACCESS "
                             "EXCLUSIVE{}",
                             AlterColumnPhrase(statement.relation, action.column), to.Display(),
                             statement.relation.Display(), note));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeChangeColumnType() { return std::make_unique<ChangeColumnType>(); }

}  // namespace strata::lint
