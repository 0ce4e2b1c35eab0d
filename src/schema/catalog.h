// Catalog: the normalized model of one database's schema, as an Inspector
// reads it. Pure values: no I/O, no engine types.
//
// Contracts:
// - Every object kind is one struct. Its identity (schema, table, name, and
//   for a function its argument list) is kept in plain fields; everything else
//   that can differ is listed by its ForEachAttribute(f), which calls
//   f(name, value) for every attribute, always the same names in the same
//   order, with value one of std::string, bool, int64_t or
//   std::vector<std::string>. Diff and the JSON rendering both go
//   through it, so an attribute added there is compared and rendered at once.
// - An empty string means "none" (no default, no predicate...).
// - Texts such as defaults, checks and view bodies are the engine's own
//   normalized rendering (PostgreSQL's pg_get_expr/pg_get_viewdef, SQLite's
//   stored CREATE text), so two databases built by the same SQL compare equal.
// - After Normalize() every list is sorted by identity (columns by position),
//   which is what Inspectors return; Diff does not depend on it.
// - Owners, privileges, comments, statistics and data are not modelled.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace strata::schema {

struct Column {
  std::string name;
  int64_t position = 0;   // 1-based among the live columns
  std::string type;       // with modifiers, e.g. "character varying(20)"
  bool not_null = false;  // declared NOT NULL (PostgreSQL: also a primary key's columns)
  std::string default_expr;
  std::string identity;   // "", "always", "by default"
  std::string generated;  // PostgreSQL: the expression; SQLite: "stored"/"virtual"
  std::string collation;  // only when not the type's default; SQLite: not reported

  template <typename F>
  void ForEachAttribute(F&& f) const {
    f("position", position);
    f("type", type);
    f("not_null", not_null);
    f("default", default_expr);
    f("identity", identity);
    f("generated", generated);
    f("collation", collation);
  }
};

enum class ConstraintKind { kPrimaryKey, kUnique, kCheck, kExclusion, kForeignKey };
// "primary_key", "unique", "check", "exclusion", "foreign_key".
const char* ConstraintKindName(ConstraintKind kind);

// A table constraint. SQLite constraints have no names in its catalog; the
// inspector names them from what identifies them: "primary key",
// "unique (a, b)", "foreign key (a) references t".
struct Constraint {
  std::string name;
  ConstraintKind kind = ConstraintKind::kCheck;
  std::vector<std::string> columns;
  std::string definition;  // PostgreSQL: pg_get_constraintdef; SQLite: empty
  // Foreign keys only (empty otherwise).
  std::string ref_schema;
  std::string ref_table;
  std::vector<std::string> ref_columns;
  std::string on_update;  // "no action", "restrict", "cascade", "set null", "set default"
  std::string on_delete;
  bool deferrable = false;
  bool initially_deferred = false;
  bool valid = true;  // false: NOT VALID, not yet validated

  template <typename F>
  void ForEachAttribute(F&& f) const {
    f("kind", std::string(ConstraintKindName(kind)));
    f("columns", columns);
    f("definition", definition);
    f("ref_schema", ref_schema);
    f("ref_table", ref_table);
    f("ref_columns", ref_columns);
    f("on_update", on_update);
    f("on_delete", on_delete);
    f("deferrable", deferrable);
    f("initially_deferred", initially_deferred);
    f("valid", valid);
  }
};

struct Table {
  std::string schema;
  std::string name;
  std::string persistence = "permanent";  // or "unlogged"
  std::string partition_key;              // "RANGE (created_at)" for a partitioned table
  std::string partition_of;               // qualified parent of a partition
  std::string partition_bound;            // "FOR VALUES FROM (...) TO (...)"
  bool rls_enabled = false;
  bool rls_forced = false;
  bool strict = false;         // SQLite STRICT
  bool without_rowid = false;  // SQLite WITHOUT ROWID
  std::vector<Column> columns;
  std::vector<Constraint> constraints;
  std::string definition;  // SQLite: its CREATE TABLE text, for --sql only (not compared)

  template <typename F>
  void ForEachAttribute(F&& f) const {
    f("persistence", persistence);
    f("partition_key", partition_key);
    f("partition_of", partition_of);
    f("partition_bound", partition_bound);
    f("rls_enabled", rls_enabled);
    f("rls_forced", rls_forced);
    f("strict", strict);
    f("without_rowid", without_rowid);
  }
};

// An index that does not back a constraint (those are Constraints).
struct Index {
  std::string schema;
  std::string table;
  std::string name;
  std::string method;  // "btree", "gin"...; SQLite: "btree"
  bool unique = false;
  std::vector<std::string> keys;  // columns or expressions, with opclass and DESC/NULLS
  std::vector<std::string> include;
  std::string predicate;  // partial index: the WHERE expression (SQLite: "partial")
  bool valid = true;      // false: INVALID, left by a failed CREATE INDEX CONCURRENTLY
  bool nulls_not_distinct = false;
  std::string definition;  // SQLite: its CREATE INDEX text, for --sql only (not compared)

