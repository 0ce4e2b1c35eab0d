// A migration as read from its file: pure data, no I/O.
//
// The graph keeps only what planning and status need (Migration); the SQL
// (MigrationBody) is read again from the file when a step is prepared, so a
// directory of 10,000 migrations costs little memory. The checksum ties the
// two: a body whose file no longer matches the checksum is refused.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace strata::model {

struct Migration {
  std::string id;    // the file stem; matches [A-Za-z0-9_.-]+
  std::string path;  // for messages: the file (or folder) it came from
  // The format of the directory it was read from ("strata", "flyway",
  // "golang-migrate", "goose", "dbmate", "diesel", "sqitch"): its body is
  // re-read by the same reader.
  std::string format = "strata";
  // Every file whose text makes the migration, main file first (e.g. the
  // .up.sql then the .down.sql); empty means just `path`.
  std::vector<std::string> files;
  // The layout's own key for the migration, as its tool records it in its
  // history table (Flyway version, golang-migrate/goose/dbmate/diesel version
  // number, sqitch change name); empty for native migrations. `strata adopt`
  // matches history rows to migrations by it.
  std::string version;
  // Re-applied after the versioned migrations whenever its checksum changes
  // (`-- strata:repeatable`, Flyway's R__ files); never reverted, and a changed
  // checksum is not an edit of history. Has no parents and no children.
  bool repeatable = false;
  std::vector<std::string> parents;
  int parents_line = 0;  // line of the parent directive, for "unknown parent" errors
  bool transactional = true;
  bool has_down = false;
  std::string checksum;  // hex SHA-256 of the normalized file text
};

struct MigrationBody {
  std::string up_sql;
  int up_line = 1;  // file line where up_sql begins
  std::optional<std::string> down_sql;
  int down_line = 0;
  // `-- strata:verify`: checks run after the up part (never on down), in its
  // transaction when it has one. Each statement must succeed and a query must
  // return a first row whose first column is true. None when the part is
  // absent or holds no SQL.
  std::optional<std::string> verify_sql;
  int verify_line = 0;
  // The file's text before the up part: directives and comments (lint reads
  // `-- strata:ignore-file` there).
  std::string header;
};

// What parsing one file yields: both halves.
struct ParsedMigration : Migration, MigrationBody {};

bool IsValidMigrationId(const std::string& id);

}  // namespace strata::model
