#include "drivers/sqlite/sqlite_integrity.h"

#include <fmt/format.h>

#include <map>
#include <utility>

#include "base/strings.h"
#include "schema/catalog.h"
#include "sql/statement_text.h"

namespace strata::drivers {

namespace {

using schema::IntegrityFinding;
using schema::QualifiedName;
using Kind = IntegrityFinding::Kind;

std::string S(const Row& row, size_t i) { return row.at(i).value_or(""); }
int64_t I(const Row& row, size_t i) { return std::stoll(row.at(i).value_or("0")); }

// Names go into the data queries always quoted: they may hold any character.
std::string Q(const std::string& name) { return sql::QuoteIdentifier(name); }

struct ForeignKey {
  std::string table, parent;
  int64_t id = 0;
  bool without_rowid = false;
  std::vector<std::string> columns, ref_columns;  // ref_columns empty: the parent's primary key
};

// One key as a sample: "42", or "(1, NULL)" for several columns.
std::string SampleKey(const Row& row) {
  std::vector<std::string> parts;
  for (const auto& value : row) parts.push_back(value.value_or("NULL"));
  if (parts.size() == 1) return parts[0];
  return fmt::format("({})", base::Join(parts, ", "));  // not "(" + ...: g++ 12 -Wrestrict
}

class SqliteIntegrityChecker final : public schema::IntegrityChecker {
 public:
  SqliteIntegrityChecker(Driver& driver, const DriverOptions& options) : driver_(driver) {
    // The application's tables (m is sqlite_schema), as the Inspector scopes them.
    filter_ =
        fmt::format("m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND m.name <> {} COLLATE NOCASE",
                    sql::QuoteLiteral(options.ledger_table));
  }

  Result<schema::IntegrityReport> Check() override {
    STRATA_RETURN_IF_ERROR(driver_.Execute("BEGIN"));
    Result<schema::IntegrityReport> report = CheckAll();
    Status end = report.ok() ? driver_.Execute("COMMIT") : driver_.Rollback();
    if (!end.ok() && report.ok()) return end;
    return report;
  }

 private:
  Result<schema::IntegrityReport> CheckAll() {
    schema::IntegrityReport report;
    report.dialect = "sqlite";
    STRATA_RETURN_IF_ERROR(CheckForeignKeys(report));
    STRATA_RETURN_IF_ERROR(CheckSequences(report));
    STRATA_RETURN_IF_ERROR(QuickCheck(report));
    schema::SortFindings(report.findings);
    return report;
  }

  // Every foreign key of the application's tables, in (table, id) order.
  Result<std::vector<ForeignKey>> ForeignKeys() {
    STRATA_ASSIGN_OR_RETURN(
        std::vector<Row> rows,
        driver_.Query(fmt::format(
            "SELECT m.name, f.id, f.\"table\", f.\"from\", f.\"to\", l.wr FROM sqlite_schema m "
            "JOIN pragma_table_list l ON l.schema = 'main' AND l.name = m.name "
            "JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table' AND {} "
            "ORDER BY m.name, f.id, f.seq",
            filter_)));
    std::vector<ForeignKey> keys;
    for (const Row& r : rows) {
      if (keys.empty() || keys.back().table != S(r, 0) || keys.back().id != I(r, 1)) {
        keys.push_back({S(r, 0), S(r, 2), I(r, 1), S(r, 5) == "1", {}, {}});
      }
      keys.back().columns.push_back(S(r, 3));
      if (r.at(4)) keys.back().ref_columns.push_back(S(r, 4));
    }
    return keys;
  }

  Status CheckForeignKeys(schema::IntegrityReport& report) {
    STRATA_ASSIGN_OR_RETURN(std::vector<ForeignKey> keys, ForeignKeys());
    report.foreign_keys_checked = static_cast<int64_t>(keys.size());
    if (keys.empty()) return Status::Ok();
    // One pass over every table; the pragma checks whether or not
    // foreign_keys is on, which is how orphans get in.
    STRATA_ASSIGN_OR_RETURN(
        std::vector<Row> groups,
        driver_.Query("SELECT k.\"table\", k.fkid, count(*) FROM pragma_foreign_key_check k "
                      "GROUP BY 1, 2"));
    std::map<std::pair<std::string, int64_t>, int64_t> counts;
    for (const Row& g : groups) counts[{S(g, 0), I(g, 1)}] = I(g, 2);
    for (const ForeignKey& fk : keys) {
      auto it = counts.find({fk.table, fk.id});
      if (it == counts.end()) continue;
      IntegrityFinding f;
      f.kind = Kind::kOrphanedRows;
      const std::string name =
          fmt::format("foreign key ({}) references {}", base::Join(fk.columns, ", "), fk.parent);
      f.object = QualifiedName({"main", fk.table, name});
      f.table = QualifiedName({"main", fk.table});
      f.count = it->second;
      const std::string parent = QualifiedName({"main", fk.parent});
      f.detail = fmt::format(
          "{} row{} of {} {} ({}) matching no row of {} ({}){}", f.count, f.count == 1 ? "" : "s",
          f.table, f.count == 1 ? "has" : "have", base::Join(fk.columns, ", "), parent,
          fk.ref_columns.empty() ? "its primary key" : base::Join(fk.ref_columns, ", "),
          fk.without_rowid ? "; no sample: PRAGMA foreign_key_check cannot name the rows of a "
                             "WITHOUT ROWID table"
                           : "");
      f.hint = fmt::format("add the missing rows to {}, or correct or delete these rows of {}",
                           parent, f.table);
      if (!fk.without_rowid) {
        STRATA_ASSIGN_OR_RETURN(f.samples, Samples(fk));
      }
      report.findings.push_back(std::move(f));
    }
    return Status::Ok();
  }

