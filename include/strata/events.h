// strata/events.h: typed progress events. The library never prints; it calls
// an EventListener, and the CLI (or an embedding program) renders them.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "strata/ledger_entry.h"
#include "strata/lint.h"

namespace strata {

enum class EventKind {
  kLockWaiting,  // another migrator holds the lock; message names it if known
  kLockAcquired,
  kMigrationStarted,   // step_index of step_count, migration_id, direction
  kMigrationFinished,  // duration_ms set
  kMigrationFailed,    // message holds the error
  kRecorded,           // a ledger-only change (stamp, repair)
  kRetrying,           // a migration failed on a lock timeout and will run again
  kLintFinding,        // lint of a pending migration found something; `finding` set
};

const char* EventKindName(EventKind kind);

struct Event {
  EventKind kind = EventKind::kMigrationStarted;
  std::string migration_id;
  Direction direction = Direction::kUp;
  int step_index = 0;  // 0-based position in the plan
  int step_count = 0;
  int64_t duration_ms = 0;
  std::string message;
  std::optional<LintFinding> finding;  // kLintFinding
};

// Called synchronously on the migrating thread; must not throw.
using EventListener = std::function<void(const Event&)>;

}  // namespace strata
