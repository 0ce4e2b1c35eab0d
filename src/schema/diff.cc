#include "schema/diff.h"

#include <algorithm>
#include <map>
#include <set>
#include <type_traits>
#include <utility>

#include "base/strings.h"

namespace strata::schema {

namespace {

using Key = std::vector<std::string>;
using Attributes = std::vector<std::pair<std::string, std::string>>;

std::string Text(const std::string& value) { return value; }
std::string Text(bool value) { return value ? "true" : "false"; }
std::string Text(int64_t value) { return std::to_string(value); }
std::string Text(const std::vector<std::string>& values) { return base::Join(values, ", "); }

template <typename T>
Attributes AttributesOf(const T& object) {
  Attributes out;
  object.ForEachAttribute(
      [&](const char* name, const auto& value) { out.emplace_back(name, Text(value)); });
  return out;
}

// Both lists come from the same type's ForEachAttribute: same names, same order.
template <typename T>
std::vector<AttributeChange> Changes(const T& from, const T& to) {
  Attributes a = AttributesOf(from), b = AttributesOf(to);
  std::vector<AttributeChange> out;
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (a[i].second != b[i].second) out.push_back({a[i].first, a[i].second, b[i].second});
  }
  return out;
}

class Differ {
 public:
  Differ(const Catalog& from, const Catalog& to)
      : from_(from), to_(to), fold_(FoldsCase(from) || FoldsCase(to)) {}

  std::vector<Difference> Run() {
    auto named = [](const auto& o) { return std::vector<std::string>{o.schema, o.name}; };
    auto child = [](const auto& o) { return std::vector<std::string>{o.schema, o.table, o.name}; };
    auto parent = [](const auto& o) { return std::vector<std::string>{o.schema, o.table}; };
    auto none = [](const auto&) { return std::vector<std::string>{}; };
    Compare(
        from_.schemas, to_.schemas, "schema", [](const Namespace& n) { return Key{n.name}; }, none);
    Compare(
        from_.extensions, to_.extensions, "extension",
        [](const Extension& e) { return Key{e.name}; }, none);
    Compare(from_.types, to_.types, "type", named, none);
    Compare(from_.sequences, to_.sequences, "sequence", named, none);
    // Known before any child is compared: indexes come before views.
    OneSide(from_.tables, to_.tables, named);
    OneSide(from_.views, to_.views, named);
    Compare(from_.tables, to_.tables, "table", named, none);
    CompareColumns();
    CompareConstraints();
    Compare(from_.indexes, to_.indexes, "index", named, parent);
    Compare(from_.views, to_.views, "view", named, none);
    Compare(
        from_.functions, to_.functions, "function",
        [](const Function& f) {
          return Key{f.schema, f.name, f.arguments};
        },
        none);
    Compare(from_.triggers, to_.triggers, "trigger", child, parent);
    Compare(from_.policies, to_.policies, "policy", child, parent);
    return std::move(out_);
  }

 private:
  Key Fold(const Key& parts) const {
    Key key;
    for (const std::string& p : parts) key.push_back(NameKey(p, fold_));
    return key;
  }

  template <typename T, typename IdentityFn>
  std::map<Key, const T*> ByKey(const std::vector<T>& items, IdentityFn identity) const {
    std::map<Key, const T*> out;
    for (const T& item : items) out.emplace(Fold(identity(item)), &item);
    return out;
  }

  // Records the tables or views that only one side has.
  template <typename T, typename IdentityFn>
  void OneSide(const std::vector<T>& from, const std::vector<T>& to, IdentityFn identity) {
    std::map<Key, const T*> a = ByKey(from, identity), b = ByKey(to, identity);
    for (const auto& [key, item] : a) {
      if (!b.count(key)) came_or_went_.insert(key);
    }
    for (const auto& [key, item] : b) {
      if (!a.count(key)) came_or_went_.insert(key);
    }
  }

  // Emits the differences of one kind. `parent` names the table or view an
  // object belongs to: objects whose parent came or went are not listed.
  template <typename T, typename IdentityFn, typename ParentFn>
  void Compare(const std::vector<T>& from, const std::vector<T>& to, const char* kind,
               IdentityFn identity, ParentFn parent) {
    auto name = [&](const T& o) {
      Key parts = identity(o);
      if constexpr (std::is_same_v<T, Function>) {
        return QualifiedName({parts[0], parts[1]}) + "(" + parts[2] + ")";
      }
      return QualifiedName(parts);
    };
    auto listed = [&](const T& o) {
      Key p = parent(o);
      return p.empty() || came_or_went_.count(Fold(p)) == 0;
    };
    std::map<Key, const T*> a = ByKey(from, identity), b = ByKey(to, identity);
    auto i = a.begin();
    auto j = b.begin();
    while (i != a.end() || j != b.end()) {
      if (j == b.end() || (i != a.end() && i->first < j->first)) {
        if (listed(*i->second)) out_.push_back({ChangeKind::kRemoved, kind, name(*i->second), {}});
        ++i;
      } else if (i == a.end() || j->first < i->first) {
        if (listed(*j->second)) out_.push_back({ChangeKind::kAdded, kind, name(*j->second), {}});
        ++j;
      } else {
        std::vector<AttributeChange> changes = Changes(*i->second, *j->second);
        if (!changes.empty()) {
          out_.push_back({ChangeKind::kChanged, kind, name(*j->second), std::move(changes)});
        }
        ++i;
        ++j;
      }
    }
  }

