// CatalogToSql (schema/render.h): a readable DDL listing of a catalog.
#include <fmt/format.h>

#include "base/strings.h"
#include "schema/render.h"
#include "sql/statement_text.h"

namespace strata::schema {

namespace {

std::string Names(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + QuoteName(n);
  return out;
}

// SQLite keeps each object's CREATE text: the listing is those texts.
std::string SqliteSql(const Catalog& c) {
  std::string out;
  auto statement = [&](const std::string& text) {
    if (!text.empty()) out += text + ";\n\n";
  };
  for (const Table& t : c.tables) statement(t.definition);
  for (const Index& i : c.indexes) statement(i.definition);
  for (const View& v : c.views) statement(v.definition);
  for (const Trigger& t : c.triggers) statement(t.definition);
  return out;
}

std::string Upper(std::string text) {
  for (char& c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return text;
}

std::string ColumnSql(const Column& col) {
  std::string out = fmt::format("    {} {}", QuoteName(col.name), col.type);
  if (!col.collation.empty()) out += " COLLATE " + col.collation;
  if (!col.identity.empty()) {
    out += fmt::format(" GENERATED {} AS IDENTITY",
                       col.identity == "always" ? "ALWAYS" : "BY DEFAULT");
  }
  if (!col.generated.empty()) out += fmt::format(" GENERATED ALWAYS AS ({}) STORED", col.generated);
  if (!col.default_expr.empty()) out += " DEFAULT " + col.default_expr;
  if (col.not_null) out += " NOT NULL";
  return out;
}

void TableSql(std::string& out, const Table& t) {
  const std::string name = QualifiedName({t.schema, t.name});
  if (!t.partition_of.empty()) {
    out +=
        fmt::format("CREATE TABLE {} PARTITION OF {} {}", name, t.partition_of, t.partition_bound);
  } else {
    out +=
        fmt::format("CREATE {}TABLE {} (\n", t.persistence == "unlogged" ? "UNLOGGED " : "", name);
    std::vector<std::string> lines;
    for (const Column& col : t.columns) lines.push_back(ColumnSql(col));
    for (const Constraint& con : t.constraints) {
      if (con.kind == ConstraintKind::kForeignKey) continue;  // after every table
      lines.push_back(fmt::format("    CONSTRAINT {} {}", QuoteName(con.name), con.definition));
    }
    for (size_t i = 0; i < lines.size(); ++i) {
      out += lines[i] + (i + 1 < lines.size() ? ",\n" : "\n");
    }
    out += ")";
  }
  if (!t.partition_key.empty()) out += " PARTITION BY " + t.partition_key;
  out += ";\n";
  if (t.rls_enabled) out += fmt::format("ALTER TABLE {} ENABLE ROW LEVEL SECURITY;\n", name);
  if (t.rls_forced) out += fmt::format("ALTER TABLE {} FORCE ROW LEVEL SECURITY;\n", name);
  out += "\n";
}

void TypeSql(std::string& out, const Type& t) {
  const std::string name = QualifiedName({t.schema, t.name});
  if (t.kind == "enum") {
    std::vector<std::string> labels;
    for (const std::string& l : t.labels) labels.push_back(sql::QuoteLiteral(l));
    out += fmt::format("CREATE TYPE {} AS ENUM ({});\n", name, base::Join(labels, ", "));
    return;
  }
  out += fmt::format("CREATE DOMAIN {} AS {}", name, t.base_type);
  if (!t.collation.empty()) out += " COLLATE " + t.collation;
  if (!t.default_expr.empty()) out += " DEFAULT " + t.default_expr;
  if (t.not_null) out += " NOT NULL";
  for (const std::string& check : t.checks) out += "\n    CONSTRAINT " + check;
  out += ";\n";
}

void IndexSql(std::string& out, const Index& i) {
  if (!i.valid) out += "-- INVALID: left by a failed CREATE INDEX CONCURRENTLY\n";
  out += fmt::format("CREATE {}INDEX {} ON {} USING {} ({})", i.unique ? "UNIQUE " : "",
                     QuoteName(i.name), QualifiedName({i.schema, i.table}), i.method,
                     base::Join(i.keys, ", "));
  if (!i.include.empty()) out += fmt::format(" INCLUDE ({})", Names(i.include));
  if (i.nulls_not_distinct) out += " NULLS NOT DISTINCT";
  if (!i.predicate.empty()) out += " WHERE " + i.predicate;
  out += ";\n";
}

void PolicySql(std::string& out, const Policy& p) {
  std::vector<std::string> roles;
  for (const std::string& r : p.roles) roles.push_back(r == "public" ? r : QuoteName(r));
  out +=
      fmt::format("CREATE POLICY {} ON {} AS {} FOR {} TO {}", QuoteName(p.name),
                  QualifiedName({p.schema, p.table}), p.permissive ? "PERMISSIVE" : "RESTRICTIVE",
                  Upper(p.command), base::Join(roles, ", "));
  if (!p.using_expr.empty()) out += fmt::format(" USING ({})", p.using_expr);
  if (!p.check_expr.empty()) out += fmt::format(" WITH CHECK ({})", p.check_expr);
  out += ";\n";
}

std::string PostgresSql(const Catalog& c) {
  std::string out;
  for (const Namespace& n : c.schemas) {
    if (n.name != "public") out += fmt::format("CREATE SCHEMA {};\n", QuoteName(n.name));
  }
  for (const Extension& e : c.extensions) {
    out += fmt::format("CREATE EXTENSION IF NOT EXISTS {} WITH SCHEMA {} VERSION {};\n",
                       QuoteName(e.name), QuoteName(e.schema), sql::QuoteLiteral(e.version));
  }
  for (const Type& t : c.types) TypeSql(out, t);
  for (const Sequence& s : c.sequences) {
    out += fmt::format(
        "CREATE SEQUENCE {} AS {} INCREMENT BY {} MINVALUE {} MAXVALUE {} START WITH {} CACHE "
        "{}{};\n",
        QualifiedName({s.schema, s.name}), s.type, s.increment, s.min, s.max, s.start, s.cache,
        s.cycle ? " CYCLE" : "");
  }
  if (!out.empty()) out += "\n";
  for (const Table& t : c.tables) TableSql(out, t);
  for (const Table& t : c.tables) {
    for (const Constraint& con : t.constraints) {
      if (con.kind != ConstraintKind::kForeignKey) continue;
      out += fmt::format("ALTER TABLE {} ADD CONSTRAINT {} {};\n",
                         QualifiedName({t.schema, t.name}), QuoteName(con.name), con.definition);
    }
  }
  for (const Sequence& s : c.sequences) {
    if (s.owned_by.empty()) continue;
    out += fmt::format("ALTER SEQUENCE {} OWNED BY {};\n", QualifiedName({s.schema, s.name}),
                       s.owned_by);
  }
  for (const Index& i : c.indexes) IndexSql(out, i);
  for (const View& v : c.views) {
    out += fmt::format("\nCREATE {}VIEW {} AS\n{};\n", v.materialized ? "MATERIALIZED " : "",
                       QualifiedName({v.schema, v.name}), v.definition);
  }
  for (const Function& f : c.functions) {
    if (f.definition.empty()) {
      out += fmt::format("\n-- {} {}({}): no definition to show\n", f.kind,
                         QualifiedName({f.schema, f.name}), f.arguments);
    } else {
      out += fmt::format("\n{};\n", f.definition);
    }
  }
  if (!c.triggers.empty()) out += "\n";
  for (const Trigger& t : c.triggers) out += t.definition + ";\n";
  if (!c.policies.empty()) out += "\n";
  for (const Policy& p : c.policies) PolicySql(out, p);
  return out;
}

}  // namespace

std::string CatalogToSql(const Catalog& catalog) {
  std::string body = catalog.dialect == "sqlite" ? SqliteSql(catalog) : PostgresSql(catalog);
  return fmt::format(
      "-- strata inspect --sql ({}): objects grouped by kind, not ordered by dependency;\n"
      "-- a listing to read and review, not a restore script.\n\n{}",
      catalog.dialect, body);
}

}  // namespace strata::schema
