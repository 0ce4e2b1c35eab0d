// Splits PostgreSQL scripts with the real PostgreSQL scanner (libpg_query), so
// dollar-quoted bodies, DO blocks, E'' strings and nested comments are handled.
// This layer is the only code that sees libpg_query types.
#pragma once

#include <string_view>
#include <vector>

#include "strata/driver.h"
#include "strata/result.h"

namespace strata::sql {

Result<std::vector<Statement>> SplitPostgres(std::string_view script);

}  // namespace strata::sql
