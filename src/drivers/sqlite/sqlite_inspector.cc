#include "drivers/sqlite/sqlite_inspector.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <utility>

#include "base/strings.h"
#include "sql/statement_text.h"

namespace strata::drivers {

namespace {

using schema::Catalog;

std::string S(const Row& row, size_t i) { return row.at(i).value_or(""); }
int64_t I(const Row& row, size_t i) { return std::stoll(row.at(i).value_or("0")); }

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

class SqliteInspector final : public schema::Inspector {
 public:
  SqliteInspector(Driver& driver, const DriverOptions& options) : driver_(driver) {
    // The application's objects (m is sqlite_schema).
    filter_ = fmt::format(
        "m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND m.tbl_name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
        "AND m.tbl_name <> {} COLLATE NOCASE AND m.tbl_name NOT IN (SELECT l.name FROM "
        "pragma_table_list l WHERE l.schema = 'main' AND l.type = 'shadow')",
        sql::QuoteLiteral(options.ledger_table));
  }

  Result<Catalog> Inspect() override {
    STRATA_RETURN_IF_ERROR(driver_.Execute("BEGIN"));
    Result<Catalog> catalog = ReadAll();
    Status end = catalog.ok() ? driver_.Execute("COMMIT") : driver_.Rollback();
    if (!end.ok() && catalog.ok()) return end;
    return catalog;
  }

  // SQLite keeps the whole schema as CREATE text in sqlite_schema, which
  // ALTER TABLE rewrites: every pragma the catalog is read from follows from
  // these rows, so equal rows mean equal catalogs.
  Result<std::string> Snapshot() override {
    STRATA_ASSIGN_OR_RETURN(
        std::vector<Row> rows,
        driver_.Query(fmt::format("SELECT m.type, m.name, m.tbl_name, m.sql FROM sqlite_schema m "
                                  "WHERE {} ORDER BY m.type, m.name",
                                  filter_)));
    std::string snapshot;
    for (const Row& r : rows) {
      for (const std::optional<std::string>& value : r) {
        // Length-prefixed, so no text can pass for a field boundary.
        const std::string field = value.value_or("");
        snapshot += fmt::format("{}{}:{}", value ? "" : "~", field.size(), field);
      }
      snapshot += '\n';
    }
    return snapshot;
  }

 private:
  Result<Catalog> ReadAll() {
    Catalog c;
    c.dialect = "sqlite";
    STRATA_RETURN_IF_ERROR(ReadTables(c));
    STRATA_RETURN_IF_ERROR(ReadColumns());
    STRATA_RETURN_IF_ERROR(ReadIndexes(c));
    STRATA_RETURN_IF_ERROR(ReadForeignKeys());
    STRATA_RETURN_IF_ERROR(ReadViewsAndTriggers(c));
    schema::Normalize(c);
    return c;
  }

  Status ReadTables(Catalog& c) {
    STRATA_ASSIGN_OR_RETURN(
        std::vector<Row> rows,
        driver_.Query(fmt::format(
            "SELECT m.name, m.sql, l.strict, l.wr FROM sqlite_schema m JOIN pragma_table_list l "
            "ON l.schema = 'main' AND l.name = m.name WHERE m.type = 'table' AND {}",
            filter_)));
    for (const Row& r : rows) {
      schema::Table t;
      t.schema = "main";
      t.name = S(r, 0);
      t.definition = S(r, 1);
      t.strict = S(r, 2) == "1";
      t.without_rowid = S(r, 3) == "1";
      c.tables.push_back(std::move(t));
    }
    for (schema::Table& t : c.tables) tables_[t.name] = &t;
    return Status::Ok();
  }

  schema::Table* TableOf(const Row& r) {
    auto it = tables_.find(S(r, 0));
    return it == tables_.end() ? nullptr : it->second;
  }

