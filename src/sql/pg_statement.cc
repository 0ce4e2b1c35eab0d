#include "sql/pg_statement.h"

#include <fmt/format.h>
#include <pg_query.h>

#include <algorithm>

#include "base/strings.h"
#include "sql/pg_tree.h"
#include "sql/statement_text.h"

namespace strata::sql {

namespace {

// Owns both libpg_query results: the serialized tree and its unpacked form.
class ProtobufParse {
 public:
  explicit ProtobufParse(const std::string& text) : result_(pg_query_parse_protobuf(text.c_str())) {
    if (result_.error == nullptr) {
      tree_ =
          pg_query__parse_result__unpack(nullptr, result_.parse_tree.len,
                                         reinterpret_cast<const uint8_t*>(result_.parse_tree.data));
    }
  }
  ~ProtobufParse() {
    if (tree_ != nullptr) pg_query__parse_result__free_unpacked(tree_, nullptr);
    pg_query_free_protobuf_parse_result(result_);
  }
  ProtobufParse(const ProtobufParse&) = delete;
  ProtobufParse& operator=(const ProtobufParse&) = delete;

  const PgQueryError* error() const { return result_.error; }
  const PgQuery__ParseResult* tree() const { return tree_; }

 private:
  PgQueryProtobufParseResult result_;
  PgQuery__ParseResult* tree_ = nullptr;
};

std::string MaybeQuoted(const std::string& name) {
  bool plain = IsPlainIdentifier(name);
  for (char c : name) plain = plain && !(c >= 'A' && c <= 'Z');
  return plain ? name : QuoteIdentifier(name);
}

// "AlterTableStmt": the type of the Node oneof's active member.
std::string NodeName(const PgQuery__Node& node) {
  const ProtobufCMessageDescriptor& descriptor = *node.base.descriptor;
  for (unsigned i = 0; i < descriptor.n_fields; ++i) {
    const ProtobufCFieldDescriptor& field = descriptor.fields[i];
    if (field.id == static_cast<uint32_t>(node.node_case) && field.descriptor != nullptr) {
      return static_cast<const ProtobufCMessageDescriptor*>(field.descriptor)->short_name;
    }
  }
  return "Node";
}

// A token of a statement's text, for the facts libpg_query's tree does not
// keep: where each ALTER TABLE action starts, and identifiers as written
// (its scanner has already cut them to 63 bytes).
struct TextToken {
  enum class Kind { kWord, kQuotedIdentifier, kString, kPunctuation };
  Kind kind;
  size_t start;
  std::string_view text;
  int depth;  // parentheses and brackets open before it
};

class TextLexer {
 public:
  TextLexer(std::string_view text, size_t begin, size_t end)
      : text_(text), pos_(begin), end_(end) {}

  // Tokens of the span, blanks and comments skipped; false when a quote or
  // a parenthesis is left open.
  bool Tokenize(std::vector<TextToken>& out) {
    int depth = 0;
    while ((pos_ = SkipBlanksAndComments(text_, pos_, end_)) < end_) {
      const size_t start = pos_;
      const char c = text_[pos_];
      TextToken::Kind kind = TextToken::Kind::kString;
      if (c == '\'' || ((c == 'E' || c == 'e') && Peek(1) == '\'')) {
        if (!SkipString()) return false;
      } else if (c == '"') {
        kind = TextToken::Kind::kQuotedIdentifier;
        if (!SkipQuoted()) return false;
      } else if (c == '$' && !DollarTag().empty()) {
        if (!SkipDollarBody()) return false;
      } else if (IsWordByte(c)) {
        kind = TextToken::Kind::kWord;
        while (pos_ < end_ && IsWordByte(text_[pos_])) ++pos_;
      } else {
        kind = TextToken::Kind::kPunctuation;
        ++pos_;
      }
      if (c == ')' || c == ']') --depth;
      out.push_back({kind, start, text_.substr(start, pos_ - start), depth});
      if (c == '(' || c == '[') ++depth;
    }
    return depth == 0;
  }

 private:
  static bool IsWordByte(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '$' || (static_cast<unsigned char>(c) & 0x80) != 0;
  }
  char Peek(size_t ahead) const { return pos_ + ahead < end_ ? text_[pos_ + ahead] : '\0'; }
  bool SkipString() {
    const bool escapes = text_[pos_] != '\'';
    pos_ += escapes ? 2 : 1;
    while (pos_ < end_) {
      const char c = text_[pos_++];
      if (escapes && c == '\\') {
        ++pos_;
      } else if (c == '\'') {
        if (pos_ >= end_ || text_[pos_] != '\'') return true;
        ++pos_;
      }
    }
    return false;
  }
  bool SkipQuoted() {
    ++pos_;
    while (pos_ < end_) {
      if (text_[pos_++] != '"') continue;
      if (pos_ >= end_ || text_[pos_] != '"') return true;
      ++pos_;
    }
    return false;
  }
  // "$tag$" or "$$" at pos_; empty when pos_ does not open a dollar quote.
  std::string_view DollarTag() const {
    size_t i = pos_ + 1;
    if (i < end_ && text_[i] >= '0' && text_[i] <= '9') return {};  // $1
    while (i < end_ && text_[i] != '$' && IsWordByte(text_[i])) ++i;
    if (i >= end_ || text_[i] != '$') return {};
    return text_.substr(pos_, i + 1 - pos_);
  }
  bool SkipDollarBody() {
    const std::string_view tag = DollarTag();
    const size_t close = text_.find(tag, pos_ + tag.size());
    if (close == std::string_view::npos || close + tag.size() > end_) return false;
    pos_ = close + tag.size();
    return true;
  }

