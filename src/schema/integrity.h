// Integrity checks on a live database's data, after migrations ran: what a
// migration can leave behind that the schema alone does not show. A foreign
// key whose rows reference nothing (added NOT VALID, or loaded with checks
// off), an index a failed CREATE INDEX CONCURRENTLY left INVALID, a
// constraint still NOT VALID, a sequence that would hand out ids the table
// already holds, a database file SQLite itself finds damaged.
//
// This header is the engine-neutral report (pure values) and the
// IntegrityChecker interface each driver implements. Obtain a checker with
// OpenIntegrityChecker (drivers/registry/inspector_registry.h).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "strata/result.h"

namespace strata::schema {

struct IntegrityFinding {
  // The order here is the order of a report.
  enum class Kind {
    kOrphanedRows,        // rows whose foreign key references no row
    kInvalidIndex,        // PostgreSQL: pg_index.indisvalid is false
    kNotValidConstraint,  // PostgreSQL: CHECK, FOREIGN KEY, NOT NULL, domain: NOT VALID
    kSequenceBehind,      // the next value is at or below the owning column's maximum
    kQuickCheck,          // SQLite: a problem PRAGMA quick_check reports
  };

  Kind kind = Kind::kOrphanedRows;
  // The object at fault, schema-qualified as inspect and diff name it
  // (schema::QualifiedName): "public.orders.orders_customer_fk",
  // "public.orders_id_seq", "main.orders.\"foreign key (customer_id) references customers\"".
  std::string object;
  std::string table;   // the table it belongs to, qualified; "" when none (a domain, the file)
  std::string detail;  // one line for people: what is wrong
  std::string hint;    // the statement or step that fixes it; "" when there is no single one
  // The size of the problem, -1 when not counted. kOrphanedRows: orphaned
  // rows. kNotValidConstraint: rows VALIDATE CONSTRAINT would reject (0: it
  // would succeed), for foreign keys and CHECK constraints on tables.
  // kSequenceBehind: how many values the sequence would hand out at or below
  // the column's maximum. kQuickCheck: the messages SQLite gave.
  int64_t count = -1;
  // Up to kMaxSamples offending keys ("42", or "(1, 7)" for several
  // columns; NULL as NULL) or quick_check messages, in a stable order.
  std::vector<std::string> samples;
};

inline constexpr size_t kMaxSamples = 5;

// "orphaned_rows", "invalid_index", "not_valid_constraint",
// "sequence_behind", "quick_check": stable names, used in JSON.
const char* IntegrityKindName(IntegrityFinding::Kind kind);

struct IntegrityReport {
  std::string dialect;  // "postgres" or "sqlite"
  std::vector<IntegrityFinding> findings;
  // What was examined, so a clean report says how much it covered.
  int64_t foreign_keys_checked = 0;
  int64_t sequences_checked = 0;

  bool clean() const { return findings.empty(); }
};

// Orders findings by kind, then object, then detail, so a database always
// renders to the same report. Checkers call it before returning.
void SortFindings(std::vector<IntegrityFinding>& findings);

// {"dialect", "findings": [{"kind", "object", "table", "detail", "hint",
// "count", "samples"}], "summary": {kind name: findings of that kind, every
// kind present}, "checked": {"foreign_keys", "sequences"}}. "" is null and
// so is a count of -1.
nlohmann::json IntegrityReportToJson(const IntegrityReport& report);

// One block per finding (kind and object, then the detail, samples and hint
// indented), then a count line; "no problems found" with what was checked
// when the report is clean.
std::string IntegrityReportToText(const IntegrityReport& report);

// Runs every check the engine supports on one database and reports what it
// finds. Each engine implements it in its driver folder.
//
// Thread safety: a checker is used by one thread at a time.
class IntegrityChecker {
 public:
  virtual ~IntegrityChecker() = default;

  // Reads only, from one snapshot where the engine has them: no lock is
  // taken and nothing is changed. The same objects as Inspector::Inspect are
  // left out (the engine's own, extension members, strata's ledger and lease
  // tables). Finding nothing is success with an empty report. kConnection
  // when the database cannot be reached, kSqlError when a query fails (a
  // table the role may not read, for instance).
  virtual Result<IntegrityReport> Check() = 0;
};

}  // namespace strata::schema