  Status ReadColumns() {
    STRATA_ASSIGN_OR_RETURN(
        std::vector<Row> rows,
        driver_.Query(fmt::format(
            "SELECT m.name, c.name, c.type, c.\"notnull\", c.dflt_value, c.pk, c.hidden "
            "FROM sqlite_schema m JOIN pragma_table_xinfo(m.name) c "
            "WHERE m.type = 'table' AND c.hidden <> 1 AND {} ORDER BY m.name, c.cid",
            filter_)));
    std::map<schema::Table*, std::vector<std::pair<int64_t, std::string>>> keys;
    for (const Row& r : rows) {
      schema::Table* table = TableOf(r);
      if (table == nullptr) continue;
      schema::Column col;
      col.name = S(r, 1);
      col.position = static_cast<int64_t>(table->columns.size()) + 1;
      col.type = S(r, 2);
      col.not_null = S(r, 3) == "1";
      col.default_expr = S(r, 4);
      const int64_t hidden = I(r, 6);
      col.generated = hidden == 2 ? "virtual" : hidden == 3 ? "stored" : "";
      if (I(r, 5) > 0) keys[table].emplace_back(I(r, 5), col.name);
      table->columns.push_back(std::move(col));
    }
    for (auto& [table, columns] : keys) {
      std::sort(columns.begin(), columns.end());
      schema::Constraint pk;
      pk.name = "primary key";
      pk.kind = schema::ConstraintKind::kPrimaryKey;
      for (auto& [order, name] : columns) pk.columns.push_back(name);
      table->constraints.push_back(std::move(pk));
    }
    return Status::Ok();
  }

  Status ReadIndexes(Catalog& c) {
    STRATA_ASSIGN_OR_RETURN(
        std::vector<Row> rows,
        driver_.Query(fmt::format(
            "SELECT m.name, il.name, il.\"unique\", il.origin, ii.name, ii.\"desc\", ii.coll, "
            "s.sql FROM sqlite_schema m JOIN pragma_index_list(m.name) il "
            "JOIN pragma_index_xinfo(il.name) ii "
            "LEFT JOIN sqlite_schema s ON s.type = 'index' AND s.name = il.name "
            "WHERE m.type = 'table' AND ii.key = 1 AND {} ORDER BY m.name, il.name, ii.seqno",
            filter_)));
    // Rows come one per key column, grouped by index.
    for (size_t i = 0; i < rows.size();) {
      const Row& first = rows[i];
      std::vector<std::string> columns, keys;
      size_t j = i;
      for (; j < rows.size() && S(rows[j], 0) == S(first, 0) && S(rows[j], 1) == S(first, 1); ++j) {
        columns.push_back(rows[j][4] ? S(rows[j], 4) : "<expression>");
        std::string key = columns.back();
        if (Lower(S(rows[j], 6)) != "binary") key += " COLLATE " + S(rows[j], 6);
        if (S(rows[j], 5) == "1") key += " DESC";
        keys.push_back(std::move(key));
      }
      i = j;
      schema::Table* table = TableOf(first);
      const std::string origin = S(first, 3);
      if (table == nullptr || origin == "pk") continue;  // the key is in the columns
      if (origin == "u") {
        schema::Constraint unique;
        unique.kind = schema::ConstraintKind::kUnique;
        unique.name = "unique (" + base::Join(columns, ", ") + ")";
        unique.columns = std::move(columns);
        table->constraints.push_back(std::move(unique));
        continue;
      }
      schema::Index index;
      index.schema = "main";
      index.table = table->name;
      index.name = S(first, 1);
      index.method = "btree";
      index.unique = S(first, 2) == "1";
      index.definition = S(first, 7);
      IndexText text = ParseSqliteIndex(index.definition);
      index.keys = text.keys.empty() ? std::move(keys) : std::move(text.keys);
      index.predicate = std::move(text.predicate);
      c.indexes.push_back(std::move(index));
    }
    return Status::Ok();
  }

