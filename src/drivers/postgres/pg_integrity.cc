#include "drivers/postgres/pg_integrity.h"

#include <fmt/format.h>

#include <map>
#include <tuple>
#include <utility>

#include "base/strings.h"
#include "drivers/postgres/pg_catalog_queries.h"
#include "drivers/postgres/pg_inspector.h"
#include "schema/catalog.h"
#include "sql/statement_text.h"

namespace strata::drivers {

namespace {

using schema::IntegrityFinding;
using schema::QualifiedName;
using Kind = IntegrityFinding::Kind;

std::string S(const Row& row, size_t i) { return row.at(i).value_or(""); }
bool B(const Row& row, size_t i) { return row.at(i).value_or("f") == "t"; }
int64_t I(const Row& row, size_t i) { return std::stoll(row.at(i).value_or("0")); }

// Identifiers in the data queries are always quoted: names come from the
// catalog and may hold any character (mixed case, blanks, quotes).
std::string Q(const std::string& name) { return sql::QuoteIdentifier(name); }

using pg::ColumnNames;
using pg::kUserSchema;
using pg::NotInExtension;
using pg::Relations;

struct ForeignKey {
  std::string schema, table, name, ref_schema, ref_table;
  bool partitioned = false, ref_partitioned = false;
  bool match_full = false;
  std::vector<std::string> columns, ref_columns;
  std::vector<std::string> operators;  // OPERATOR(schema.=) per column pair
};

// schema, table, name, relkind, referenced schema, table and relkind,
// confmatchtype, columns[], referenced columns[], "schema.op"[] (conpfeqop).
// Partition clones (conparentid <> 0) are left out: scanning the
// partitioned table covers its partitions.
std::string AllForeignKeysQuery(const pg::CatalogScope& scope) {
  return fmt::format(
      "SELECT n.nspname, c.relname, k.conname, c.relkind, fn.nspname, fc.relname, fc.relkind, "
      "k.confmatchtype, {}, {}, ARRAY(SELECT quote_ident(opn.nspname) || '.' || o.oprname "
      "FROM unnest(k.conpfeqop) WITH ORDINALITY u(op, ord) JOIN pg_operator o ON o.oid = u.op "
      "JOIN pg_namespace opn ON opn.oid = o.oprnamespace ORDER BY u.ord) "
      "FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid "
      "JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_class fc ON fc.oid = k.confrelid "
      "JOIN pg_namespace fn ON fn.oid = fc.relnamespace "
      "WHERE k.contype = 'f' AND k.conparentid = 0 AND {} ORDER BY 1, 2, 3",
      ColumnNames("conkey", "conrelid"), ColumnNames("confkey", "confrelid"), Relations(scope));
}

// count of orphans (the same on every row), then the key columns as text;
// at most kMaxSamples rows, ordered by key. ONLY as PostgreSQL's own check
// uses it: a plain inheritance child is not bound by its parent's foreign
// key, while a partitioned table is scanned through its partitions.
std::string OrphansQuery(const ForeignKey& fk) {
  std::vector<std::string> keys, not_null, any_null, any_set, matches;
  for (size_t i = 0; i < fk.columns.size(); ++i) {
    const std::string col = "c." + Q(fk.columns[i]);
    keys.push_back(col);
    not_null.push_back(col + " IS NOT NULL");
    any_null.push_back(col + " IS NULL");
    any_set.push_back(col + " IS NOT NULL");
    matches.push_back(
        fmt::format("p.{} OPERATOR({}) {}", Q(fk.ref_columns.at(i)), fk.operators.at(i), col));
  }
  const std::string missing = fmt::format("NOT EXISTS (SELECT 1 FROM {}{}.{} p WHERE {})",
                                          fk.ref_partitioned ? "" : "ONLY ", Q(fk.ref_schema),
                                          Q(fk.ref_table), base::Join(matches, " AND "));
  // MATCH SIMPLE: a key with a NULL in it references nothing and is fine.
  // MATCH FULL: all NULL is fine; partly NULL is itself a violation.
  const std::string orphan = fk.match_full
                                 ? fmt::format("({}) AND ({} OR {})", base::Join(any_set, " OR "),
                                               base::Join(any_null, " OR "), missing)
                                 : fmt::format("{} AND {}", base::Join(not_null, " AND "), missing);
  std::vector<std::string> texts;
  for (const std::string& key : keys) texts.push_back(key + "::text");
  return fmt::format("SELECT count(*) OVER (), {} FROM {}{}.{} c WHERE {} ORDER BY {} LIMIT {}",
                     base::Join(texts, ", "), fk.partitioned ? "" : "ONLY ", Q(fk.schema),
                     Q(fk.table), orphan, base::Join(keys, ", "), schema::kMaxSamples);
}

// schema, table, index, quoted qualified index name, partitioned index,
// definition, pid of a backend building it right now (NULL when none).
std::string InvalidIndexesQuery(const pg::CatalogScope& scope) {
  // Another session's build in progress shows in the progress view (12+).
  const char* building = scope.server_version >= 120000
                             ? "(SELECT min(p.pid) FROM pg_stat_progress_create_index p "
                               "WHERE p.index_relid = i.indexrelid)"
                             : "NULL::int";
  return fmt::format(
      "SELECT n.nspname, c.relname, ic.relname, quote_ident(n.nspname) || '.' || "
      "quote_ident(ic.relname), ic.relkind = 'I', pg_get_indexdef(i.indexrelid), {} "
      "FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid "
      "JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
      "WHERE NOT i.indisvalid AND {} ORDER BY 1, 3",
      building, Relations(scope));
}

// schema, table (or domain), constraint, contype ('d' for a domain's),
// partitioned table, definition, CHECK expression, quoted qualified table or
// domain, quoted constraint name.
std::string NotValidQuery(const pg::CatalogScope& scope) {
  return fmt::format(
      "SELECT n.nspname, c.relname, k.conname, k.contype, c.relkind = 'p', "
      "pg_get_constraintdef(k.oid), CASE WHEN k.contype = 'c' THEN pg_get_expr(k.conbin, "
      "k.conrelid) END, quote_ident(n.nspname) || '.' || quote_ident(c.relname), "
      "quote_ident(k.conname) FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid "
      "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT k.convalidated "
      "AND k.contype IN ('c', 'f', 'n') AND k.conparentid = 0 AND {} "
      "UNION ALL SELECT n.nspname, t.typname, k.conname, 'd', false, "
      "pg_get_constraintdef(k.oid), NULL, quote_ident(n.nspname) || '.' || "
      "quote_ident(t.typname), quote_ident(k.conname) FROM pg_constraint k "
      "JOIN pg_type t ON t.oid = k.contypid JOIN pg_namespace n ON n.oid = t.typnamespace "
      "WHERE NOT k.convalidated AND {} AND {} ORDER BY 1, 2, 3",
      Relations(scope), kUserSchema, NotInExtension("pg_type", "t.oid"));
}

struct OwnedSequence {
  std::string schema, name, table_schema, table, column;
  std::string quoted_sequence, quoted_table, quoted_column;  // for the hint
  int64_t increment = 1;
};

// Sequences owned by an integer column: serial (deptype 'a') and identity
// ('i'). schema, name, table schema, table, column, increment, and the
// quoted sequence, table and column names.
std::string OwnedSequencesQuery(const pg::CatalogScope& scope) {
  return fmt::format(
      "SELECT sn.nspname, sc.relname, n.nspname, c.relname, a.attname, s.seqincrement, "
      "quote_ident(sn.nspname) || '.' || quote_ident(sc.relname), quote_ident(n.nspname) || '.' "
      "|| quote_ident(c.relname), quote_ident(a.attname) "
      "FROM pg_sequence s JOIN pg_class sc ON sc.oid = s.seqrelid "
      "JOIN pg_namespace sn ON sn.oid = sc.relnamespace "
      "JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = sc.oid "
      "AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i') AND d.refobjsubid > 0 "
      "JOIN pg_class c ON c.oid = d.refobjid JOIN pg_namespace n ON n.oid = c.relnamespace "
      "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.refobjsubid "
      "JOIN pg_type t ON t.oid = a.atttypid "
      "WHERE {} AND {} AND CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END "
      "IN ('int2'::regtype, 'int4'::regtype, 'int8'::regtype) ORDER BY 1, 2",
      Relations(scope), NotInExtension("pg_class", "sc.oid"));
}

// next value, the column's max (ascending) or min (descending), behind, and
// how many values the sequence would hand out before it passes that edge.
// Computed in numeric: last_value + increment may not fit in bigint. Not
// ONLY: inheritance children and partitions draw from the same sequence.
std::string SequenceQuery(const OwnedSequence& s) {
  const bool up = s.increment > 0;
  return fmt::format(
      "SELECT q.next, q.edge, q.next {0} q.edge, "
      "least(floor((q.edge - q.next) / {1}) + 1, 9223372036854775807) FROM "
      "(SELECT CASE WHEN s.is_called THEN s.last_value::numeric + {1} ELSE "
      "s.last_value::numeric END AS next, (SELECT {2}(t.{3})::numeric FROM {4}.{5} t) AS edge "
      "FROM {6}.{7} s) q",
      up ? "<=" : ">=", s.increment, up ? "max" : "min", Q(s.column), Q(s.table_schema), Q(s.table),
      Q(s.schema), Q(s.name));
}

// One key as a sample: "42", or "(1, NULL)" for several columns.
std::string SampleKey(const Row& row, size_t first) {
  std::vector<std::string> parts;
  for (size_t i = first; i < row.size(); ++i) parts.push_back(row[i].value_or("NULL"));
  if (parts.size() == 1) return parts[0];
  return fmt::format("({})", base::Join(parts, ", "));  // not "(" + ...: g++ 12 -Wrestrict
}

std::string Rows(int64_t n) { return fmt::format("{} row{}", n, n == 1 ? "" : "s"); }

class PostgresIntegrityChecker final : public schema::IntegrityChecker {
 public:
  PostgresIntegrityChecker(Driver& driver, const DriverOptions& options) : driver_(driver) {
    scope_.ledger_schema = options.ledger_schema;
    scope_.ledger_table = options.ledger_table;
  }

