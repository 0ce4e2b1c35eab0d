// The ledger table's SQL shared by every driver: column order, the literal
// INSERT used in `--sql` scripts, and decoding rows read back as text.
#pragma once

#include <string>

#include "strata/driver.h"
#include "strata/ledger_entry.h"

namespace strata::sql {

// Comma-separated column names in storage order.
const char* LedgerColumnList();
inline constexpr int kLedgerColumnCount = 14;

// INSERT INTO <table> (...) VALUES (...literals...);
std::string RenderLedgerInsert(const std::string& quoted_table, const LedgerEntry& entry);

// Decodes a row selected with LedgerColumnList(); kLedgerCorrupt when a value
// is missing or unreadable.
Result<LedgerEntry> LedgerEntryFromRow(const Row& row);
// Every row, in order; the first unreadable one fails the whole read.
Result<std::vector<LedgerEntry>> LedgerEntriesFromRows(const std::vector<Row>& rows);

// SELECT <columns> FROM <table> ORDER BY seq
std::string LedgerSelectSql(const std::string& quoted_table);

}  // namespace strata::sql
