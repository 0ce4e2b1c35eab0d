#include "sql/pg_splitter.h"

#include <fmt/format.h>
#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include <algorithm>
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

// RAII owner of a libpg_query scan: the serialized tokens and their unpacked
// form (null when the scan failed).
class ScanResult {
 public:
  explicit ScanResult(const std::string& text) : result_(pg_query_scan(text.c_str())) {
    if (result_.error == nullptr) {
      tokens_ = pg_query__scan_result__unpack(nullptr, result_.pbuf.len,
                                              reinterpret_cast<const uint8_t*>(result_.pbuf.data));
    }
  }
  ~ScanResult() {
    if (tokens_ != nullptr) pg_query__scan_result__free_unpacked(tokens_, nullptr);
    pg_query_free_scan_result(result_);
  }
  ScanResult(const ScanResult&) = delete;
  ScanResult& operator=(const ScanResult&) = delete;
  const PgQuery__ScanResult* tokens() const { return tokens_; }

 private:
  PgQueryScanResult result_;
  PgQuery__ScanResult* tokens_ = nullptr;
};

// True when [begin, end) of `text` holds only blanks, comments and `;`, all
// the scanner split may rightly leave out between its statements.
bool OnlySeparators(std::string_view text, size_t begin, size_t end) {
  for (size_t i = SkipBlanksAndComments(text, begin, end); i < end;
       i = SkipBlanksAndComments(text, i + 1, end)) {
    if (text[i] != ';') return false;
  }
  return true;
}

void AppendStatement(std::string_view text, size_t begin, size_t end,
                     base::PositionTracker& positions, std::vector<Statement>& statements) {
  Statement st = MakeStatement(text, begin, end, CommentStyle::kNested, positions);
  if (!st.text.empty()) statements.push_back(std::move(st));
}

// Appends the statements in [begin, end) of `text`, a stretch that the
// scanner split skipped although it holds more than separators. The split
// keeps a statement only when it has a keyword and ends at a `;` (or the end)
// outside parentheses, so it drops `SELEC 1;` and, after a stray `)`, the
// rest of the script. Such text must still reach PostgreSQL, which rejects it
// with the right position. The stretch starts and ends on token boundaries;
// it is cut at each `;` outside parentheses, found with the real scanner so
// quotes, dollar-quoted bodies and comments are respected. As in psql, a
// stray `)` does not take the depth below zero, and an unclosed `(` runs to
// the end of the stretch.
void AppendSkipped(const std::string& text, size_t begin, size_t end,
                   base::PositionTracker& positions, std::vector<Statement>& statements) {
  ScanResult scan(text.substr(begin, end - begin));
  if (scan.tokens() == nullptr) {
    // Cannot happen (the split scanned this text); keep it whole, not lose it.
    AppendStatement(text, begin, end, positions, statements);
    return;
  }
  size_t depth = 0;
  size_t from = begin;
  for (size_t i = 0; i < scan.tokens()->n_tokens; ++i) {
    const PgQuery__ScanToken& token = *scan.tokens()->tokens[i];
    if (token.token == PG_QUERY__TOKEN__ASCII_40) {
      ++depth;
    } else if (token.token == PG_QUERY__TOKEN__ASCII_41) {
      if (depth > 0) --depth;
    } else if (token.token == PG_QUERY__TOKEN__ASCII_59 && depth == 0) {
      const size_t at = begin + static_cast<size_t>(token.start);
      AppendStatement(text, from, at, positions, statements);
      from = at + 1;
    }
  }
  AppendStatement(text, from, end, positions, statements);
}
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
  // Coverage check: whatever lies outside the returned statements must be
  // separators; anything else was dropped by the split and is put back in
  // order. Valid scripts only pay for a walk over their separators.
  std::vector<Statement> statements;
  base::PositionTracker positions(text);
  size_t covered = 0;  // input before this offset is in a statement or checked
  for (int i = 0; i < split.get().n_stmts; ++i) {
    const PgQuerySplitStmt& s = *split.get().stmts[i];
    const size_t begin = static_cast<size_t>(s.stmt_location);
    const size_t end = begin + static_cast<size_t>(s.stmt_len);
    if (begin > covered && !OnlySeparators(text, covered, begin)) {
      AppendSkipped(text, covered, begin, positions, statements);
    }
    AppendStatement(text, begin, end, positions, statements);
    covered = std::max(covered, end);
  }
  if (!OnlySeparators(text, covered, text.size())) {
    AppendSkipped(text, covered, text.size(), positions, statements);
  }
  return statements;
}

}  // namespace strata::sql
