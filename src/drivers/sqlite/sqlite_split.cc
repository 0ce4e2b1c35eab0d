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
  for (size_t i = 0; i < script.size(); ++i) {
    if (script[i] != ';') continue;
    // sqlite3_complete() is true when the text ends a whole statement: the
    // semicolon is not inside a string, comment or CREATE TRIGGER body.
    candidate.assign(script.substr(start, i + 1 - start));
    if (!sqlite3_complete(candidate.c_str())) continue;
    Statement st = sql::MakeStatement(script, start, i + 1);
    if (!st.text.empty()) statements.push_back(std::move(st));
    start = i + 1;
  }
  Statement tail = sql::MakeStatement(script, start, script.size());
  if (!tail.text.empty()) {
    candidate = tail.text + "\n;";
    if (!sqlite3_complete(candidate.c_str())) {
      Status status(Code::kInvalidMigrations,
                    "unterminated statement (an open quote, comment or trigger body)");
      status.mutable_context().line = tail.line;
      status.mutable_context().column = tail.column;
      status.mutable_context().statement = base::FirstLine(tail.text);
      return status;
    }
    statements.push_back(std::move(tail));
  }
  return statements;
}

}  // namespace strata::drivers
