#include "engine/ledger_writer.h"

#include "base/clock.h"
#include "base/strings.h"
#include "model/checksum.h"
#include "model/ledger.h"

namespace strata::engine {

LedgerEntry LedgerWriter::Next(const model::Migration& m, LedgerEvent event, Direction direction,
                               int64_t duration_ms, std::string error) const {
  LedgerEntry e;
  e.migration_id = m.id;
  e.event = event;
  e.direction = direction;
  e.checksum = m.checksum;
  e.checksum_version = model::kChecksumVersion;
  e.parents = base::Join(m.parents, " ");
  e.transactional = m.transactional;
  e.actor = actor_;
  e.recorded_at = base::UtcTimestamp();
  e.duration_ms = duration_ms;
  e.error = std::move(error);
  const LedgerEntry* last = !pending_.empty()     ? &pending_.back()
                            : !committed_.empty() ? &committed_.back()
                                                  : nullptr;
  model::ChainAfter(last, e);
  return e;
}

Status LedgerWriter::Append(const LedgerEntry& entry) {
  STRATA_RETURN_IF_ERROR(driver_.AppendLedger(entry));
  pending_.push_back(entry);
  return Status::Ok();
}

Status LedgerWriter::AppendAndCommit(const LedgerEntry& entry) {
  STRATA_RETURN_IF_ERROR(driver_.AppendLedgerAndCommit(entry));
  pending_.push_back(entry);
  MarkCommitted();
  return Status::Ok();
}

void LedgerWriter::MarkCommitted() {
  for (LedgerEntry& e : pending_) committed_.push_back(std::move(e));
  pending_.clear();
}

}  // namespace strata::engine
