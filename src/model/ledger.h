// Ledger logic without I/O: the canonical form and hash of a row, the fold
// that derives the current state from the rows, and chain verification.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/planner.h"
#include "model/revision_graph.h"
#include "strata/ledger_entry.h"
#include "strata/strata.h"

namespace strata::model {

inline const std::string kGenesisHash(64, '0');

// The exact bytes hashed for a row: every field but row_hash, in a fixed
// order, each as "<byte length>:<bytes>". Changing this breaks every existing
// chain: don't, or version it.
std::string CanonicalRow(const LedgerEntry& entry);
std::string ComputeRowHash(const LedgerEntry& entry);

// Fills seq, prev_hash and row_hash so `entry` follows `previous` (or starts
// the chain when `previous` is null).
void ChainAfter(const LedgerEntry* previous, LedgerEntry& entry);

// What the ledger says, per migration id (including ids with no file).
struct LedgerFold {
  struct Applied {
    const LedgerEntry* entry = nullptr;  // the row that made it applied
  };
  std::unordered_map<std::string, Applied> applied;
  std::optional<DirtyState> dirty;
};

// `entries` must outlive the result.
LedgerFold FoldLedger(const std::vector<LedgerEntry>& entries);

// The applied state indexed by graph position; ids unknown to the graph are ignored.
AppliedState ToAppliedState(const RevisionGraph& graph, const LedgerFold& fold);

// The ids the ledger says are applied, in the order they were applied (the
// seq of the row that applied each), ids with no file included.
std::vector<std::string> AppliedInLedgerOrder(const LedgerFold& fold);

// Applied migrations that were edited, deleted or re-parented since they ran.
std::vector<Problem> CheckHistory(const RevisionGraph& graph, const LedgerFold& fold);

// kLedgerCorrupt naming the first row that breaks the chain (a gap in seq, a
// prev_hash that does not match, or a row_hash that does not verify).
Status VerifyChain(const std::vector<LedgerEntry>& entries);

}  // namespace strata::model
