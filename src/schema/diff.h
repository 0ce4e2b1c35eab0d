// Diff: what differs between two catalogs, object by object. Pure.
//
// Objects are matched by identity: kind plus qualified name (a function also
// by its arguments), case-insensitively when either catalog is SQLite's and
// exactly otherwise (PostgreSQL's catalog holds names already folded). There
// is no rename detection: a renamed object is one removed and one added.
//
// The children of an added or removed table or view (its columns,
// constraints, indexes, triggers and policies) are not listed separately:
// they come and go with it. A column's position is compared among the
// columns both sides have, so dropping one column does not report every
// column after it as moved.
#pragma once

#include <string>
#include <vector>

#include "schema/catalog.h"

namespace strata::schema {

enum class ChangeKind { kAdded, kRemoved, kChanged };
// "added", "removed", "changed".
const char* ChangeKindName(ChangeKind change);

// One attribute that differs, rendered as text: booleans "true"/"false",
// lists joined with ", ", and "" for none.
struct AttributeChange {
  std::string name;
  std::string old_value;
  std::string new_value;
};

struct Difference {
  ChangeKind change = ChangeKind::kChanged;
  // "schema", "extension", "type", "sequence", "table", "column",
  // "constraint", "index", "view", "function", "trigger", "policy".
  std::string kind;
  // QualifiedName of the object: "public.users", "public.users.email", and
  // for a function "public.add(a integer, b integer)".
  std::string name;
  std::vector<AttributeChange> attributes;  // kChanged only, in the model's order
};

// The differences that turn `from` into `to`: "added" is in `to` only,
// "removed" in `from` only. Ordered by kind (in the order listed above),
// then by name; empty when the schemas are equal.
std::vector<Difference> Diff(const Catalog& from, const Catalog& to);

}  // namespace strata::schema
