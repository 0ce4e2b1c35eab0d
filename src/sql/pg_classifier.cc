#include "sql/pg_classifier.h"

#include <fmt/format.h>
#include <pg_query.h>

#include <nlohmann/json.hpp>

#include "base/strings.h"
#include "sql/statement_text.h"

namespace strata::sql {

namespace {

class ParseResult {
 public:
  explicit ParseResult(const std::string& text) : result_(pg_query_parse(text.c_str())) {}
  ~ParseResult() { pg_query_free_parse_result(result_); }
  ParseResult(const ParseResult&) = delete;
  ParseResult& operator=(const ParseResult&) = delete;
  const PgQueryParseResult& get() const { return result_; }

 private:
  PgQueryParseResult result_;
};

// "schema"."name" or "name" from a RangeVar.
std::string RelationName(const nlohmann::json& range_var) {
  if (!range_var.is_object()) return {};
  std::string name = range_var.value("relname", "");
  if (name.empty()) return {};
  std::string schema = range_var.value("schemaname", "");
  return schema.empty() ? QuoteIdentifier(name)
                        : QuoteIdentifier(schema) + "." + QuoteIdentifier(name);
}

// Flags from the tree's text: a full JSON parse costs more than the
// PostgreSQL parse itself, and only names need one (see `want_names`).
void Classify(const std::string& node, std::string_view tree, PgStatementInfo& info) {
  info.node = node;
  auto has = [&](std::string_view text) { return tree.find(text) != std::string_view::npos; };
  auto no_tx = [&](const char* what) {
    info.needs_no_transaction = true;
    info.what = what;
  };
  if (node == "IndexStmt" && has("\"concurrent\":true")) {
    no_tx("CREATE INDEX CONCURRENTLY");
  } else if (node == "DropStmt" && has("\"concurrent\":true")) {
    no_tx("DROP INDEX CONCURRENTLY");
  } else if (node == "ReindexStmt" && has("\"defname\":\"concurrently\"")) {
    no_tx("REINDEX CONCURRENTLY");
  } else if (node == "VacuumStmt" && has("\"is_vacuumcmd\":true")) {
    no_tx("VACUUM");
  } else if (node == "CreatedbStmt") {
    no_tx("CREATE DATABASE");
  } else if (node == "DropdbStmt") {
    no_tx("DROP DATABASE");
  } else if (node == "AlterSystemStmt") {
    no_tx("ALTER SYSTEM");
  } else if (node == "CreateTableSpaceStmt") {
    no_tx("CREATE TABLESPACE");
  } else if (node == "DropTableSpaceStmt") {
    no_tx("DROP TABLESPACE");
  } else if (node == "CopyStmt") {
    info.copy_with_client_stream = !has("\"filename\":") && !has("\"is_program\":true");
  } else if (node == "TransactionStmt") {
    info.transaction_control = true;
  }
}

// Index and table names, which need the tree itself.
void ReadNames(const std::string& node, const nlohmann::json& body, PgStatementInfo& info) {
  if (node == "AlterTableStmt" || node == "IndexStmt" || node == "RenameStmt" ||
      node == "CreateTrigStmt") {
    info.target_relation = RelationName(body.value("relation", nlohmann::json()));
  }
  if (node == "IndexStmt" && info.needs_no_transaction) {
    std::string name = body.value("idxname", "");
    if (!name.empty()) {
      std::string schema = body.value("relation", nlohmann::json::object()).value("schemaname", "");
      info.concurrent_index = schema.empty()
                                  ? QuoteIdentifier(name)
                                  : QuoteIdentifier(schema) + "." + QuoteIdentifier(name);
    }
  }
}

}  // namespace

Result<PgStatementInfo> ClassifyPostgres(std::string_view statement, bool want_names) {
  const std::string text(statement);
  ParseResult parsed(text);
  if (parsed.get().error != nullptr) {
    const PgQueryError& error = *parsed.get().error;
    base::TextPosition pos = base::PositionOf(text, ErrorCursorOffset(text, error.cursorpos));
    Status status(Code::kInvalidMigrations, std::string(error.message));
    status.mutable_context().line = pos.line;
    status.mutable_context().column = pos.column;
    return status;
  }
  PgStatementInfo info;
  const std::string_view tree(parsed.get().parse_tree);
  // The top statement's node name: the first key after "stmt".
  static constexpr std::string_view kStmt = "\"stmt\":{\"";
  size_t at = tree.find(kStmt);
  if (at == std::string_view::npos) return info;  // only comments
  at += kStmt.size();
  const std::string node(tree.substr(at, tree.find('"', at) - at));
  Classify(node, tree, info);
  if (want_names) {
    nlohmann::json json = nlohmann::json::parse(tree, nullptr, false);
    if (json.is_discarded()) return Status(Code::kInternal, "unreadable parse tree");
    const auto& stmts = json.value("stmts", nlohmann::json::array());
    if (!stmts.empty()) {
      ReadNames(node,
                stmts[0].value("stmt", nlohmann::json::object()).value(node, nlohmann::json()),
                info);
    }
  }
  return info;
}

}  // namespace strata::sql
