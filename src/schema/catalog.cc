#include "schema/catalog.h"

#include <algorithm>
#include <tuple>

#include "sql/statement_text.h"

namespace strata::schema {

namespace {

// PostgreSQL's reserved key words (and those reserved as table or column
// names), which must be quoted even when written in lower case, each between
// blanks. SQLite accepts every one of them quoted.
constexpr std::string_view kReserved =
    " all analyse analyze and any array as asc asymmetric authorization binary both case "
    " cast check collate collation column concurrently constraint create cross "
    " current_catalog current_date current_role current_schema current_time "
    " current_timestamp current_user default deferrable desc distinct do else end except "
    " false fetch for foreign freeze from full grant group having ilike in initially inner "
    " intersect into is isnull join lateral leading left like limit localtime localtimestamp "
    " natural not notnull null offset on only or order outer overlaps placing primary "
    " references returning right select session_user similar some symmetric table "
    " tablesample then to trailing true union unique user using variadic verbose when where "
    " window with ";

bool IsPlainLower(std::string_view name) {
  if (name.empty() || !((name[0] >= 'a' && name[0] <= 'z') || name[0] == '_')) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return kReserved.find(" " + std::string(name) + " ") == std::string_view::npos;
}

template <typename T, typename Key>
void SortBy(std::vector<T>& items, Key key) {
  std::stable_sort(items.begin(), items.end(),
                   [&](const T& a, const T& b) { return key(a) < key(b); });
}

}  // namespace

const char* ConstraintKindName(ConstraintKind kind) {
  switch (kind) {
    case ConstraintKind::kPrimaryKey:
      return "primary_key";
    case ConstraintKind::kUnique:
      return "unique";
    case ConstraintKind::kCheck:
      return "check";
    case ConstraintKind::kExclusion:
      return "exclusion";
    case ConstraintKind::kForeignKey:
      return "foreign_key";
  }
  return "check";
}

bool FoldsCase(const Catalog& catalog) { return catalog.dialect == "sqlite"; }

std::string NameKey(std::string_view name, bool fold) {
  std::string key(name);
  if (fold) {
    for (char& c : key) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return key;
}

void Normalize(Catalog& c) {
  const bool fold = FoldsCase(c);
  auto k = [fold](const std::string& name) { return NameKey(name, fold); };
  SortBy(c.schemas, [&](const Namespace& n) { return k(n.name); });
  SortBy(c.extensions, [&](const Extension& e) { return k(e.name); });
  SortBy(c.types, [&](const Type& t) { return std::make_tuple(k(t.schema), k(t.name)); });
  for (Type& t : c.types) std::sort(t.checks.begin(), t.checks.end());
  SortBy(c.sequences, [&](const Sequence& s) { return std::make_tuple(k(s.schema), k(s.name)); });
  SortBy(c.tables, [&](const Table& t) { return std::make_tuple(k(t.schema), k(t.name)); });
  for (Table& t : c.tables) {
    SortBy(t.columns, [](const Column& col) { return col.position; });
    SortBy(t.constraints, [&](const Constraint& con) { return k(con.name); });
  }
  SortBy(c.indexes, [&](const Index& i) { return std::make_tuple(k(i.schema), k(i.name)); });
  SortBy(c.views, [&](const View& v) { return std::make_tuple(k(v.schema), k(v.name)); });
  SortBy(c.functions,
         [&](const Function& f) { return std::make_tuple(k(f.schema), k(f.name), f.arguments); });
  SortBy(c.triggers,
         [&](const Trigger& t) { return std::make_tuple(k(t.schema), k(t.table), k(t.name)); });
  SortBy(c.policies,
         [&](const Policy& p) { return std::make_tuple(k(p.schema), k(p.table), k(p.name)); });
  for (Policy& p : c.policies) std::sort(p.roles.begin(), p.roles.end());
}

std::string QuoteName(std::string_view name) {
  return IsPlainLower(name) ? std::string(name) : sql::QuoteIdentifier(name);
}

std::string QualifiedName(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& part : parts) {
    if (!out.empty()) out += '.';
    out += QuoteName(part);
  }
  return out;
}

}  // namespace strata::schema
