#include "model/ledger.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "base/sha256.h"
#include "base/strings.h"
#include "model/checksum.h"

namespace strata::model {

std::string CanonicalRow(const LedgerEntry& e) {
  std::string out;
  out.reserve(320 + e.error.size());
  // Length-prefixed fields: no content can shift bytes from one field into
  // the next and keep the same hash.
  auto add = [&](std::string_view field) {
    out += std::to_string(field.size());
    out += ':';
    out += field;
  };
  add(std::to_string(e.seq));
  add(e.migration_id);
  add(LedgerEventName(e.event));
  add(DirectionName(e.direction));
  add(e.checksum);
  add(std::to_string(e.checksum_version));
  add(e.parents);
  add(e.transactional ? "1" : "0");
  add(e.actor);
  add(e.recorded_at);
  add(std::to_string(e.duration_ms));
  add(e.error);
  add(e.prev_hash);
  return out;
}

std::string ComputeRowHash(const LedgerEntry& entry) {
  return base::Sha256Hex(CanonicalRow(entry));
}

void ChainAfter(const LedgerEntry* previous, LedgerEntry& entry) {
  entry.seq = previous ? previous->seq + 1 : 1;
  entry.prev_hash = previous ? previous->row_hash : kGenesisHash;
  entry.row_hash = ComputeRowHash(entry);
}

LedgerFold FoldLedger(const std::vector<LedgerEntry>& entries) {
  LedgerFold fold;
  for (const LedgerEntry& e : entries) {
    bool clears_dirty = fold.dirty && fold.dirty->migration_id == e.migration_id;
    switch (e.event) {
      case LedgerEvent::kApplied:
      case LedgerEvent::kStamped:
      case LedgerEvent::kRepairedApplied:
        fold.applied[e.migration_id] = {&e};
        if (clears_dirty) fold.dirty.reset();
        break;
      case LedgerEvent::kReverted:
      case LedgerEvent::kUnstamped:
      case LedgerEvent::kRepairedReverted:
        fold.applied.erase(e.migration_id);
        if (clears_dirty) fold.dirty.reset();
        break;
      case LedgerEvent::kStarted:
        fold.dirty = DirtyState{e.migration_id, e.direction, e.event, "", e.recorded_at};
        break;
      case LedgerEvent::kFailed:
        // A transactional failure rolled back everything it did: the state is
        // unchanged and the row is history only. A non-transactional one may
        // have left anything behind.
        if (!e.transactional) {
          fold.dirty = DirtyState{e.migration_id, e.direction, e.event, e.error, e.recorded_at};
        }
        break;
    }
  }
  return fold;
}

AppliedState ToAppliedState(const RevisionGraph& graph, const LedgerFold& fold) {
  AppliedState state;
  state.applied.assign(graph.size(), false);
  state.applied_seq.assign(graph.size(), 0);
  for (const auto& [id, applied] : fold.applied) {
    int index = graph.IndexOf(id);
    if (index < 0) continue;
    state.applied[index] = true;
    state.applied_seq[index] = applied.entry->seq;
  }
  return state;
}

std::vector<std::string> AppliedInLedgerOrder(const LedgerFold& fold) {
  std::vector<std::pair<int64_t, std::string>> by_seq;
  by_seq.reserve(fold.applied.size());
  for (const auto& [id, applied] : fold.applied) by_seq.emplace_back(applied.entry->seq, id);
  std::sort(by_seq.begin(), by_seq.end());
  std::vector<std::string> ids;
  ids.reserve(by_seq.size());
  for (auto& [seq, id] : by_seq) ids.push_back(std::move(id));
  return ids;
}

std::vector<Problem> CheckHistory(const RevisionGraph& graph, const LedgerFold& fold) {
  std::vector<Problem> problems;
  for (const auto& [id, applied] : fold.applied) {
    const LedgerEntry& row = *applied.entry;
    int index = graph.IndexOf(id);
    if (index < 0) {
      problems.push_back({"", 0,
                          fmt::format("applied migration '{}' is missing from the migrations "
                                      "directory (ledger row {})",
                                      id, row.seq)});
      continue;
    }
    const Migration& m = graph.at(index);
    if (row.checksum_version == kChecksumVersion && row.checksum != m.checksum) {
      problems.push_back({m.path, 1,
                          fmt::format("applied migration '{}' was edited after it ran "
                                      "(checksum {} in the ledger, {} on disk)",
                                      id, row.checksum.substr(0, 12), m.checksum.substr(0, 12))});
    }
    std::string parents = base::Join(m.parents, " ");
    if (row.parents != parents) {
      problems.push_back(
          {m.path, m.parents_line > 0 ? m.parents_line : 1,
           fmt::format("applied migration '{}' was re-parented (ledger: '{}', file: '{}')", id,
                       row.parents, parents)});
    }
  }
  std::sort(problems.begin(), problems.end(), [](const Problem& a, const Problem& b) {
    return std::tie(a.file, a.message) < std::tie(b.file, b.message);
  });
  return problems;
}

Status VerifyChain(const std::vector<LedgerEntry>& entries) {
  const LedgerEntry* previous = nullptr;
  for (const LedgerEntry& e : entries) {
    int64_t expected_seq = previous ? previous->seq + 1 : 1;
    if (e.seq != expected_seq) {
      return Status(Code::kLedgerCorrupt,
                    fmt::format("ledger row {} is missing (found row {} next): history was deleted",
                                expected_seq, e.seq));
    }
    const std::string& expected_prev = previous ? previous->row_hash : kGenesisHash;
    if (e.prev_hash != expected_prev) {
      return Status(Code::kLedgerCorrupt,
                    fmt::format("ledger row {} ({} {}) does not follow row {}: prev_hash differs",
                                e.seq, LedgerEventName(e.event), e.migration_id, expected_seq - 1));
    }
    if (ComputeRowHash(e) != e.row_hash) {
      return Status(Code::kLedgerCorrupt,
                    fmt::format("ledger row {} ({} {}) was altered: its hash does not verify",
                                e.seq, LedgerEventName(e.event), e.migration_id));
    }
    previous = &e;
  }
  return Status::Ok();
}

}  // namespace strata::model
