#include "sql/ledger_sql.h"

#include <fmt/format.h>

#include <charconv>

#include "sql/statement_text.h"

namespace strata::sql {

const char* LedgerColumnList() {
  return "seq, migration_id, event, direction, checksum, checksum_version, parents, "
         "transactional, actor, recorded_at, duration_ms, error, prev_hash, row_hash";
}

std::string RenderLedgerInsert(const std::string& quoted_table, const LedgerEntry& e) {
  return fmt::format(
      "INSERT INTO {} ({}) VALUES ({}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, "
      "{}, {});",
      quoted_table, LedgerColumnList(), e.seq, QuoteLiteral(e.migration_id),
      QuoteLiteral(LedgerEventName(e.event)), QuoteLiteral(DirectionName(e.direction)),
      QuoteLiteral(e.checksum), e.checksum_version, QuoteLiteral(e.parents),
      e.transactional ? 1 : 0, QuoteLiteral(e.actor), QuoteLiteral(e.recorded_at), e.duration_ms,
      QuoteLiteral(e.error), QuoteLiteral(e.prev_hash), QuoteLiteral(e.row_hash));
}

namespace {
bool ToInt(const std::optional<std::string>& text, int64_t& out) {
  if (!text) return false;
  auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), out);
  return ec == std::errc() && ptr == text->data() + text->size();
}
}  // namespace

Result<LedgerEntry> LedgerEntryFromRow(const Row& row) {
  auto corrupt = [&](const char* what) {
    return Status(Code::kLedgerCorrupt, fmt::format("unreadable ledger row: bad {}", what));
  };
  if (row.size() != kLedgerColumnCount) return corrupt("column count");
  for (const auto& value : row) {
    if (!value) return corrupt("NULL value");
  }
  LedgerEntry e;
  int64_t number = 0;
  if (!ToInt(row[0], e.seq)) return corrupt("seq");
  e.migration_id = *row[1];
  auto event = ParseLedgerEvent(*row[2]);
  if (!event) return corrupt("event");
  e.event = *event;
  auto direction = ParseDirection(*row[3]);
  if (!direction) return corrupt("direction");
  e.direction = *direction;
  e.checksum = *row[4];
  if (!ToInt(row[5], number)) return corrupt("checksum_version");
  e.checksum_version = static_cast<int>(number);
  e.parents = *row[6];
  if (!ToInt(row[7], number)) return corrupt("transactional");
  e.transactional = number != 0;
  e.actor = *row[8];
  e.recorded_at = *row[9];
  if (!ToInt(row[10], e.duration_ms)) return corrupt("duration_ms");
  e.error = *row[11];
  e.prev_hash = *row[12];
  e.row_hash = *row[13];
  return e;
}

Result<std::vector<LedgerEntry>> LedgerEntriesFromRows(const std::vector<Row>& rows) {
  std::vector<LedgerEntry> entries;
  entries.reserve(rows.size());
  for (const Row& row : rows) {
    STRATA_ASSIGN_OR_RETURN(LedgerEntry entry, LedgerEntryFromRow(row));
    entries.push_back(std::move(entry));
  }
  return entries;
}

std::string LedgerSelectSql(const std::string& quoted_table) {
  return fmt::format("SELECT {} FROM {} ORDER BY seq", LedgerColumnList(), quoted_table);
}

}  // namespace strata::sql
