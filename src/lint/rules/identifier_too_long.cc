// Hazard 47: identifiers over PostgreSQL's 63-byte limit.
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

// The first 63 bytes, cut back to a whole UTF-8 character as PostgreSQL does.
std::string Truncated(const std::string& name) {
  size_t length = 63;
  while (length > 0 && (static_cast<unsigned char>(name[length]) & 0xC0) == 0x80) --length;
  return name.substr(0, length);
}

class IdentifierTooLong final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "identifier-too-long", LintSeverity::kError, "An identifier longer than 63 bytes",
        "PostgreSQL truncates it to 63 bytes with only a NOTICE: later references by the full "
        "name fail, and two long names can collide",
        "Choose a name of at most 63 bytes"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    for (const std::string& name : context.statement.long_identifiers) {
      out.Report(context.statement.offset,
                 fmt::format("identifier {} is {} bytes; PostgreSQL keeps only the first 63 "
                             "({})",
                             sql::QualifiedName{{}, name}.Display(), name.size(),
                             sql::QualifiedName{{}, Truncated(name)}.Display()));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeIdentifierTooLong() { return std::make_unique<IdentifierTooLong>(); }

}  // namespace strata::lint
