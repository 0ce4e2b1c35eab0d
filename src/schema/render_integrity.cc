// IntegrityReportToJson and IntegrityReportToText (schema/integrity.h).
#include <fmt/format.h>

#include <map>

#include "base/strings.h"
#include "schema/integrity.h"

namespace strata::schema {

namespace {

using nlohmann::json;
using Kind = IntegrityFinding::Kind;

// Every kind, in report order: the summary lists them all, zeros included,
// so a consumer can read any key without checking that it is there.
constexpr Kind kKinds[] = {Kind::kOrphanedRows, Kind::kInvalidIndex, Kind::kNotValidConstraint,
                           Kind::kSequenceBehind, Kind::kQuickCheck};

json Nullable(const std::string& value) { return value.empty() ? json(nullptr) : json(value); }

std::string Plural(int64_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

}  // namespace

nlohmann::json IntegrityReportToJson(const IntegrityReport& report) {
  json findings = json::array();
  std::map<std::string, int64_t> summary;
  for (Kind kind : kKinds) summary[IntegrityKindName(kind)] = 0;
  for (const IntegrityFinding& f : report.findings) {
    ++summary[IntegrityKindName(f.kind)];
    findings.push_back({{"kind", IntegrityKindName(f.kind)},
                        {"object", f.object},
                        {"table", Nullable(f.table)},
                        {"detail", f.detail},
                        {"hint", Nullable(f.hint)},
                        {"count", f.count < 0 ? json(nullptr) : json(f.count)},
                        {"samples", f.samples}});
  }
  return {
      {"dialect", report.dialect},
      {"findings", findings},
      {"summary", summary},
      {"checked",
       {{"foreign_keys", report.foreign_keys_checked}, {"sequences", report.sequences_checked}}}};
}

std::string IntegrityReportToText(const IntegrityReport& report) {
  const std::string checked = fmt::format(
      "{} and {} checked", Plural(report.foreign_keys_checked, "foreign key", "foreign keys"),
      Plural(report.sequences_checked, "sequence", "sequences"));
  if (report.clean()) return fmt::format("no problems found ({})\n", checked);
  std::string out;
  std::map<Kind, int64_t> per_kind;
  for (const IntegrityFinding& f : report.findings) {
    ++per_kind[f.kind];
    out += fmt::format("{}  {}\n    {}\n", IntegrityKindName(f.kind), f.object, f.detail);
    if (!f.samples.empty()) {
      const char* label = f.kind == Kind::kQuickCheck ? "messages" : "sample keys";
      out += fmt::format("    {}: {}\n", label, base::Join(f.samples, "; "));
    }
    if (!f.hint.empty()) out += fmt::format("    fix: {}\n", f.hint);
  }
  std::vector<std::string> counts;
  for (const auto& [kind, n] : per_kind)
    counts.push_back(fmt::format("{} {}", n, IntegrityKindName(kind)));
  out += fmt::format("{}: {} ({})\n",
                     Plural(static_cast<int64_t>(report.findings.size()), "finding", "findings"),
                     base::Join(counts, ", "), checked);
  return out;
}

}  // namespace strata::schema
