// strata/lint.h: migration-safety findings and the options that shape them.
// The linter reads PostgreSQL migrations with the real PostgreSQL grammar and
// reports statements that lock, rewrite or break a live database; `strata up`
// refuses error-level findings on PostgreSQL unless told to allow them.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "strata/result.h"

namespace strata {

enum class LintSeverity { kInfo, kWarning, kError };

// "info", "warning", "error".
const char* LintSeverityName(LintSeverity severity);
// Parses the names above; nullopt for anything else.
std::optional<LintSeverity> ParseLintSeverity(const std::string& name);

struct LintFinding {
  std::string rule;  // stable id, e.g. "index-not-concurrent"
  LintSeverity severity = LintSeverity::kWarning;
  std::string file;          // the migration file (or script) path
  std::string migration_id;  // empty for plain scripts
  int line = 1;              // 1-based, in `file`
  int column = 1;            // 1-based byte column
  std::string message;       // what is wrong here, naming the objects
  std::string effect;        // the lock taken or what breaks
  std::string fix;           // the safe way to do it
};

// Size of a live table, for "is this statement a hazard here?".
struct TableEstimate {
  int64_t rows = 0;  // planner estimate (pg_class.reltuples), or from the file size
};

struct LintOptions {
  std::set<std::string> disabled;                // rule ids turned off
  std::set<std::string> enabled;                 // off-by-default rules turned on
  std::map<std::string, LintSeverity> severity;  // per-rule overrides
  // The role or database sets lock_timeout (ALTER ROLE ... SET lock_timeout),
  // so statements run with one even when the migration does not set it.
  bool assume_lock_timeout = false;
  // strata runs migration statements with lock_timeout (--ddl-lock-timeout
  // > 0): migrations, unlike plain scripts, have one.
  bool runner_sets_lock_timeout = false;
  // Schema that unqualified names resolve to (the first of search_path).
  std::string default_schema = "public";

  // Live-database knowledge, filled by `strata up` (nullopt: lint of files).
  // Keys are "schema.table". A table absent from the map does not exist yet.
  std::optional<std::map<std::string, TableEstimate>> live_tables;
  // Tables with fewer estimated rows are small enough that scans, rewrites
  // and index builds are no hazard (live mode only).
  int64_t small_table_rows = 10000;
};

// How a plain .sql script runs: kNone is psql's model (autocommit; explicit
// BEGIN/COMMIT honoured), kWrapped runs it in one transaction.
enum class ScriptMode { kNone, kWrapped };

struct LintRequest {
  std::string migrations_dir = "migrations";
  // Migration files, plain .sql scripts, or directories; empty: migrations_dir.
  // A file with a `-- strata:up` directive is a migration, any other a script.
  std::vector<std::string> paths;
  ScriptMode script_mode = ScriptMode::kNone;
  std::string since;  // only migrations after this revision (id or prefix)
  LintOptions options;
};

struct LintReport {
  std::vector<LintFinding> findings;  // by file, then line
  int files = 0;                      // migrations and scripts linted
  bool has_errors() const;
};

// A rule's documentation, for listings and SARIF output.
struct LintRuleInfo {
  std::string id;
  LintSeverity severity = LintSeverity::kWarning;  // default
  std::string summary;                             // what it catches
  std::string effect;                              // the lock taken or what breaks
  std::string fix;                                 // the safe alternative
  bool enabled_by_default = true;
};

// Every rule, in a stable order.
std::vector<LintRuleInfo> LintRules();

// Lints files without a database (no live-table knowledge). kInvalidMigrations
// when the migrations directory cannot be read; SQL that does not parse is a
// `syntax-error` finding, not an error.
Result<LintReport> LintMigrations(const LintRequest& request);

}  // namespace strata
