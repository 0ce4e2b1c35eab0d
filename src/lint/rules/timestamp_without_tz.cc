// Hazard 46: timestamp without time zone columns.
#include "lint/rules/declared_columns.h"
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

class TimestampWithoutTz final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "timestamp-without-tz", LintSeverity::kWarning, "timestamp without time zone columns",
        "The offset of every value written is silently dropped: the same instant reads "
        "differently depending on the session's TimeZone",
        "timestamptz (timestamp with time zone)"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    for (const DeclaredColumn& declared : DeclaredColumns(context.statement)) {
      if (!IsBuiltin(declared.column.type, "timestamp")) continue;
      out.Report(declared.offset,
                 fmt::format("{} is timestamp without time zone: use timestamptz",
                             ColumnDisplay(context.statement.relation, declared.column.name)));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeTimestampWithoutTz() { return std::make_unique<TimestampWithoutTz>(); }

}  // namespace strata::lint
