// Inspector: reads one database's live schema into a Catalog.
//
// Each engine implements it in its driver folder, with one query per kind of
// object (never one per table), from one consistent snapshot. It reports what
// the application owns: the engine's own catalogs, objects that belong to an
// extension, and strata's own tables (the ledger and its lease table) are
// left out. Obtain one with OpenInspector or NewInspector
// (drivers/registry/inspector_registry.h).
//
// Thread safety: an Inspector is used by one thread at a time.
#pragma once

#include "schema/catalog.h"
#include "strata/result.h"

namespace strata::schema {

class Inspector {
 public:
  virtual ~Inspector() = default;

  // The whole schema, Normalize()d. Reading only: no lock is taken and
  // nothing is created. kConnection when the database cannot be reached,
  // kSqlError when a catalog query fails.
  virtual Result<Catalog> Inspect() = 0;

  // A text far cheaper to read than Inspect() such that two states of one
  // database with equal snapshots have equal catalogs (unequal snapshots may
  // still have equal catalogs: compare those with Inspect and Diff). For
  // callers that compare many states, like `test rollback`. kUnsupported
  // where the engine has no such text.
  virtual Result<std::string> Snapshot() {
    return Status(Code::kUnsupported, "no schema snapshot for this engine");
  }
};

}  // namespace strata::schema