  std::string_view text_;
  size_t pos_;
  size_t end_;
};

std::vector<TextToken> StatementTokens(std::string_view text, const ParsedStatement& statement) {
  std::vector<TextToken> tokens;
  TextLexer lexer(text, statement.offset, statement.offset + statement.length);
  if (!lexer.Tokenize(tokens)) tokens.clear();
  return tokens;
}

bool WordIs(std::string_view word, std::string_view upper) {
  if (word.size() != upper.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if ((word[i] & ~0x20) != upper[i]) return false;
  }
  return true;
}

// ALTER TABLE actions are separated by commas outside parentheses: give each
// action without a position from the tree the start of its part of the text,
// so rules report each action of a multi-line ALTER TABLE on its own line.
// Nothing changes when the text does not split into one part per action.
void LocateAlterActions(std::string_view text, ParsedStatement& statement) {
  if (statement.kind != StatementKind::kAlterTable || statement.actions.empty()) return;
  const std::vector<TextToken> tokens = StatementTokens(text, statement);
  std::vector<size_t> starts;
  size_t head = 0;  // tokens before the first top-level comma
  for (size_t t = 0; t < tokens.size(); ++t) {
    if (tokens[t].depth != 0 || tokens[t].text != ",") continue;
    if (starts.empty()) head = t;
    if (t + 1 < tokens.size()) starts.push_back(tokens[t + 1].start);
  }
  if (starts.empty()) head = tokens.size();
  if (tokens.empty() || starts.size() + 1 != statement.actions.size()) return;
  // The first action follows ALTER <object words> [IF EXISTS] [ONLY] name [*].
  auto word = [&](size_t t, std::string_view upper) {
    return t < head && tokens[t].kind == TextToken::Kind::kWord && WordIs(tokens[t].text, upper);
  };
  size_t i = 1;
  while (word(i, "TABLE") || word(i, "INDEX") || word(i, "VIEW") || word(i, "SEQUENCE") ||
         word(i, "MATERIALIZED") || word(i, "FOREIGN")) {
    ++i;
  }
  if (word(i, "IF") && word(i + 1, "EXISTS")) i += 2;
  if (word(i, "ONLY")) ++i;
  ++i;  // the name
  while (i + 1 < head && tokens[i].text == ".") i += 2;
  if (i < head && tokens[i].text == "*") ++i;
  starts.insert(starts.begin(), i < head ? tokens[i].start : statement.offset);
  for (size_t a = 0; a < statement.actions.size(); ++a) {
    if (statement.actions[a].offset == statement.offset) statement.actions[a].offset = starts[a];
  }
}

// PostgreSQL's truncate_identifier: at most 63 bytes, cut at a character.
std::string TruncatedIdentifier(std::string_view name) {
  size_t length = std::min<size_t>(name.size(), 63);
  while (length > 0 && length < name.size() &&
         (static_cast<unsigned char>(name[length]) & 0xC0) == 0x80) {
    --length;
  }
  return std::string(name.substr(0, length));
}

// Translate notes the names a statement creates that may have been cut to 63
// bytes; keep those the text spells longer, as written (folded as the parser
// folds them).
void ResolveLongIdentifiers(std::string_view text, ParsedStatement& statement) {
  if (statement.long_identifiers.empty()) return;
  std::vector<std::string> written;
  for (const TextToken& token : StatementTokens(text, statement)) {
    if (token.text.size() <= 63) continue;
    std::string name;
    if (token.kind == TextToken::Kind::kWord) {
      name = std::string(token.text);
      for (char& c : name) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    } else if (token.kind == TextToken::Kind::kQuotedIdentifier) {
      for (size_t i = 1; i + 1 < token.text.size(); ++i) {
        name += token.text[i];
        if (token.text[i] == '"') ++i;  // "" stands for one quote
      }
    }
    if (name.size() > 63) written.push_back(std::move(name));
  }
  std::vector<std::string> resolved;
  for (const std::string& candidate : statement.long_identifiers) {
    for (const std::string& name : written) {
      if (TruncatedIdentifier(name) == candidate) {
        resolved.push_back(name);
        break;
      }
    }
  }
  statement.long_identifiers = std::move(resolved);
}

}  // namespace

std::string QualifiedName::Display() const {
  return schema.empty() ? MaybeQuoted(name) : MaybeQuoted(schema) + "." + MaybeQuoted(name);
}

std::string TypeInfo::Display() const {
  std::string text = schema.empty() ? name : schema + "." + name;
  if (!modifiers.empty()) text += fmt::format("({})", fmt::join(modifiers, ","));
  if (is_array) text += "[]";
  return text;
}

Result<std::vector<ParsedStatement>> ParsePostgresScript(std::string_view script) {
  STRATA_RETURN_IF_ERROR(CheckScriptText(script));  // no NUL bytes, valid UTF-8
  const std::string text(script);
  ProtobufParse parse(text);
  if (parse.error() != nullptr) {
    const PgQueryError& error = *parse.error();
    base::TextPosition pos = base::PositionOf(text, ErrorCursorOffset(text, error.cursorpos));
    Status status(Code::kInvalidMigrations, std::string(error.message));
    status.mutable_context().line = pos.line;
    status.mutable_context().column = pos.column;
    return status;
  }
  if (parse.tree() == nullptr) return Status(Code::kInternal, "unreadable parse tree");
  std::vector<ParsedStatement> statements;
  statements.reserve(parse.tree()->n_stmts);
  // Literals matter only after ALTER TYPE ... ADD VALUE (a new label used in
  // the same transaction); walking every tree for them costs a tenth of lint.
  bool enum_value_added = false;
  for (size_t i = 0; i < parse.tree()->n_stmts; ++i) {
    const PgQuery__RawStmt& raw = *parse.tree()->stmts[i];
    if (raw.stmt == nullptr) continue;
    ParsedStatement statement;
    statement.preamble = static_cast<size_t>(std::max(raw.stmt_location, 0));
    const size_t end =
        raw.stmt_len > 0 ? statement.preamble + static_cast<size_t>(raw.stmt_len) : text.size();
    statement.offset = SkipBlanksAndComments(text, statement.preamble, end);
    statement.length = end - statement.offset;
    statement.node = NodeName(*raw.stmt);
    tree::Translate(*raw.stmt, statement);
    if (enum_value_added) tree::CollectStringLiterals(*raw.stmt, statement);
    enum_value_added = enum_value_added || !statement.enum_value.empty();
    LocateAlterActions(text, statement);
    ResolveLongIdentifiers(text, statement);
    statements.push_back(std::move(statement));
  }
  return statements;
}

std::string_view StatementKindName(StatementKind kind) {
  switch (kind) {
    case StatementKind::kCreateTable:
      return "CREATE TABLE";
    case StatementKind::kCreateTableAs:
      return "CREATE TABLE AS";
    case StatementKind::kAlterTable:
      return "ALTER TABLE";
    case StatementKind::kCreateIndex:
      return "CREATE INDEX";
    case StatementKind::kDrop:
      return "DROP";
    case StatementKind::kReindex:
      return "REINDEX";
    case StatementKind::kRename:
      return "RENAME";
    case StatementKind::kVacuum:
      return "VACUUM";
    case StatementKind::kCluster:
      return "CLUSTER";
    case StatementKind::kRefreshMatView:
      return "REFRESH MATERIALIZED VIEW";
    case StatementKind::kLockTable:
      return "LOCK TABLE";
    case StatementKind::kTruncate:
      return "TRUNCATE";
    case StatementKind::kCreateDatabase:
      return "CREATE DATABASE";
    case StatementKind::kDropDatabase:
      return "DROP DATABASE";
    case StatementKind::kSet:
      return "SET";
    case StatementKind::kTransaction:
      return "transaction control";
    case StatementKind::kInsert:
      return "INSERT";
    case StatementKind::kUpdate:
      return "UPDATE";
    case StatementKind::kDelete:
      return "DELETE";
    case StatementKind::kMerge:
      return "MERGE";
    case StatementKind::kSelect:
      return "SELECT";
    case StatementKind::kCopy:
      return "COPY";
    case StatementKind::kAlterEnum:
      return "ALTER TYPE";
    case StatementKind::kCreateEnum:
      return "CREATE TYPE AS ENUM";
    case StatementKind::kCreateDomain:
      return "CREATE DOMAIN";
    case StatementKind::kAlterDomain:
      return "ALTER DOMAIN";
    case StatementKind::kDo:
      return "DO";
    case StatementKind::kCreateFunction:
      return "CREATE FUNCTION";
    case StatementKind::kCreateView:
      return "CREATE VIEW";
    case StatementKind::kCreateTrigger:
      return "CREATE TRIGGER";
    case StatementKind::kCreateSchema:
      return "CREATE SCHEMA";
    case StatementKind::kCreateSequence:
      return "CREATE SEQUENCE";
    case StatementKind::kCreateExtension:
      return "CREATE EXTENSION";
    case StatementKind::kComment:
      return "COMMENT";
    case StatementKind::kGrant:
      return "GRANT";
    case StatementKind::kOther:
      return "statement";
  }
  return "statement";
}

}  // namespace strata::sql