  // Pairs of tables present on both sides, in key order.
  std::vector<std::pair<const Table*, const Table*>> CommonTables() const {
    auto identity = [](const Table& t) { return Key{t.schema, t.name}; };
    std::map<Key, const Table*> a = ByKey(from_.tables, identity), b = ByKey(to_.tables, identity);
    std::vector<std::pair<const Table*, const Table*>> out;
    for (const auto& [key, table] : a) {
      auto other = b.find(key);
      if (other != b.end()) out.emplace_back(table, other->second);
    }
    return out;
  }

  // Rank of each column among the columns the other side also has.
  std::map<Key, int> CommonRanks(const Table& table, const std::set<Key>& common) const {
    std::vector<const Column*> columns;
    for (const Column& c : table.columns) columns.push_back(&c);
    std::stable_sort(columns.begin(), columns.end(),
                     [](const Column* x, const Column* y) { return x->position < y->position; });
    std::map<Key, int> ranks;
    int rank = 0;
    for (const Column* c : columns) {
      Key key = Fold({c->name});
      if (common.count(key)) ranks[key] = rank++;
    }
    return ranks;
  }

  void CompareColumns() {
    for (const auto& [ta, tb] : CommonTables()) {
      auto identity = [](const Column& c) { return Key{c.name}; };
      std::map<Key, const Column*> a = ByKey(ta->columns, identity);
      std::map<Key, const Column*> b = ByKey(tb->columns, identity);
      std::set<Key> common;
      for (const auto& [key, column] : a) {
        if (b.count(key)) common.insert(key);
      }
      std::map<Key, int> rank_a = CommonRanks(*ta, common), rank_b = CommonRanks(*tb, common);
      auto name = [&](const Table& t, const Column& c) {
        return QualifiedName({t.schema, t.name, c.name});
      };
      for (const auto& [key, column] : a) {
        if (!b.count(key)) out_.push_back({ChangeKind::kRemoved, "column", name(*ta, *column), {}});
      }
      for (const auto& [key, column] : b) {
        if (!a.count(key)) out_.push_back({ChangeKind::kAdded, "column", name(*tb, *column), {}});
      }
      for (const Key& key : common) {
        std::vector<AttributeChange> changes = Changes(*a[key], *b[key]);
        if (rank_a[key] == rank_b[key]) {
          std::erase_if(changes, [](const AttributeChange& c) { return c.name == "position"; });
        }
        if (!changes.empty()) {
          out_.push_back({ChangeKind::kChanged, "column", name(*tb, *b[key]), std::move(changes)});
        }
      }
    }
    SortTail("column");
  }

  void CompareConstraints() {
    for (const auto& [ta, tb] : CommonTables()) {
      const Table* t = tb;
      Compare(
          ta->constraints, tb->constraints, "constraint",
          [t](const Constraint& c) {
            return Key{t->schema, t->name, c.name};
          },
          [](const Constraint&) { return Key{}; });
    }
  }

  // Orders the trailing run of differences of `kind` by name.
  void SortTail(const std::string& kind) {
    auto begin =
        std::find_if(out_.begin(), out_.end(), [&](const Difference& d) { return d.kind == kind; });
    std::stable_sort(begin, out_.end(),
                     [](const Difference& x, const Difference& y) { return x.name < y.name; });
  }

  const Catalog& from_;
  const Catalog& to_;
  bool fold_;
  std::set<Key> came_or_went_;  // tables and views on one side only
  std::vector<Difference> out_;
};

}  // namespace

const char* ChangeKindName(ChangeKind change) {
  switch (change) {
    case ChangeKind::kAdded:
      return "added";
    case ChangeKind::kRemoved:
      return "removed";
    case ChangeKind::kChanged:
      return "changed";
  }
  return "changed";
}

std::vector<Difference> Diff(const Catalog& from, const Catalog& to) {
  return Differ(from, to).Run();
}

}  // namespace strata::schema
