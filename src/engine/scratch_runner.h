// ScratchRunner: runs migrations one step at a time on a ScratchDatabase and
// reads its schema between steps, for `drift` (rebuild what the ledger says)
// and `test rollback` (up, down, up again, comparing schemas each time).
//
// Steps go through the same PrepareSteps/ExecutePlan path as `up` (verify
// parts included), with the scratch database's own ledger, which its
// inspector leaves out. No lock is taken on the target database: nothing of
// it is touched. Durability is skipped: the database is thrown away.
//
// Thread safety: one thread at a time.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/ledger_writer.h"
#include "engine/scratch_database.h"
#include "model/revision_graph.h"
#include "schema/catalog.h"
#include "schema/inspector.h"
#include "strata/strata.h"

namespace strata::engine {

// The scratch schema at one moment: its snapshot where the engine has a cheap
// one (schema::Inspector::Snapshot), else its whole catalog.
struct SchemaState {
  std::optional<std::string> snapshot;
  std::optional<schema::Catalog> catalog;
};

class ScratchRunner {
 public:
  // A fresh, empty scratch database next to `server_url` (see
  // ScratchDatabase::Create). `graph` must outlive the runner.
  static Result<std::unique_ptr<ScratchRunner>> Create(const MigratorOptions& options,
                                                       const model::RevisionGraph& graph,
                                                       const std::string& server_url);
  ~ScratchRunner();

  // Runs one migration (graph index) up or down, in its own transaction
  // unless it is a no-transaction migration. On failure the Status carries
  // file:line and the database's message, as `up` reports it; a failed
  // transactional step leaves the schema as it was.
  Status Run(size_t index, Direction direction);
  // Runs several migrations up, in the order given.
  Status RunUp(const std::vector<size_t>& indexes);
  // The scratch database's schema now.
  Result<schema::Catalog> Inspect();
  // The cheapest faithful record of it: a snapshot, or the catalog.
  Result<SchemaState> Capture();
  // Throws the scratch database away and starts again from an empty one
  // with `applied` (graph indexes, in order) run up: the way back to a known
  // schema after a step left it in an unknown one.
  Status Rebuild(const std::vector<size_t>& applied);

  const std::string& url() const { return scratch_->url(); }

 private:
  ScratchRunner(const MigratorOptions& options, const model::RevisionGraph& graph,
                std::string server_url);
  Status Open();
  void Close();

  MigratorOptions options_;
  const model::RevisionGraph& graph_;
  std::string server_url_;
  // Declaration order matters: the driver closes before the database drops.
  std::unique_ptr<ScratchDatabase> scratch_;
  std::unique_ptr<Driver> driver_;
  std::unique_ptr<LedgerWriter> ledger_;
  std::unique_ptr<schema::Inspector> inspector_;
};

}  // namespace strata::engine