  // The key values of the first offending rows, ordered by key.
  Result<std::vector<std::string>> Samples(const ForeignKey& fk) {
    std::vector<std::string> columns;
    for (const std::string& c : fk.columns) columns.push_back(Q(c));
    const std::string keys = base::Join(columns, ", ");
    STRATA_ASSIGN_OR_RETURN(
        std::vector<Row> rows,
        driver_.Query(fmt::format(
            "SELECT {0} FROM main.{1} WHERE rowid IN (SELECT k.rowid FROM "
            "pragma_foreign_key_check({2}) k WHERE k.fkid = {3}) ORDER BY {0} LIMIT {4}",
            keys, Q(fk.table), sql::QuoteLiteral(fk.table), fk.id, schema::kMaxSamples)));
    std::vector<std::string> samples;
    for (const Row& r : rows) samples.push_back(SampleKey(r));
    return samples;
  }

  // AUTOINCREMENT promises never to reuse an id. SQLite picks the larger of
  // sqlite_sequence.seq and max(rowid), so a lowered counter collides only
  // once the rows above it are deleted: still a broken promise to report.
  Status CheckSequences(schema::IntegrityReport& report) {
    STRATA_ASSIGN_OR_RETURN(
        std::vector<Row> exists,
        driver_.Query("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND "
                      "name = 'sqlite_sequence'"));
    if (exists.empty() || I(exists[0], 0) == 0) return Status::Ok();
    STRATA_ASSIGN_OR_RETURN(
        std::vector<Row> counters,
        driver_.Query(fmt::format("SELECT m.name, s.seq FROM sqlite_sequence s JOIN sqlite_schema "
                                  "m ON m.type = 'table' AND m.name = s.name WHERE {} ORDER BY 1",
                                  filter_)));
    for (const Row& c : counters) {
      const std::string table = S(c, 0);
      STRATA_ASSIGN_OR_RETURN(
          std::vector<Row> max,
          driver_.Query(fmt::format("SELECT max(rowid) FROM main.{}", Q(table))));
      ++report.sequences_checked;
      if (max.empty() || !max[0].at(0)) continue;  // an empty table
      const int64_t seq = I(c, 1), top = I(max[0], 0);
      if (seq >= top) continue;
      IntegrityFinding f;
      f.kind = Kind::kSequenceBehind;
      f.object = QualifiedName({"main", "sqlite_sequence", table});
      f.table = QualifiedName({"main", table});
      f.detail = fmt::format(
          "AUTOINCREMENT counter {} is below max(rowid) {} in {}: ids of rows deleted later "
          "can be handed out again",
          seq, top, f.table);
      f.hint = fmt::format(
          "UPDATE sqlite_sequence SET seq = (SELECT max(rowid) FROM {}) WHERE name = {}", Q(table),
          sql::QuoteLiteral(table));
      f.count = top - seq;
      report.findings.push_back(std::move(f));
    }
    return Status::Ok();
  }

  // quick_check answers one row "ok", or up to 100 messages.
  Status QuickCheck(schema::IntegrityReport& report) {
    STRATA_ASSIGN_OR_RETURN(std::vector<Row> rows, driver_.Query("PRAGMA quick_check"));
    if (rows.empty() || (rows.size() == 1 && S(rows[0], 0) == "ok")) return Status::Ok();
    IntegrityFinding f;
    f.kind = Kind::kQuickCheck;
    f.object = "main";
    f.count = static_cast<int64_t>(rows.size());
    f.detail = fmt::format("PRAGMA quick_check reported {} problem{}", rows.size(),
                           rows.size() == 1 ? "" : "s");
    f.hint =
        "rows breaking a CHECK or NOT NULL constraint: correct them; a damaged file: restore a "
        "backup, or rebuild it with the sqlite3 shell's .recover";
    for (size_t i = 0; i < rows.size() && i < schema::kMaxSamples; ++i) {
      f.samples.push_back(S(rows[i], 0));
    }
    report.findings.push_back(std::move(f));
    return Status::Ok();
  }

  Driver& driver_;
  std::string filter_;
};

}  // namespace

std::unique_ptr<schema::IntegrityChecker> NewSqliteIntegrityChecker(Driver& driver,
                                                                    const DriverOptions& options) {
  return std::make_unique<SqliteIntegrityChecker>(driver, options);
}

}  // namespace strata::drivers
