#include "sql/statement_text.h"

#include <algorithm>

#include "base/strings.h"

namespace strata::sql {

size_t SkipBlanksAndComments(std::string_view s, size_t i, size_t end, CommentStyle style) {
  while (i < end) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      ++i;
    } else if (c == '-' && i + 1 < end && s[i + 1] == '-') {
      // PostgreSQL's scanner ends a `--` comment at \n or \r, SQLite's at \n.
      const bool cr_ends = style == CommentStyle::kNested;
      while (i < end && s[i] != '\n' && !(cr_ends && s[i] == '\r')) ++i;
    } else if (c == '/' && i + 1 < end && s[i + 1] == '*') {
      int depth = 1;
      i += 2;
      while (i < end && depth > 0) {
        if (style == CommentStyle::kNested && s[i] == '/' && i + 1 < end && s[i + 1] == '*') {
          ++depth;
          i += 2;
        } else if (s[i] == '*' && i + 1 < end && s[i + 1] == '/') {
          --depth;
          i += 2;
        } else {
          ++i;
        }
      }
    } else {
      break;
    }
  }
  return i;
}

Statement MakeStatement(std::string_view script, size_t begin, size_t end, CommentStyle style) {
  base::PositionTracker positions(script);
  return MakeStatement(script, begin, end, style, positions);
}

Statement MakeStatement(std::string_view script, size_t begin, size_t end, CommentStyle style,
                        base::PositionTracker& positions) {
  size_t first = SkipBlanksAndComments(script, begin, end, style);
  Statement st;
  base::TextPosition pos = positions.At(first);
  st.line = pos.line;
  st.column = pos.column;
  if (first >= end) return st;
  std::string_view body = script.substr(first, end - first);
  // Drop the terminating semicolon and blanks: drivers run statements one
  // at a time and scripts add the semicolon back.
  auto is_blank = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
  while (!body.empty() && is_blank(body.back())) body.remove_suffix(1);
  if (!body.empty() && body.back() == ';') body.remove_suffix(1);
  while (!body.empty() && is_blank(body.back())) body.remove_suffix(1);
  st.text = std::string(body);
  return st;
}

}  // namespace strata::sql

namespace strata::sql {

void LocateInStatement(ErrorContext& ctx, const Statement& st) {
  if (ctx.line > 0) {
    ctx.column = ctx.line == 1 ? st.column + ctx.column - 1 : ctx.column;
    ctx.line = st.line + ctx.line - 1;
  } else {
    ctx.line = st.line;
    ctx.column = st.column;
  }
  ctx.statement = base::FirstLine(st.text);
}

std::string QuoteLiteral(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

std::string QuoteIdentifier(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

bool IsPlainIdentifier(std::string_view name) {
  if (name.empty() || name.size() > 63) return false;
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    if (!alpha && (i == 0 || c < '0' || c > '9')) return false;
  }
  return true;
}

size_t ErrorCursorOffset(std::string_view text, int cursorpos) {
  // PostgreSQL's pg_mbstrlen_with_len with pg_utf_mblen: a character's length
  // comes from its lead byte alone; an invalid lead byte counts as one.
  size_t offset = 0;
  for (int character = 1; character < cursorpos && offset < text.size(); ++character) {
    const unsigned char lead = static_cast<unsigned char>(text[offset]);
    if ((lead & 0x80) == 0) {
      offset += 1;
    } else if ((lead & 0xE0) == 0xC0) {
      offset += 2;
    } else if ((lead & 0xF0) == 0xE0) {
      offset += 3;
    } else if ((lead & 0xF8) == 0xF0) {
      offset += 4;
    } else {
      offset += 1;
    }
  }
  return offset < text.size() ? offset : text.size();
}

Status CheckScriptText(std::string_view script) {
  const size_t nul = script.find('\0');
  const size_t invalid = base::FirstInvalidUtf8(script);
  if (nul == std::string_view::npos && invalid == std::string_view::npos) return Status::Ok();
  const size_t at = std::min(nul, invalid);
  const base::TextPosition pos = base::PositionOf(script, at);
  Status status(Code::kInvalidMigrations,
                at == nul ? "NUL byte in the SQL text; everything after it would be ignored"
                          : "invalid UTF-8 byte sequence in the SQL text");
  status.mutable_context().line = pos.line;
  status.mutable_context().column = pos.column;
  return status;
}

}  // namespace strata::sql
