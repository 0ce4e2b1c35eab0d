// Writing new migration files: `strata new` and `strata merge`. The graph is
// read first so a new file always has a well-defined parent.
#pragma once

#include <string>
#include <vector>

#include "strata/result.h"

namespace strata::engine {

struct NewMigrationRequest {
  std::string dir;
  std::string name;                  // free text; becomes part of the id
  std::vector<std::string> parents;  // empty: the single current head
  bool transactional = true;
  std::string timestamp;  // "20261121T231228"; the id's prefix
};

struct NewMigration {
  std::string id;
  std::string path;
  std::vector<std::string> parents;
};

// kMultipleHeads when the graph has several heads and no parent was given.
Result<NewMigration> CreateMigration(const NewMigrationRequest& request);

// A merge migration whose parents are `heads` (all current heads when empty).
// kInvalidArgument when fewer than two heads would be joined.
Result<NewMigration> CreateMerge(const NewMigrationRequest& request);

// "Add Warranty table!" -> "add_warranty_table".
std::string SlugFromName(const std::string& name);

}  // namespace strata::engine
