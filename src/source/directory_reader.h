// Reads a migrations directory into a validated RevisionGraph. A directory
// with any problem is refused whole, with every problem listed, before
// anything touches a database.
#pragma once

#include <string>
#include <vector>

#include "model/revision_graph.h"
#include "strata/result.h"

namespace strata::source {

// Reads every `*.sql` file directly in `dir` (native format). kNotFound when
// the directory does not exist; kInvalidMigrations with problems() otherwise.
Result<model::RevisionGraph> ReadMigrationDirectory(const std::string& dir);

// Reads `migration.path` again and returns its SQL; kHistoryChanged when the
// file no longer has the checksum it had when the directory was read.
Result<model::MigrationBody> LoadMigrationBody(const model::Migration& migration);

// Writes a new native migration file `dir/ID.sql`; refuses to overwrite.
// Returns the path written.
Result<std::string> WriteNewMigration(const std::string& dir, const std::string& id,
                                      const std::vector<std::string>& parents, bool transactional,
                                      const std::string& up_sql, const std::string& down_sql);

}  // namespace strata::source
