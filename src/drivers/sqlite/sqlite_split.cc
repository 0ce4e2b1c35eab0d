#include <fmt/format.h>
#include <sqlite3.h>

#include <string>

#include "base/strings.h"
#include "drivers/sqlite/sqlite_driver.h"
#include "sql/statement_text.h"

namespace strata::drivers {

Result<std::vector<Statement>> SplitSqlite(std::string_view script) {
  std::vector<Statement> statements;
  std::string candidate;
  size_t start = 0;
  base::PositionTracker positions(script);
  for (size_t i = 0; i < script.size(); ++i) {
    if (script[i] != ';') continue;
    // sqlite3_complete() is true when the text ends a whole statement: the
    // semicolon is not inside a string, comment or CREATE TRIGGER body.
    candidate.assign(script.substr(start, i + 1 - start));
    if (!sqlite3_complete(candidate.c_str())) continue;
    Statement st = sql::MakeStatement(script, start, i + 1, sql::CommentStyle::kFlat, positions);
    if (!st.text.empty()) statements.push_back(std::move(st));
    start = i + 1;
  }
  Statement tail =
      sql::MakeStatement(script, start, script.size(), sql::CommentStyle::kFlat, positions);
  // Text after the last semicolon must be a whole statement or only complete
  // comments: an open quote or comment there would otherwise vanish.
  candidate.assign(script.substr(start));
  candidate += "\n;";
  if (!base::Trim(script.substr(start)).empty()) {
    if (!sqlite3_complete(candidate.c_str())) {
      Status status(Code::kInvalidMigrations,
                    "unterminated statement (an open quote, comment or trigger body)");
      // Point at where the unfinished text starts, not past the open comment.
      size_t first = script.find_first_not_of(" \t\r\n", start);
      base::TextPosition pos = base::PositionOf(script, first);
      status.mutable_context().line = pos.line;
      status.mutable_context().column = pos.column;
      status.mutable_context().statement = base::FirstLine(script.substr(start));
      return status;
    }
    if (!tail.text.empty()) statements.push_back(std::move(tail));
  }
  return statements;
}

}  // namespace strata::drivers
