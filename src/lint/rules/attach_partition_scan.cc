// Hazard 19: ATTACH PARTITION scanning the attached table to prove its bound.
//
// PostgreSQL skips the scan when a validated CHECK constraint on the
// partition implies the partition bound. strata does not compare the CHECK
// with the bound: any validated CHECK added to (or created with) the
// partition earlier in the files linted counts as the matching one, which is
// what the safe recipe does.
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

class AttachPartitionScan final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "attach-partition-scan", LintSeverity::kWarning,
        "ALTER TABLE ... ATTACH PARTITION of an existing table without a pre-validated CHECK "
        "matching the bound",
        "ACCESS EXCLUSIVE on the attached table (SHARE UPDATE EXCLUSIVE on the parent, "
        "PostgreSQL 12+) while every row is scanned to prove the partition bound; a default "
        "partition is scanned too",
        "First ADD CONSTRAINT ... CHECK (<the partition bound>) NOT VALID on the table and "
        "VALIDATE CONSTRAINT it (no blocking lock), with the key columns NOT NULL; ATTACH then "
        "skips the scan, and the CHECK can be dropped afterwards"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const sql::ParsedStatement& statement = context.statement;
    if (statement.kind != StatementKind::kAlterTable) return;
    const LintState& state = context.state;
    for (const sql::AlterAction& action : statement.actions) {
      if (action.kind != AlterKind::kAttachPartition) continue;
      // The scan runs over the attached table.
      const sql::QualifiedName& partition = action.partition;
      if (state.IsNewOrSmall(partition) || state.HasValidatedCheck(partition)) continue;
      out.Report(
          action.offset,
          fmt::format("ALTER TABLE {} ATTACH PARTITION {} scans every row of {} under "
                      "ACCESS EXCLUSIVE to prove the partition bound",
                      statement.relation.Display(), partition.Display(), partition.Display()));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeAttachPartitionScan() { return std::make_unique<AttachPartitionScan>(); }

}  // namespace strata::lint
