#include "schema/integrity.h"

#include <algorithm>
#include <tuple>

namespace strata::schema {

const char* IntegrityKindName(IntegrityFinding::Kind kind) {
  switch (kind) {
    case IntegrityFinding::Kind::kOrphanedRows:
      return "orphaned_rows";
    case IntegrityFinding::Kind::kInvalidIndex:
      return "invalid_index";
    case IntegrityFinding::Kind::kNotValidConstraint:
      return "not_valid_constraint";
    case IntegrityFinding::Kind::kSequenceBehind:
      return "sequence_behind";
    case IntegrityFinding::Kind::kQuickCheck:
      return "quick_check";
  }
  return "unknown";
}

void SortFindings(std::vector<IntegrityFinding>& findings) {
  std::stable_sort(
      findings.begin(), findings.end(), [](const IntegrityFinding& a, const IntegrityFinding& b) {
        return std::tie(a.kind, a.object, a.detail) < std::tie(b.kind, b.object, b.detail);
      });
}

}  // namespace strata::schema
