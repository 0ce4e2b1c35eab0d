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

bool HasDefElem(const nlohmann::json& list, std::string_view name) {
  if (!list.is_array()) return false;
  for (const auto& item : list) {
    const auto& def = item.value("DefElem", nlohmann::json::object());
    if (def.value("defname", "") == name) return true;
  }
  return false;
}

// "schema"."name" or "name" from a RangeVar.
std::string RelationName(const nlohmann::json& range_var) {
  if (!range_var.is_object()) return {};
  std::string name = range_var.value("relname", "");
  if (name.empty()) return {};
  std::string schema = range_var.value("schemaname", "");
  return schema.empty() ? QuoteIdentifier(name)
                        : QuoteIdentifier(schema) + "." + QuoteIdentifier(name);
}

void Classify(const std::string& node, const nlohmann::json& body, PgStatementInfo& info) {
  info.node = node;
  if (node == "AlterTableStmt" || node == "IndexStmt" || node == "RenameStmt" ||
      node == "CreateTrigStmt") {
    info.target_relation = RelationName(body.value("relation", nlohmann::json()));
  }
  auto no_tx = [&](const char* what) {
    info.needs_no_transaction = true;
    info.what = what;
  };
  if (node == "IndexStmt" && body.value("concurrent", false)) {
    no_tx("CREATE INDEX CONCURRENTLY");
    std::string name = body.value("idxname", "");
    if (!name.empty()) {
      std::string schema = body.value("relation", nlohmann::json::object()).value("schemaname", "");
      info.concurrent_index = schema.empty()
                                  ? QuoteIdentifier(name)
                                  : QuoteIdentifier(schema) + "." + QuoteIdentifier(name);
    }
  } else if (node == "DropStmt" && body.value("concurrent", false)) {
    no_tx("DROP INDEX CONCURRENTLY");
  } else if (node == "ReindexStmt" &&
             HasDefElem(body.value("params", nlohmann::json()), "concurrently")) {
    no_tx("REINDEX CONCURRENTLY");
  } else if (node == "VacuumStmt" && body.value("is_vacuumcmd", false)) {
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
    info.copy_with_client_stream = !body.contains("filename") && !body.value("is_program", false);
  } else if (node == "TransactionStmt") {
    info.transaction_control = true;
  }
}

}  // namespace

Result<PgStatementInfo> ClassifyPostgres(std::string_view statement) {
  const std::string text(statement);
  ParseResult parsed(text);
  if (parsed.get().error != nullptr) {
    const PgQueryError& error = *parsed.get().error;
    size_t offset = error.cursorpos > 0 ? static_cast<size_t>(error.cursorpos - 1) : 0;
    base::TextPosition pos = base::PositionOf(text, offset);
    Status status(Code::kInvalidMigrations, std::string(error.message));
    status.mutable_context().line = pos.line;
    status.mutable_context().column = pos.column;
    return status;
  }
  PgStatementInfo info;
  nlohmann::json tree = nlohmann::json::parse(parsed.get().parse_tree, nullptr, false);
  if (tree.is_discarded()) return Status(Code::kInternal, "unreadable parse tree");
  const auto& stmts = tree.value("stmts", nlohmann::json::array());
  if (stmts.empty()) return info;
  const auto& stmt = stmts[0].value("stmt", nlohmann::json::object());
  if (stmt.empty()) return info;
  Classify(stmt.begin().key(), stmt.begin().value(), info);
  return info;
}

}  // namespace strata::sql
