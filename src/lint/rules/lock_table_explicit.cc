// Hazard 23: an explicit LOCK TABLE in a mode that blocks reads or writes.
#include <algorithm>

#include "base/strings.h"
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

// Modes that conflict with no INSERT/UPDATE/DELETE/SELECT: they only keep
// DDL (or VACUUM) away, which is what a migration may legitimately want.
bool BlocksNoDml(const std::string& mode) {
  static const char* const kWeak[] = {"ACCESS SHARE", "ROW SHARE", "ROW EXCLUSIVE",
                                      "SHARE UPDATE EXCLUSIVE"};
  return std::find(std::begin(kWeak), std::end(kWeak), mode) != std::end(kWeak);
}

class LockTableExplicit final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "lock-table-explicit", LintSeverity::kWarning,
        "LOCK TABLE in a mode that blocks reads or writes (the default is ACCESS EXCLUSIVE)",
        "The lock is held until the transaction ends: everything the mode conflicts with waits, "
        "and queues behind it",
        "Avoid explicit locks; if one is needed take the weakest mode that works, set "
        "lock_timeout first and keep the transaction short"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const sql::ParsedStatement& statement = context.statement;
    if (statement.kind != StatementKind::kLockTable || BlocksNoDml(statement.lock_mode)) return;
    std::vector<std::string> tables;
    for (const sql::QualifiedName& table : statement.relations) {
      if (!context.state.IsNew(table)) tables.push_back(table.Display());
    }
    if (tables.empty()) return;
    const char* blocks = statement.lock_mode == "ACCESS EXCLUSIVE" ? "reads and writes" : "writes";
    out.Report(statement.offset,
               fmt::format("LOCK {} IN {} MODE blocks {} until the transaction ends",
                           base::Join(tables, ", "), statement.lock_mode, blocks));
  }
};

}  // namespace

std::unique_ptr<Rule> MakeLockTableExplicit() { return std::make_unique<LockTableExplicit>(); }

}  // namespace strata::lint
