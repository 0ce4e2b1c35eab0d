#include "drivers/postgres/pg_inspector.h"

#include <map>
#include <utility>

#include "base/sha256.h"
#include "base/strings.h"
#include "drivers/postgres/pg_catalog_queries.h"

namespace strata::drivers {

namespace {

using schema::Catalog;

std::string S(const Row& row, size_t i) { return row.at(i).value_or(""); }
bool B(const Row& row, size_t i) { return row.at(i).value_or("f") == "t"; }
int64_t I(const Row& row, size_t i) { return std::stoll(row.at(i).value_or("0")); }

std::string FkAction(const std::string& code) {
  if (code == "a") return "no action";
  if (code == "r") return "restrict";
  if (code == "c") return "cascade";
  if (code == "n") return "set null";
  if (code == "d") return "set default";
  return "";
}

// pg_get_viewdef ends with ';' and pg_get_functiondef with a newline.
std::string Tidy(std::string text) {
  std::string_view trimmed = base::Trim(text);
  if (!trimmed.empty() && trimmed.back() == ';') trimmed.remove_suffix(1);
  return std::string(base::Trim(trimmed));
}

// Decodes the rows of pg_catalog_queries.h, column by column as listed there.
class PostgresInspector final : public schema::Inspector {
 public:
  PostgresInspector(Driver& driver, const DriverOptions& options) : driver_(driver) {
    scope_.ledger_schema = options.ledger_schema;
    scope_.ledger_table = options.ledger_table;
  }

  Result<Catalog> Inspect() override {
    // An empty search_path makes every rendered name schema-qualified, so
    // the text does not depend on the role's settings (as pg_dump does).
    STRATA_RETURN_IF_ERROR(driver_.Execute(
        "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL search_path = ''"));
    Result<Catalog> catalog = ReadAll();
    Status end = catalog.ok() ? driver_.Execute("COMMIT") : driver_.Rollback();
    if (!end.ok() && catalog.ok()) return end;
    return catalog;
  }

 private:
  // Runs one catalog query and hands each row to `decode`.
  template <typename Decode>
  Status Read(const std::string& query, Decode decode) {
    STRATA_ASSIGN_OR_RETURN(std::vector<Row> rows, driver_.Query(query));
    for (const Row& row : rows) decode(row);
    return Status::Ok();
  }

  Result<Catalog> ReadAll() {
    STRATA_ASSIGN_OR_RETURN(std::vector<Row> version,
                            driver_.Query("SELECT current_setting('server_version_num')::int"));
    scope_.server_version = version.empty() ? 0 : I(version[0], 0);
    Catalog c;
    c.dialect = "postgres";
    STRATA_RETURN_IF_ERROR(
        Read(pg::SchemasQuery(), [&](const Row& r) { c.schemas.push_back({S(r, 0)}); }));
    STRATA_RETURN_IF_ERROR(Read(pg::ExtensionsQuery(), [&](const Row& r) {
      c.extensions.push_back({S(r, 0), S(r, 1), S(r, 2)});
    }));
    STRATA_RETURN_IF_ERROR(Read(pg::TypesQuery(), [&](const Row& r) { AddType(c, r); }));
    STRATA_RETURN_IF_ERROR(
        Read(pg::SequencesQuery(scope_), [&](const Row& r) { AddSequence(c, r); }));
    STRATA_RETURN_IF_ERROR(Read(pg::TablesQuery(scope_), [&](const Row& r) { AddTable(c, r); }));
    for (schema::Table& t : c.tables) tables_[{t.schema, t.name}] = &t;
    STRATA_RETURN_IF_ERROR(Read(pg::ColumnsQuery(scope_), [&](const Row& r) { AddColumn(r); }));
    STRATA_RETURN_IF_ERROR(
        Read(pg::ConstraintsQuery(scope_), [&](const Row& r) { AddConstraint(r); }));
    STRATA_RETURN_IF_ERROR(Read(pg::IndexesQuery(scope_), [&](const Row& r) { AddIndex(c, r); }));
    STRATA_RETURN_IF_ERROR(Read(pg::ViewsQuery(scope_), [&](const Row& r) {
      c.views.push_back({S(r, 0), S(r, 1), B(r, 2), Tidy(S(r, 3))});
    }));
    STRATA_RETURN_IF_ERROR(
        Read(pg::FunctionsQuery(scope_), [&](const Row& r) { AddFunction(c, r); }));
    STRATA_RETURN_IF_ERROR(Read(pg::TriggersQuery(scope_), [&](const Row& r) {
      const std::string e = S(r, 4);
      c.triggers.push_back({S(r, 0), S(r, 1), S(r, 2), S(r, 3),
                            e == "D"   ? "disabled"
                            : e == "R" ? "replica"
                            : e == "A" ? "always"
                                       : "origin"});
    }));
    STRATA_RETURN_IF_ERROR(Read(pg::PoliciesQuery(scope_), [&](const Row& r) { AddPolicy(c, r); }));
    tables_.clear();
    DropEmptyLedgerSchema(c);
    schema::Normalize(c);
    return c;
  }