  Result<schema::IntegrityReport> Check() override {
    // One snapshot for every query; an empty search_path so the expressions
    // the catalog renders are schema-qualified (as the Inspector does).
    STRATA_RETURN_IF_ERROR(driver_.Execute(
        "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL search_path = ''"));
    Result<schema::IntegrityReport> report = CheckAll();
    Status end = report.ok() ? driver_.Execute("COMMIT") : driver_.Rollback();
    if (!end.ok() && report.ok()) return end;
    return report;
  }

 private:
  using ConstraintKey = std::tuple<std::string, std::string, std::string>;

  Result<schema::IntegrityReport> CheckAll() {
    STRATA_ASSIGN_OR_RETURN(std::vector<Row> version,
                            driver_.Query("SELECT current_setting('server_version_num')::int"));
    scope_.server_version = version.empty() ? 0 : I(version[0], 0);
    schema::IntegrityReport report;
    report.dialect = "postgres";
    STRATA_RETURN_IF_ERROR(CheckForeignKeys(report));
    STRATA_RETURN_IF_ERROR(CheckIndexes(report));
    STRATA_RETURN_IF_ERROR(CheckNotValid(report));
    STRATA_RETURN_IF_ERROR(CheckSequences(report));
    schema::SortFindings(report.findings);
    return report;
  }

