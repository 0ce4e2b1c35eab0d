// strata/ledger_entry.h: one row of the ledger, strata's append-only history.
//
// Every event (applied, reverted, stamped, started, failed, repaired) is a row;
// what is applied is derived by folding the rows in `seq` order. Each row holds
// the hash of the previous row and its own hash, so any edit, deletion or
// reordering of history is detectable (see `strata audit`).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace strata {

enum class Direction { kUp, kDown };

enum class LedgerEvent {
  kApplied,           // up part ran and committed
  kReverted,          // down part ran and committed
  kStamped,           // recorded as applied without running SQL
  kUnstamped,         // recorded as reverted without running SQL
  kStarted,           // a no-transaction migration began (an end row follows)
  kFailed,            // a migration failed; dirty when it was not transactional
  kRepairedApplied,   // an operator declared an interrupted migration applied
  kRepairedReverted,  // an operator declared an interrupted migration reverted
};

const char* DirectionName(Direction direction);  // "up" / "down"
const char* LedgerEventName(LedgerEvent event);  // "applied", "repaired_reverted", ...
std::optional<LedgerEvent> ParseLedgerEvent(std::string_view name);
std::optional<Direction> ParseDirection(std::string_view name);

struct LedgerEntry {
  int64_t seq = 0;  // 1-based, dense: a gap means a deleted row
  std::string migration_id;
  LedgerEvent event = LedgerEvent::kApplied;
  Direction direction = Direction::kUp;
  std::string checksum;  // hex SHA-256 of the migration file (normalized)
  int checksum_version = 0;
  std::string parents;  // parent ids separated by single spaces, as in the file
  bool transactional = true;
  std::string actor;        // user@host that ran strata
  std::string recorded_at;  // UTC, ISO 8601 with milliseconds
  int64_t duration_ms = 0;
  std::string error;      // database message for kFailed; note for repairs
  std::string prev_hash;  // row_hash of seq-1, or 64 zeros for the first row
  std::string row_hash;   // SHA-256 over the canonical form of all fields above
};

}  // namespace strata