  static void AddType(Catalog& c, const Row& r) {
    schema::Type t;
    t.schema = S(r, 0);
    t.name = S(r, 1);
    t.kind = S(r, 2) == "e" ? "enum" : "domain";
    t.labels = ParsePgArray(S(r, 3));
    t.base_type = S(r, 4);
    t.not_null = B(r, 5);
    t.default_expr = S(r, 6);
    t.collation = S(r, 7);
    t.checks = ParsePgArray(S(r, 8));
    c.types.push_back(std::move(t));
  }

  static void AddSequence(Catalog& c, const Row& r) {
    schema::Sequence s;
    s.schema = S(r, 0);
    s.name = S(r, 1);
    s.type = S(r, 2);
    s.start = I(r, 3);
    s.increment = I(r, 4);
    s.min = I(r, 5);
    s.max = I(r, 6);
    s.cache = I(r, 7);
    s.cycle = B(r, 8);
    if (r.at(9)) s.owned_by = schema::QualifiedName({S(r, 9), S(r, 10), S(r, 11)});
    c.sequences.push_back(std::move(s));
  }

  static void AddTable(Catalog& c, const Row& r) {
    schema::Table t;
    t.schema = S(r, 0);
    t.name = S(r, 1);
    t.persistence = S(r, 2) == "u" ? "unlogged" : "permanent";
    t.partition_key = S(r, 3);
    if (r.at(4)) t.partition_of = schema::QualifiedName({S(r, 4), S(r, 5)});
    t.partition_bound = S(r, 6);
    t.rls_enabled = B(r, 7);
    t.rls_forced = B(r, 8);
    c.tables.push_back(std::move(t));
  }

  // The table a column or constraint row (schema, table, ...) belongs to.
  schema::Table* TableOf(const Row& r) {
    auto it = tables_.find({S(r, 0), S(r, 1)});
    return it == tables_.end() ? nullptr : it->second;
  }

  void AddColumn(const Row& r) {
    schema::Table* table = TableOf(r);
    if (table == nullptr) return;
    schema::Column col;
    col.name = S(r, 2);
    col.position = I(r, 3);
    col.type = S(r, 4);
    col.not_null = B(r, 5);
    col.default_expr = S(r, 6);
    col.identity = S(r, 7) == "a" ? "always" : S(r, 7) == "d" ? "by default" : "";
    col.generated = S(r, 8);
    col.collation = S(r, 9);
    table->columns.push_back(std::move(col));
  }

  void AddConstraint(const Row& r) {
    schema::Table* table = TableOf(r);
    if (table == nullptr) return;
    schema::Constraint con;
    con.name = S(r, 2);
    const std::string type = S(r, 3);
    con.kind = type == "p"   ? schema::ConstraintKind::kPrimaryKey
               : type == "u" ? schema::ConstraintKind::kUnique
               : type == "x" ? schema::ConstraintKind::kExclusion
               : type == "f" ? schema::ConstraintKind::kForeignKey
                             : schema::ConstraintKind::kCheck;
    con.columns = ParsePgArray(S(r, 4));
    con.definition = S(r, 5);
    con.ref_schema = S(r, 6);
    con.ref_table = S(r, 7);
    con.ref_columns = ParsePgArray(S(r, 8));
    con.on_update = FkAction(S(r, 9));
    con.on_delete = FkAction(S(r, 10));
    con.deferrable = B(r, 11);
    con.initially_deferred = B(r, 12);
    con.valid = B(r, 13);
    table->constraints.push_back(std::move(con));
  }

