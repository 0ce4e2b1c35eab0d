// LedgerWriter: builds chained ledger rows and appends them through the
// driver, tracking which rows are committed. The migration lock must be held
// for the whole life of a LedgerWriter: it assumes nobody else appends.
#pragma once

#include <string>
#include <vector>

#include "model/migration.h"
#include "strata/driver.h"

namespace strata::engine {

class LedgerWriter {
 public:
  LedgerWriter(Driver& driver, std::vector<LedgerEntry> committed, std::string actor)
      : driver_(driver), committed_(std::move(committed)), actor_(std::move(actor)) {}

  // A row for `migration` chained after the last committed or pending row.
  LedgerEntry Next(const model::Migration& migration, LedgerEvent event, Direction direction,
                   int64_t duration_ms = 0, std::string error = {}) const;

  // Appends through the driver; the row is pending until MarkCommitted().
  Status Append(const LedgerEntry& entry);
  // Appends `entry` and commits the open transaction through the driver (one
  // round trip where it can); on success every pending row is committed.
  Status AppendAndCommit(const LedgerEntry& entry);
  // Chains a row in memory only (for rendering scripts); never written.
  void Stage(const LedgerEntry& entry) { pending_.push_back(entry); }
  // The transaction holding pending rows committed / rolled back.
  void MarkCommitted();
  void MarkRolledBack() { pending_.clear(); }

  const std::vector<LedgerEntry>& committed() const { return committed_; }

 private:
  Driver& driver_;
  std::vector<LedgerEntry> committed_;
  std::vector<LedgerEntry> pending_;
  std::string actor_;
};

}  // namespace strata::engine