  Status CheckForeignKeys(schema::IntegrityReport& report) {
    STRATA_ASSIGN_OR_RETURN(std::vector<Row> rows, driver_.Query(AllForeignKeysQuery(scope_)));
    for (const Row& r : rows) {
      ForeignKey fk;  // the columns of AllForeignKeysQuery, in order
      fk.schema = S(r, 0);
      fk.table = S(r, 1);
      fk.name = S(r, 2);
      fk.partitioned = S(r, 3) == "p";
      fk.ref_schema = S(r, 4);
      fk.ref_table = S(r, 5);
      fk.ref_partitioned = S(r, 6) == "p";
      fk.match_full = S(r, 7) == "f";
      fk.columns = ParsePgArray(S(r, 8));
      fk.ref_columns = ParsePgArray(S(r, 9));
      fk.operators = ParsePgArray(S(r, 10));
      if (fk.columns.empty() || fk.columns.size() != fk.ref_columns.size() ||
          fk.columns.size() != fk.operators.size()) {
        return Status(Code::kInternal, fmt::format("cannot read the columns of foreign key {}",
                                                   QualifiedName({fk.schema, fk.table, fk.name})));
      }
      STRATA_ASSIGN_OR_RETURN(std::vector<Row> orphans, driver_.Query(OrphansQuery(fk)));
      ++report.foreign_keys_checked;
      const int64_t count = orphans.empty() ? 0 : I(orphans[0], 0);
      orphans_[{fk.schema, fk.table, fk.name}] = count;
      if (count == 0) continue;
      IntegrityFinding f;
      f.kind = Kind::kOrphanedRows;
      f.object = QualifiedName({fk.schema, fk.table, fk.name});
      f.table = QualifiedName({fk.schema, fk.table});
      const std::string parent = QualifiedName({fk.ref_schema, fk.ref_table});
      f.detail = fmt::format("{} of {} {} ({}) matching no row of {} ({}){}", Rows(count), f.table,
                             count == 1 ? "has" : "have", base::Join(fk.columns, ", "), parent,
                             base::Join(fk.ref_columns, ", "),
                             fk.match_full ? "; MATCH FULL: a partly NULL key counts too" : "");
      f.hint = fmt::format("add the missing rows to {}, or correct or delete these rows of {}",
                           parent, f.table);
      f.count = count;
      for (const Row& o : orphans) f.samples.push_back(SampleKey(o, 1));
      report.findings.push_back(std::move(f));
    }
    return Status::Ok();
  }

