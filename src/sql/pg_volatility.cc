// Function volatility without a database: PostgreSQL decides whether ADD
// COLUMN ... DEFAULT rewrites the table by the default's volatility, so lint
// needs pg_proc's answer for the functions a default calls.
#include <algorithm>
#include <iterator>
#include <string_view>

#include "sql/pg_statement.h"

namespace strata::sql {

namespace {

struct FunctionEntry {
  std::string_view name;
  char volatility;
};

constexpr FunctionEntry kCatalog[] = {
#include "sql/pg_volatility_table.inc"
};

// Common extension functions (uuid-ossp, pgcrypto) that are not in pg_catalog.
constexpr FunctionEntry kExtensions[] = {
    {"gen_random_bytes", 'v'},   {"gen_salt", 'v'},         {"uuid_generate_v1", 'v'},
    {"uuid_generate_v1mc", 'v'}, {"uuid_generate_v3", 'i'}, {"uuid_generate_v4", 'v'},
    {"uuid_generate_v5", 'i'},
};

Volatility FromCode(char code) {
  switch (code) {
    case 'i':
      return Volatility::kImmutable;
    case 's':
      return Volatility::kStable;
    default:
      return Volatility::kVolatile;
  }
}

}  // namespace

Volatility FunctionVolatility(std::string_view name) {
  auto less = [](const FunctionEntry& entry, std::string_view key) { return entry.name < key; };
  const auto* found = std::lower_bound(std::begin(kCatalog), std::end(kCatalog), name, less);
  if (found != std::end(kCatalog) && found->name == name) return FromCode(found->volatility);
  for (const FunctionEntry& entry : kExtensions) {
    if (entry.name == name) return FromCode(entry.volatility);
  }
  return Volatility::kUnknown;
}

}  // namespace strata::sql
