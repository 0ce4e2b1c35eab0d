// Splits PostgreSQL scripts with the real PostgreSQL scanner (libpg_query), so
// dollar-quoted bodies, DO blocks, E'' strings and nested comments are handled.
// This layer is the only code that sees libpg_query types.
#pragma once

#include <string_view>
#include <vector>

#include "strata/driver.h"
#include "strata/result.h"

namespace strata::sql {

// The statements of `script`, in order, with positions relative to it.
// Nothing is dropped: every byte that is not a blank, a comment or a `;`
// between statements is in some statement, so text the scanner cannot
// classify (`SELEC 1;`, a stray `)`) is returned for PostgreSQL to reject
// with its position rather than silently skipped. kInvalidMigrations, with
// the line and column, for an unterminated quote or comment, a NUL byte or
// invalid UTF-8.
Result<std::vector<Statement>> SplitPostgres(std::string_view script);

}  // namespace strata::sql