  Status ReadForeignKeys() {
    STRATA_ASSIGN_OR_RETURN(
        std::vector<Row> rows,
        driver_.Query(fmt::format(
            "SELECT m.name, f.id, f.\"table\", f.\"from\", f.\"to\", f.on_update, f.on_delete "
            "FROM sqlite_schema m JOIN pragma_foreign_key_list(m.name) f "
            "WHERE m.type = 'table' AND {} ORDER BY m.name, f.id, f.seq",
            filter_)));
    for (size_t i = 0; i < rows.size();) {
      const Row& first = rows[i];
      schema::Constraint fk;
      fk.kind = schema::ConstraintKind::kForeignKey;
      fk.ref_schema = "main";
      fk.ref_table = S(first, 2);
      fk.on_update = Lower(S(first, 5));
      fk.on_delete = Lower(S(first, 6));
      size_t j = i;
      for (; j < rows.size() && S(rows[j], 0) == S(first, 0) && S(rows[j], 1) == S(first, 1); ++j) {
        fk.columns.push_back(S(rows[j], 3));
        // NULL "to": the referenced table's primary key.
        if (rows[j][4]) fk.ref_columns.push_back(S(rows[j], 4));
      }
      i = j;
      fk.name =
          fmt::format("foreign key ({}) references {}", base::Join(fk.columns, ", "), fk.ref_table);
      if (schema::Table* table = TableOf(first)) table->constraints.push_back(std::move(fk));
    }
    return Status::Ok();
  }

  Status ReadViewsAndTriggers(Catalog& c) {
    STRATA_ASSIGN_OR_RETURN(
        std::vector<Row> rows,
        driver_.Query(fmt::format("SELECT m.type, m.name, m.tbl_name, m.sql FROM sqlite_schema m "
                                  "WHERE m.type IN ('view', 'trigger') AND {}",
                                  filter_)));
    for (const Row& r : rows) {
      if (S(r, 0) == "view") {
        c.views.push_back({"main", S(r, 1), false, S(r, 3)});
      } else {
        c.triggers.push_back({"main", S(r, 2), S(r, 1), S(r, 3), "origin"});
      }
    }
    return Status::Ok();
  }

  Driver& driver_;
  std::string filter_;
  std::map<std::string, schema::Table*> tables_;
};

}  // namespace

std::unique_ptr<schema::Inspector> NewSqliteInspector(Driver& driver,
                                                      const DriverOptions& options) {
  return std::make_unique<SqliteInspector>(driver, options);
}

IndexText ParseSqliteIndex(std::string_view sql) {
  const size_t n = sql.size();
  size_t open = std::string_view::npos, close = std::string_view::npos;
  size_t where = std::string_view::npos;
  std::vector<size_t> commas;
  int depth = 0;
  for (size_t i = 0; i < n; ++i) {
    const char ch = sql[i];
    if (ch == '\'' || ch == '"' || ch == '`') {  // a quoted string or name; doubled quotes inside
      for (++i; i < n; ++i) {
        if (sql[i] != ch) continue;
        if (i + 1 < n && sql[i + 1] == ch) {
          ++i;
          continue;
        }
        break;
      }
    } else if (ch == '[') {
      i = sql.find(']', i);
      if (i == std::string_view::npos) break;
    } else if (ch == '-' && i + 1 < n && sql[i + 1] == '-') {
      i = sql.find('\n', i);
      if (i == std::string_view::npos) break;
    } else if (ch == '/' && i + 1 < n && sql[i + 1] == '*') {
      i = sql.find("*/", i + 2);
      if (i == std::string_view::npos) break;
      ++i;
    } else if (ch == '(') {
      if (depth++ == 0 && open == std::string_view::npos) open = i;
    } else if (ch == ')') {
      if (--depth == 0 && close == std::string_view::npos) close = i;
    } else if (ch == ',' && depth == 1 && close == std::string_view::npos) {
      commas.push_back(i);
    } else if (depth == 0 && close != std::string_view::npos && where == std::string_view::npos &&
               i + 5 <= n && Lower(std::string(sql.substr(i, 5))) == "where" &&
               !IsWordChar(sql[i - 1]) && (i + 5 == n || !IsWordChar(sql[i + 5]))) {
      where = i;
    }
  }
  IndexText out;
  if (open == std::string_view::npos || close == std::string_view::npos) return out;
  size_t start = open + 1;
  commas.push_back(close);
  for (size_t comma : commas) {
    out.keys.emplace_back(base::Trim(sql.substr(start, comma - start)));
    start = comma + 1;
  }
  if (where != std::string_view::npos) out.predicate = base::Trim(sql.substr(where + 5));
  return out;
}

}  // namespace strata::drivers
