// A migration as read from its file: pure data, no I/O.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace strata::model {

struct Migration {
  std::string id;    // the file stem; matches [A-Za-z0-9_.-]+
  std::string path;  // for messages: the file it came from
  std::vector<std::string> parents;
  int parents_line = 0;  // line of the parent directive, for "unknown parent" errors
  bool transactional = true;
  std::string up_sql;
  int up_line = 1;  // file line where up_sql begins
  std::optional<std::string> down_sql;
  int down_line = 0;
  std::string checksum;  // hex SHA-256 of the normalized file text
};

bool IsValidMigrationId(const std::string& id);

}  // namespace strata::model