  template <typename F>
  void ForEachAttribute(F&& f) const {
    f("method", method);
    f("unique", unique);
    f("keys", keys);
    f("include", include);
    f("predicate", predicate);
    f("valid", valid);
    f("nulls_not_distinct", nulls_not_distinct);
  }
};

struct View {
  std::string schema;
  std::string name;
  bool materialized = false;
  std::string definition;  // PostgreSQL: the SELECT; SQLite: the CREATE VIEW text

  template <typename F>
  void ForEachAttribute(F&& f) const {
    f("materialized", materialized);
    f("definition", definition);
  }
};

struct Sequence {
  std::string schema;
  std::string name;
  std::string type;
  int64_t start = 1;
  int64_t increment = 1;
  int64_t min = 1;
  int64_t max = 0;
  int64_t cache = 1;
  bool cycle = false;
  std::string owned_by;  // "schema.table.column" of a serial column

  template <typename F>
  void ForEachAttribute(F&& f) const {
    f("type", type);
    f("start", start);
    f("increment", increment);
    f("min", min);
    f("max", max);
    f("cache", cache);
    f("cycle", cycle);
    f("owned_by", owned_by);
  }
};

// A function or procedure; overloads differ by `arguments`.
struct Function {
  std::string schema;
  std::string name;
  std::string arguments;  // identity arguments, e.g. "a integer, b integer"
  std::string kind;       // "function", "procedure", "aggregate", "window"
  std::string result;     // "integer", "TABLE(...)"; empty for a procedure
  std::string language;
  std::string volatility;  // "immutable", "stable", "volatile"
  bool strict = false;
  bool security_definer = false;
  std::string body_sha256;  // of the source text
  std::string definition;   // CREATE OR REPLACE text, for --sql only (not compared)

  template <typename F>
  void ForEachAttribute(F&& f) const {
    f("kind", kind);
    f("result", result);
    f("language", language);
    f("volatility", volatility);
    f("strict", strict);
    f("security_definer", security_definer);
    f("body_sha256", body_sha256);
  }
};

struct Trigger {
  std::string schema;
  std::string table;
  std::string name;
  std::string definition;          // the engine's CREATE TRIGGER text
  std::string enabled = "origin";  // PostgreSQL: "origin", "disabled", "replica", "always"

  template <typename F>
  void ForEachAttribute(F&& f) const {
    f("definition", definition);
    f("enabled", enabled);
  }
};

// A user-defined enum or domain type.
struct Type {
  std::string schema;
  std::string name;
  std::string kind;                 // "enum" or "domain"
  std::vector<std::string> labels;  // enum, in sort order
  std::string base_type;            // domain
  bool not_null = false;            // domain
  std::string default_expr;         // domain
  std::string collation;            // domain, when not the base type's
  std::vector<std::string> checks;  // domain: "name CHECK (...)", sorted

  template <typename F>
  void ForEachAttribute(F&& f) const {
    f("kind", kind);
    f("labels", labels);
    f("base_type", base_type);
    f("not_null", not_null);
    f("default", default_expr);
    f("collation", collation);
    f("checks", checks);
  }
};

struct Extension {
  std::string name;
  std::string schema;
  std::string version;

  template <typename F>
  void ForEachAttribute(F&& f) const {
    f("schema", schema);
    f("version", version);
  }
};

// A row-level-security policy.
struct Policy {
  std::string schema;
  std::string table;
  std::string name;
  std::string command = "all";  // "all", "select", "insert", "update", "delete"
  bool permissive = true;
  std::vector<std::string> roles;  // sorted; "public" for everyone
  std::string using_expr;
  std::string check_expr;

  template <typename F>
  void ForEachAttribute(F&& f) const {
    f("command", command);
    f("permissive", permissive);
    f("roles", roles);
    f("using", using_expr);
    f("with_check", check_expr);
  }
};

struct Namespace {
  std::string name;

  template <typename F>
  void ForEachAttribute(F&&) const {}
};

struct Catalog {
  std::string dialect;  // "postgres" or "sqlite"
  std::vector<Namespace> schemas;
  std::vector<Extension> extensions;
  std::vector<Type> types;
  std::vector<Sequence> sequences;
  std::vector<Table> tables;
  std::vector<Index> indexes;
  std::vector<View> views;
  std::vector<Function> functions;
  std::vector<Trigger> triggers;
  std::vector<Policy> policies;
};

// Whether names compare case-insensitively (SQLite) or exactly (PostgreSQL,
// whose catalog already holds the folded names).
bool FoldsCase(const Catalog& catalog);

// The comparison key of a name under `fold`: ASCII lower case, or the name.
std::string NameKey(std::string_view name, bool fold);

// Sorts every list by identity (columns by position, constraints by name),
// so equal schemas give equal catalogs and stable output.
void Normalize(Catalog& catalog);

// A name as SQL needs it: as written when it is a plain lower-case identifier
// and not a reserved word, else double-quoted (sql::QuoteIdentifier).
std::string QuoteName(std::string_view name);
// "public.users", "main.\"Order Items\"": QuoteName of each part, joined by dots.
std::string QualifiedName(const std::vector<std::string>& parts);

}  // namespace strata::schema
