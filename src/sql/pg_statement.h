// strata's own model of a PostgreSQL statement, built from libpg_query's
// parse tree by ParsePostgresScript. Lint rules read only this model: the
// third-party tree never leaves src/sql, so the parser could be swapped and
// the rules would not notice. The model keeps what migration-safety analysis
// needs (targets, actions, constraints, column types, settings), not the
// whole grammar.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "strata/result.h"

namespace strata::sql {

// A relation or type name as PostgreSQL resolves it: unquoted identifiers
// are folded to lower case by the parser, quoted ones kept as written. An
// empty schema means "whatever search_path finds".
struct QualifiedName {
  std::string schema;
  std::string name;

  bool empty() const { return name.empty(); }
  // `schema.name` (or `name`), quoted where PostgreSQL would need quotes.
  std::string Display() const;
  friend bool operator==(const QualifiedName&, const QualifiedName&) = default;
  friend auto operator<=>(const QualifiedName&, const QualifiedName&) = default;
};

// Worst volatility of the functions an expression calls (pg_proc.provolatile).
// kUnknown: it calls a function strata's built-in table does not know.
enum class Volatility { kImmutable, kStable, kVolatile, kUnknown };

// What an expression does, as far as the rules care.
struct ExpressionInfo {
  bool present = false;
  Volatility volatility = Volatility::kImmutable;
  std::vector<std::string> functions;  // called functions, lower case, schema dropped
  // Columns proven non-null: `col IS NOT NULL`, alone or AND-ed.
  std::vector<std::string> not_null_columns;
};

// A column type, canonical: `int`/`integer` -> int4, `character varying` ->
// varchar, `timestamp with time zone` -> timestamptz, `char(n)` -> bpchar.
// serial types keep their own names (serial, bigserial, smallserial).
struct TypeInfo {
  std::string name;                // canonical, lower case; user types as written
  std::string schema;              // empty for built-ins
  std::vector<int64_t> modifiers;  // varchar(20) -> {20}, numeric(10,2) -> {10, 2}
  bool is_array = false;
  std::string Display() const;  // "varchar(20)", "int4[]"
};

enum class ConstraintKind {
  kPrimaryKey,
  kUnique,
  kForeignKey,
  kCheck,
  kExclusion,
  kNotNull,
  kOther,
};

struct ConstraintInfo {
  ConstraintKind kind = ConstraintKind::kOther;
  std::string name;                  // empty when PostgreSQL will choose one
  bool not_valid = false;            // NOT VALID (skip_validation)
  std::vector<std::string> columns;  // key columns (FK: referencing side)
  std::string using_index;           // ADD ... UNIQUE/PRIMARY KEY USING INDEX
  QualifiedName references;          // FK target table
  ExpressionInfo check;              // CHECK expression
  size_t offset = 0;                 // byte offset in the script
};

struct ColumnInfo {
  std::string name;
  TypeInfo type;
  bool not_null = false;
  bool primary_key = false;
  ExpressionInfo default_value;  // DEFAULT ... (present == false without one)
  bool identity = false;         // GENERATED ... AS IDENTITY
  bool generated_stored = false;
  std::vector<ConstraintInfo> constraints;  // inline UNIQUE, REFERENCES, CHECK, PRIMARY KEY
  size_t offset = 0;
};

enum class AlterKind {
  kAddColumn,
  kDropColumn,
  kAlterColumnType,
  kSetNotNull,
  kDropNotNull,
  kSetDefault,
  kDropDefault,
  kAddConstraint,
  kDropConstraint,
  kValidateConstraint,
  kSetTablespace,
  kSetLogged,
  kSetUnlogged,
  kSetAccessMethod,
  kAttachPartition,
  kDetachPartition,
  kAddIdentity,
  kOther,
};

// One action of ALTER TABLE (a statement may hold several, comma-separated).
struct AlterAction {
  AlterKind kind = AlterKind::kOther;
  std::string column;         // the column acted on
  ColumnInfo column_def;      // kAddColumn: the new column; kAlterColumnType: new type
  bool has_using = false;     // ALTER COLUMN ... TYPE ... USING
  ConstraintInfo constraint;  // kAddConstraint
  std::string name;           // constraint name (drop/validate), tablespace, access method
  QualifiedName partition;    // attach/detach
  bool concurrent = false;    // DETACH PARTITION ... CONCURRENTLY
  bool cascade = false;
  size_t offset = 0;  // byte offset in the script, or the statement's
};

enum class StatementKind {
  kCreateTable,
  kCreateTableAs,  // also SELECT INTO and CREATE MATERIALIZED VIEW
  kAlterTable,
  kCreateIndex,
  kDrop,
  kReindex,
  kRename,
  kVacuum,
  kCluster,
  kRefreshMatView,
  kLockTable,
  kTruncate,
  kCreateDatabase,
  kDropDatabase,
  kSet,          // SET / SET LOCAL / RESET
  kTransaction,  // BEGIN, COMMIT, ...
  kInsert,
  kUpdate,
  kDelete,
  kMerge,
  kSelect,
  kCopy,
  kAlterEnum,  // ALTER TYPE ... ADD VALUE / RENAME VALUE
  kCreateEnum,
  kCreateDomain,
  kAlterDomain,
  kDo,
  kCreateFunction,
  kCreateView,
  kCreateTrigger,
  kCreateSchema,
  kCreateSequence,
  kCreateExtension,
  kComment,
  kGrant,
  kOther,
};

enum class ObjectKind {
  kTable,
  kIndex,
  kView,
  kMaterializedView,
  kSequence,
  kSchema,
  kType,
  kDomain,
  kFunction,
  kTrigger,
  kColumn,
  kConstraint,
  kEnumValue,
  kDatabase,
  kExtension,
  kOther,
};

enum class TransactionKind {
  kBegin,
  kCommit,
  kRollback,
  kSavepoint,
  kRelease,
  kRollbackTo,
  kPrepare,
  kOther
};

// SET name = value, SET LOCAL, RESET, or a set_config(name, value, is_local)
// call in a SELECT.
struct SettingChange {
  std::string name;   // lower case
  std::string value;  // as given ("2s", "0"); empty for RESET / DEFAULT
  bool is_local = false;
  bool reset = false;  // RESET name, SET name TO DEFAULT
};

struct ParsedStatement {
  StatementKind kind = StatementKind::kOther;
  std::string node;     // the parse-tree node, e.g. "AlterTableStmt", for messages
  size_t offset = 0;    // first byte of the statement's first token in the script
  size_t length = 0;    // bytes up to (not including) its terminating semicolon
  size_t preamble = 0;  // where the comments and blank space before it begin

