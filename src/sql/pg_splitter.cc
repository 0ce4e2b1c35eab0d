#include "sql/pg_splitter.h"

#include <fmt/format.h>
#include <pg_query.h>

#include <string>

#include "base/strings.h"
#include "sql/statement_text.h"

namespace strata::sql {

namespace {
// RAII owner of a libpg_query split result.
class SplitResult {
 public:
  explicit SplitResult(const std::string& text)
      : result_(pg_query_split_with_scanner(text.c_str())) {}
  ~SplitResult() { pg_query_free_split_result(result_); }
  SplitResult(const SplitResult&) = delete;
  SplitResult& operator=(const SplitResult&) = delete;
  const PgQuerySplitResult& get() const { return result_; }

 private:
  PgQuerySplitResult result_;
};
}  // namespace

Result<std::vector<Statement>> SplitPostgres(std::string_view script) {
  STRATA_RETURN_IF_ERROR(CheckScriptText(script));  // no NUL bytes, valid UTF-8
  const std::string text(script);                   // libpg_query needs a NUL-terminated string
  SplitResult split(text);
  if (split.get().error != nullptr) {
    const PgQueryError& error = *split.get().error;
    base::TextPosition pos = base::PositionOf(text, ErrorCursorOffset(text, error.cursorpos));
    Status status(Code::kInvalidMigrations, fmt::format("cannot split SQL: {}", error.message));
    status.mutable_context().line = pos.line;
    status.mutable_context().column = pos.column;
    return status;
  }
  std::vector<Statement> statements;
  for (int i = 0; i < split.get().n_stmts; ++i) {
    const PgQuerySplitStmt& s = *split.get().stmts[i];
    size_t begin = static_cast<size_t>(s.stmt_location);
    Statement st = MakeStatement(text, begin, begin + static_cast<size_t>(s.stmt_len));
    if (!st.text.empty()) statements.push_back(std::move(st));
  }
  return statements;
}

}  // namespace strata::sql
