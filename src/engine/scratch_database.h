// ScratchDatabase: a throwaway, empty database of the same engine as a given
// URL, removed when the object is destroyed; and MigrationsSchema, the schema
// a migrations directory produces, learned by applying it to one. Nothing
// touches the database the URL names.
//
//   SQLite: a file in a new temporary directory.
//   PostgreSQL: CREATE DATABASE strata_scratch_<pid>_<random> on the server
//   the URL points at (the role needs CREATEDB), dropped WITH (FORCE) by the
//   destructor. A killed process leaves it behind under that recognizable name.
//
// Thread safety: one thread at a time.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "schema/catalog.h"
#include "strata/strata.h"

namespace strata::engine {

class ScratchDatabase {
 public:
  // `url` is any URL OpenDriver takes; the scratch database is of its engine
  // and, for PostgreSQL, on its server.
  static Result<std::unique_ptr<ScratchDatabase>> Create(const std::string& url);
  ~ScratchDatabase();
  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;

  // The scratch database's own URL.
  const std::string& url() const { return url_; }

 private:
  ScratchDatabase() = default;

  std::unique_ptr<Driver> admin_;  // PostgreSQL: the session that created it and drops it
  std::string name_;               // PostgreSQL: the database name
  std::filesystem::path dir_;      // SQLite: the temporary directory
  std::string url_;
};

// The schema that the migrations in options.migrations_dir produce up to
// `target` (a migration id or unique prefix; empty: every head), applied in
// plan order to a ScratchDatabase next to `server_url`. options.url and
// options.listener are not used; the ledger options are, so the scratch
// database's ledger is left out as it is from a live one. Lint does not stop
// the run: this builds a schema, it deploys nothing.
Result<schema::Catalog> MigrationsSchema(const MigratorOptions& options, const std::string& target,
                                         const std::string& server_url);

// Where scratch databases for `target_url` go: options.scratch_url when set
// (kInvalidArgument unless it is of the same engine as `target_url`), else
// the server of `target_url` itself.
Result<std::string> ScratchServerFor(const MigratorOptions& options, const std::string& target_url);

// "postgres://u@h:5432/db?x=1" with the database replaced: the path of a URL,
// or a trailing dbname= for libpq's keyword/value form (the last one wins).
std::string WithDatabaseName(const std::string& url, const std::string& database);

}  // namespace strata::engine