  QualifiedName relation;                  // the table (or index, view...) acted on;
                                           // CREATE SCHEMA: the schema, in `name`
  std::vector<QualifiedName> relations;    // TRUNCATE, LOCK, VACUUM, DROP: all targets
  ObjectKind object = ObjectKind::kOther;  // DROP / RENAME / COMMENT / REINDEX target kind
  bool concurrent = false;
  bool if_exists = false;
  bool if_not_exists = false;
  bool cascade = false;
  bool unique = false;              // CREATE UNIQUE INDEX
  bool only = false;                // CREATE INDEX ON ONLY parent
  bool partitioned = false;         // CREATE TABLE ... PARTITION BY
  bool partition_of = false;        // CREATE TABLE ... PARTITION OF
  bool with_no_data = false;        // REFRESH ... WITH NO DATA, CREATE ... AS ... WITH NO DATA
  std::string index_name;           // CREATE INDEX name; REINDEX INDEX name
  std::string new_name;             // RENAME: the new name
  std::string old_name;             // RENAME COLUMN/CONSTRAINT/VALUE: the old name
  std::vector<ColumnInfo> columns;  // CREATE TABLE columns
  std::vector<ConstraintInfo> constraints;  // CREATE TABLE / CREATE DOMAIN / ALTER DOMAIN ADD
  std::vector<AlterAction> actions;         // ALTER TABLE
  std::vector<SettingChange> settings;      // SET, RESET, set_config()
  TransactionKind transaction = TransactionKind::kOther;
  bool has_where = false;    // UPDATE / DELETE with a WHERE clause
  bool vacuum_full = false;  // VACUUM (FULL)
  std::string lock_mode;     // LOCK TABLE: "ACCESS EXCLUSIVE", ...
  std::string enum_value;    // ALTER TYPE ADD VALUE: the new label
  // Every string literal in the statement, to see a new enum label used;
  // collected only for statements after an ALTER TYPE ... ADD VALUE.
  std::vector<std::string> string_literals;
  // Identifiers longer than PostgreSQL's 63 bytes that this statement creates,
  // as written (folded), not as the parser cut them.
  std::vector<std::string> long_identifiers;
  // DO blocks and function bodies: statements inside cannot be analysed.
  bool opaque_body = false;
};

// Parses a whole script with the PostgreSQL 15 grammar. On a syntax error:
// kInvalidMigrations, message from the parser, context line/column relative to
// `script`. An empty or comment-only script yields no statements.
Result<std::vector<ParsedStatement>> ParsePostgresScript(std::string_view script);

// Volatility of a pg_catalog function by name (lower case), kUnknown when the
// built-in table (generated from pg_proc) does not have it.
Volatility FunctionVolatility(std::string_view name);

std::string_view StatementKindName(StatementKind kind);

}  // namespace strata::sql