  static void AddIndex(Catalog& c, const Row& r) {
    schema::Index index;
    index.schema = S(r, 0);
    index.table = S(r, 1);
    index.name = S(r, 2);
    index.method = S(r, 3);
    index.unique = B(r, 4);
    index.keys = ParsePgArray(S(r, 5));
    index.include = ParsePgArray(S(r, 6));
    index.predicate = S(r, 7);
    index.valid = B(r, 8);
    index.nulls_not_distinct = B(r, 9);
    c.indexes.push_back(std::move(index));
  }

  static void AddFunction(Catalog& c, const Row& r) {
    schema::Function f;
    f.schema = S(r, 0);
    f.name = S(r, 1);
    f.arguments = S(r, 2);
    const std::string kind = S(r, 3);
    f.kind = kind == "p"   ? "procedure"
             : kind == "a" ? "aggregate"
             : kind == "w" ? "window"
                           : "function";
    f.result = S(r, 4);
    f.language = S(r, 5);
    const std::string volatility = S(r, 6);
    f.volatility = volatility == "i" ? "immutable" : volatility == "s" ? "stable" : "volatile";
    f.strict = B(r, 7);
    f.security_definer = B(r, 8);
    f.body_sha256 = base::Sha256Hex(S(r, 9));
    f.definition = Tidy(S(r, 10));
    c.functions.push_back(std::move(f));
  }

  static void AddPolicy(Catalog& c, const Row& r) {
    schema::Policy p;
    p.schema = S(r, 0);
    p.table = S(r, 1);
    p.name = S(r, 2);
    const std::string cmd = S(r, 3);
    p.command = cmd == "r"   ? "select"
                : cmd == "a" ? "insert"
                : cmd == "w" ? "update"
                : cmd == "d" ? "delete"
                             : "all";
    p.permissive = B(r, 4);
    p.roles = ParsePgArray(S(r, 5));
    p.using_expr = S(r, 6);
    p.check_expr = S(r, 7);
    c.policies.push_back(std::move(p));
  }

  // strata creates the ledger schema when it is missing: it is strata's
  // own unless something of the application's lives in it too.
  void DropEmptyLedgerSchema(Catalog& c) const {
    const std::string& ledger = scope_.ledger_schema;
    if (ledger == "public") return;
    auto in = [&](const auto& items) {
      for (const auto& item : items) {
        if (item.schema == ledger) return true;
      }
      return false;
    };
    if (in(c.types) || in(c.sequences) || in(c.tables) || in(c.indexes) || in(c.views) ||
        in(c.functions) || in(c.extensions)) {
      return;
    }
    std::erase_if(c.schemas, [&](const schema::Namespace& n) { return n.name == ledger; });
  }

  Driver& driver_;
  pg::CatalogScope scope_;
  std::map<std::pair<std::string, std::string>, schema::Table*> tables_;
};

}  // namespace

std::unique_ptr<schema::Inspector> NewPostgresInspector(Driver& driver,
                                                        const DriverOptions& options) {
  return std::make_unique<PostgresInspector>(driver, options);
}

std::vector<std::string> ParsePgArray(std::string_view text) {
  std::vector<std::string> out;
  if (text.size() < 2 || text.front() != '{' || text[1] == '}') return out;
  size_t i = 1;
  while (i < text.size()) {
    std::string item;
    if (text[i] == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) ++i;
        item += text[i];
      }
      ++i;  // the closing quote
    } else {
      while (i < text.size() && text[i] != ',' && text[i] != '}') item += text[i++];
      if (item == "NULL") item.clear();
    }
    out.push_back(std::move(item));
    if (i >= text.size() || text[i] == '}') break;
    ++i;  // the comma
  }
  return out;
}

}  // namespace strata::drivers
