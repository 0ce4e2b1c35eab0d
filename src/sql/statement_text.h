// Helpers for cutting a script into Statement values with positions, shared by
// every dialect's splitter.
#pragma once

#include <string>
#include <string_view>

#include "base/strings.h"
#include "strata/driver.h"

namespace strata::sql {

// How comments behave: PostgreSQL nests `/* /* */ */` and ends `--` comments
// at \n or \r (kNested); SQLite does not nest and ends them at \n (kFlat).
enum class CommentStyle { kNested, kFlat };

// The first byte at or after `i` (and before `end`) that is not a blank or
// part of a `--` or `/* */` comment.
size_t SkipBlanksAndComments(std::string_view s, size_t i, size_t end,
                             CommentStyle style = CommentStyle::kNested);

// The statement spanning [begin, end) of `script`, with leading blanks and
// comments skipped (so `line` points at its first token) and trailing blanks
// removed. `text` is empty when the span holds only blanks and comments.
Statement MakeStatement(std::string_view script, size_t begin, size_t end,
                        CommentStyle comments = CommentStyle::kNested);
// The same, finding the position with `positions` (a tracker over `script`):
// splitters call it for each statement in order, in linear time overall.
Statement MakeStatement(std::string_view script, size_t begin, size_t end, CommentStyle comments,
                        base::PositionTracker& positions);

}  // namespace strata::sql

namespace strata::sql {

// Places an error inside `statement`: context line/column relative to the
// statement (when a driver knew the position) become the statement's own
// coordinates, otherwise its start; context.statement gets its first line.
void LocateInStatement(ErrorContext& context, const Statement& statement);

// 'text' with embedded quotes doubled (standard SQL, as both engines read it).
std::string QuoteLiteral(std::string_view text);
// "name" with embedded double quotes doubled.
std::string QuoteIdentifier(std::string_view name);
// True for names strata accepts for its own tables: [A-Za-z_][A-Za-z0-9_]*.
bool IsPlainIdentifier(std::string_view name);

// The byte offset in `text` of a libpg_query error's `cursorpos`. The parser
// counts that position in characters (1-based, UTF-8), not bytes, so after
// any multibyte character the two differ. 0 (no position) gives 0; a
// position past the end gives text.size().
size_t ErrorCursorOffset(std::string_view text, int cursorpos);

// kInvalidMigrations, at the first offending byte, when `script` is no SQL
// text PostgreSQL accepts: a NUL byte (the parser and libpq read C strings
// and would silently drop everything after it) or invalid UTF-8 (the server
// rejects it, and error positions, counted in characters, cannot be mapped
// back to bytes). Ok otherwise.
Status CheckScriptText(std::string_view script);

}  // namespace strata::sql
