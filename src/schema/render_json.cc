// CatalogToJson and DiffToJson (schema/render.h).
#include <type_traits>

#include "schema/render.h"

namespace strata::schema {

namespace {

using nlohmann::json;

json Nullable(const std::string& value) { return value.empty() ? json(nullptr) : json(value); }

// The identity fields given, then every attribute of the object.
template <typename T>
json ObjectJson(const T& object, json identity) {
  object.ForEachAttribute([&](const char* name, const auto& value) {
    using V = std::decay_t<decltype(value)>;
    if constexpr (std::is_same_v<V, std::string>) {
      identity[name] = Nullable(value);
    } else {
      identity[name] = value;
    }
  });
  return identity;
}

template <typename T, typename IdentityFn>
json List(const std::vector<T>& items, IdentityFn identity) {
  json out = json::array();
  for (const T& item : items) out.push_back(ObjectJson(item, identity(item)));
  return out;
}

}  // namespace

nlohmann::json CatalogToJson(const Catalog& c) {
  auto named = [](const auto& o) { return json{{"schema", o.schema}, {"name", o.name}}; };
  auto child = [](const auto& o) {
    return json{{"schema", o.schema}, {"table", o.table}, {"name", o.name}};
  };
  json tables = json::array();
  for (const Table& t : c.tables) {
    json table = ObjectJson(t, named(t));
    table["columns"] = List(t.columns, [](const Column& col) { return json{{"name", col.name}}; });
    table["constraints"] = List(t.constraints, [](const Constraint& con) {
      return json{{"name", con.name}};
    });
    tables.push_back(std::move(table));
  }
  return {{"dialect", c.dialect},
          {"schemas", List(c.schemas,
                           [](const Namespace& n) {
                             return json{{"name", n.name}};
                           })},
          {"extensions", List(c.extensions,
                              [](const Extension& e) {
                                return json{{"name", e.name}};
                              })},
          {"types", List(c.types, named)},
          {"sequences", List(c.sequences, named)},
          {"tables", std::move(tables)},
          {"indexes", List(c.indexes, child)},
          {"views", List(c.views, named)},
          {"functions",
           List(c.functions,
                [](const Function& f) {
                  return json{{"schema", f.schema}, {"name", f.name}, {"arguments", f.arguments}};
                })},
          {"triggers", List(c.triggers, child)},
          {"policies", List(c.policies, child)}};
}

nlohmann::json DiffToJson(const std::vector<Difference>& differences) {
  json items = json::array();
  int added = 0, removed = 0, changed = 0;
  for (const Difference& d : differences) {
    json item = {{"change", ChangeKindName(d.change)}, {"kind", d.kind}, {"name", d.name}};
    json attributes = json::array();
    for (const AttributeChange& a : d.attributes) {
      attributes.push_back(
          {{"name", a.name}, {"old", Nullable(a.old_value)}, {"new", Nullable(a.new_value)}});
    }
    item["attributes"] = std::move(attributes);
    items.push_back(std::move(item));
    (d.change == ChangeKind::kAdded     ? added
     : d.change == ChangeKind::kRemoved ? removed
                                        : changed)++;
  }
  return {{"equal", differences.empty()},
          {"summary", {{"added", added}, {"removed", removed}, {"changed", changed}}},
          {"differences", std::move(items)}};
}

}  // namespace strata::schema
