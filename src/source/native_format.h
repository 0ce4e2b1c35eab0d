// The native migration format: one SQL file per migration with directives in
// comments before the up part:
//
//   -- strata:parent 20251112T101500_create_entities
//   -- strata:no-transaction
//   -- strata:up
//   CREATE TABLE warranty (...);
//   -- strata:down
//   DROP TABLE warranty;
//   -- strata:verify
//   SELECT count(*) = 0 FROM warranty;
//
// `down` and `verify` (checks run after the up part) each appear at most once,
// after `up`, in either order.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/migration.h"
#include "strata/result.h"
#include "strata/status.h"

namespace strata::source {

// Parses one file's text. Appends every problem found (with the file's path and
// line) to `problems`; the returned migration is meaningful only if none was added.
model::ParsedMigration ParseNativeMigration(const std::string& id, const std::string& path,
                                            std::string_view text, std::vector<Problem>& problems);

// The text `strata new` writes.
std::string RenderNativeMigration(const std::vector<std::string>& parents, bool transactional,
                                  std::string_view up_sql, std::string_view down_sql);

}  // namespace strata::source
