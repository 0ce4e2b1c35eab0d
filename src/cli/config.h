// Where the CLI's settings come from: flags, then the environment
// (DATABASE_URL), then strata.toml, then built-in defaults. Only the CLI reads
// the environment and the config file; the library gets an options struct.
#pragma once

#include <optional>
#include <string>

#include "strata/strata.h"

namespace strata::cli {

struct GlobalFlags {
  std::string url;
  std::string dir;
  std::string config_path;  // empty: ./strata.toml when present
  std::string ledger_table;
  std::string schema;
  std::string lock_mode;    // "session" or "lease"
  std::string scratch_url;  // where diff/drift/test create scratch databases
  std::optional<double> lock_timeout_seconds;
  std::optional<double> ddl_lock_timeout_seconds;
  bool json = false;
};

// Fills MigratorOptions from the flags, DATABASE_URL and the config file.
Result<MigratorOptions> ResolveOptions(const GlobalFlags& flags);

// user@host, for the ledger's actor column.
std::string DefaultActor();

// The strata.toml that `strata init` writes.
std::string DefaultConfigText();

}  // namespace strata::cli