  Status CheckIndexes(schema::IntegrityReport& report) {
    STRATA_ASSIGN_OR_RETURN(std::vector<Row> rows, driver_.Query(InvalidIndexesQuery(scope_)));
    for (const Row& r : rows) {
      IntegrityFinding f;
      f.kind = Kind::kInvalidIndex;
      f.object = QualifiedName({S(r, 0), S(r, 2)});
      f.table = QualifiedName({S(r, 0), S(r, 1)});
      const std::string quoted = S(r, 3);
      if (r.at(6)) {
        f.detail =
            fmt::format("INVALID while backend {} is still building it: {}", S(r, 6), S(r, 5));
        f.hint = "wait for the build to finish, then check again";
      } else if (B(r, 4)) {
        f.detail = fmt::format("INVALID: not every partition has an attached index: {}", S(r, 5));
        f.hint = fmt::format(
            "create the missing partition indexes and ALTER INDEX {} ATTACH PARTITION each",
            quoted);
      } else {
        f.detail = fmt::format(
            "INVALID (a CREATE INDEX or REINDEX CONCURRENTLY that failed): not used by queries, "
            "still maintained on every write: {}",
            S(r, 5));
        f.hint = fmt::format(
            "fix what made it fail (e.g. duplicate values), then REINDEX INDEX CONCURRENTLY {} "
            "(or DROP INDEX CONCURRENTLY {} and create it again)",
            quoted, quoted);
      }
      report.findings.push_back(std::move(f));
    }
    return Status::Ok();
  }

  Status CheckNotValid(schema::IntegrityReport& report) {
    STRATA_ASSIGN_OR_RETURN(std::vector<Row> rows, driver_.Query(NotValidQuery(scope_)));
    for (const Row& r : rows) {
      const std::string type = S(r, 3);
      std::string why = "rows not counted";  // when count stays -1
      IntegrityFinding f;
      f.kind = Kind::kNotValidConstraint;
      f.object = QualifiedName({S(r, 0), S(r, 1), S(r, 2)});
      if (type != "d") f.table = QualifiedName({S(r, 0), S(r, 1)});
      f.hint = fmt::format("ALTER {} {} VALIDATE CONSTRAINT {}", type == "d" ? "DOMAIN" : "TABLE",
                           S(r, 7), S(r, 8));
      if (type == "f") {
        auto it = orphans_.find({S(r, 0), S(r, 1), S(r, 2)});
        if (it != orphans_.end()) f.count = it->second;
      } else if (type == "c") {
        STRATA_ASSIGN_OR_RETURN(f.count, CountRejected(S(r, 7), B(r, 4), S(r, 6), why));
      }
      const std::string definition = S(r, 5);
      if (f.count > 0) {
        f.detail = fmt::format("{}: VALIDATE would fail, {} {} it", definition, Rows(f.count),
                               f.count == 1 ? "violates" : "violate");
        f.hint = "fix those rows, then " + f.hint;
      } else if (f.count == 0) {
        f.detail = fmt::format("{}: every row satisfies it, VALIDATE would succeed", definition);
      } else {
        f.detail = fmt::format("{}: {}", definition, why);
      }
      report.findings.push_back(std::move(f));
    }
    return Status::Ok();
  }

