// Renderings of a Catalog and of a Diff: JSON for machines, text for people,
// and a DDL listing. Pure functions; the CLI only prints what they return.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "schema/catalog.h"
#include "schema/diff.h"

namespace strata::schema {

// The catalog as one JSON document whose shape README.md documents ("JSON
// shape"): {"dialect", "schemas", "extensions", "types", "sequences",
// "tables" (each with "columns" and "constraints"), "indexes", "views",
// "functions", "triggers", "policies"}. Every object has its identity fields
// and every attribute of its ForEachAttribute; "none" (an empty string) is
// null. Keys are sorted and lists keep the catalog's order, so the same
// schema always renders to the same bytes.
nlohmann::json CatalogToJson(const Catalog& catalog);

// {"equal", "summary": {"added", "removed", "changed"}, "differences": [{"change",
// "kind", "name", "attributes": [{"name", "old", "new"}]}]}; "" values are null.
nlohmann::json DiffToJson(const std::vector<Difference>& differences);

// Counts per kind, then the objects of each kind, one per line.
std::string CatalogSummary(const Catalog& catalog);

// One line per difference ("+ table public.t", "- index ...", "~ column ...")
// with the changed attributes indented below it, then a count line; "no
// differences\n" when there are none.
std::string DiffToText(const std::vector<Difference>& differences);

// A readable DDL listing: statements grouped by kind (schemas, extensions,
// types, sequences, tables, foreign keys, indexes, views, functions, triggers,
// policies). Foreign keys come after every table, but views and functions are
// not ordered by their dependencies: a listing to read and review, not a
// restore script.
std::string CatalogToSql(const Catalog& catalog);

}  // namespace strata::schema