  // Rows of `table` (quoted) a NOT VALID CHECK rejects: those where
  // `expression` (pg_get_expr's text, so it parses back) is false. The
  // expression may fail on some row (a cast, a division), and so would
  // VALIDATE: that is -1 with the server's message in `why`, rather than
  // failing the whole check, so the count runs under a savepoint.
  Result<int64_t> CountRejected(const std::string& table, bool partitioned,
                                const std::string& expression, std::string& why) {
    STRATA_RETURN_IF_ERROR(driver_.Execute("SAVEPOINT strata_check"));
    Result<std::vector<Row>> rows =
        driver_.Query(fmt::format("SELECT count(*) FROM {}{} WHERE ({}) IS FALSE",
                                  partitioned ? "" : "ONLY ", table, expression));
    if (!rows.ok()) {
      why = "VALIDATE would fail: " + base::FirstLine(rows.status().message());
      STRATA_RETURN_IF_ERROR(driver_.Execute("ROLLBACK TO SAVEPOINT strata_check"));
      return int64_t{-1};
    }
    STRATA_RETURN_IF_ERROR(driver_.Execute("RELEASE SAVEPOINT strata_check"));
    return rows->empty() ? 0 : I(rows->at(0), 0);
  }

  Status CheckSequences(schema::IntegrityReport& report) {
    STRATA_ASSIGN_OR_RETURN(std::vector<Row> rows, driver_.Query(OwnedSequencesQuery(scope_)));
    for (const Row& r : rows) {
      // The columns of OwnedSequencesQuery; the increment (5) goes last.
      OwnedSequence s{S(r, 0), S(r, 1), S(r, 2), S(r, 3), S(r, 4),
                      S(r, 6), S(r, 7), S(r, 8), I(r, 5)};
      STRATA_ASSIGN_OR_RETURN(std::vector<Row> state, driver_.Query(SequenceQuery(s)));
      ++report.sequences_checked;
      if (state.empty() || !B(state[0], 2)) continue;  // ahead, or the table is empty
      const bool up = s.increment > 0;
      IntegrityFinding f;
      f.kind = Kind::kSequenceBehind;
      f.object = QualifiedName({s.schema, s.name});
      f.table = QualifiedName({s.table_schema, s.table});
      f.detail = fmt::format(
          "next value {}, but {}({}) in {} is {}: the next inserts that take "
          "their id from it would collide",
          S(state[0], 0), up ? "max" : "min", QualifiedName({s.column}), f.table, S(state[0], 1));
      f.hint = fmt::format("SELECT setval({}, (SELECT {}({}) FROM {}))",
                           sql::QuoteLiteral(s.quoted_sequence), up ? "max" : "min",
                           s.quoted_column, s.quoted_table);
      f.count = I(state[0], 3);
      report.findings.push_back(std::move(f));
    }
    return Status::Ok();
  }

  Driver& driver_;
  pg::CatalogScope scope_;
  std::map<ConstraintKey, int64_t> orphans_;  // orphaned rows per foreign key
};

}  // namespace

std::unique_ptr<schema::IntegrityChecker> NewPostgresIntegrityChecker(
    Driver& driver, const DriverOptions& options) {
  return std::make_unique<PostgresIntegrityChecker>(driver, options);
}

}  // namespace strata::drivers
