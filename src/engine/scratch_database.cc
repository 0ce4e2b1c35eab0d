#include "engine/scratch_database.h"

#include <fmt/format.h>
#include <stdlib.h>
#include <unistd.h>

#include <random>

#include "drivers/registry/inspector_registry.h"

namespace strata::engine {

namespace {

// strata_scratch_<pid>_<random>: the process that made it, should one be
// left behind by a kill.
std::string ScratchName() {
  std::random_device device;
  return fmt::format("strata_scratch_{}_{:08x}", getpid(), device());
}

}  // namespace

std::string WithDatabaseName(const std::string& url, const std::string& database) {
  size_t scheme = url.find("://");
  if (scheme == std::string::npos) return url + " dbname=" + database;
  size_t query = url.find_first_of("?#", scheme + 3);
  size_t end = query == std::string::npos ? url.size() : query;
  size_t path = url.find('/', scheme + 3);
  if (path == std::string::npos || path > end) path = end;
  return url.substr(0, path) + "/" + database + url.substr(end);
}

Result<std::string> ScratchServerFor(const MigratorOptions& options,
                                     const std::string& target_url) {
  if (options.scratch_url.empty()) return target_url;
  // Drivers connect lazily: opening one only reads the URL.
  STRATA_ASSIGN_OR_RETURN(std::unique_ptr<Driver> target, OpenDriver(target_url, DriverOptions{}));
  STRATA_ASSIGN_OR_RETURN(std::unique_ptr<Driver> scratch,
                          OpenDriver(options.scratch_url, DriverOptions{}));
  if (target->dialect() != scratch->dialect()) {
    return Status(Code::kInvalidArgument,
                  fmt::format("the scratch URL is {} but the database is {}: schemas of two "
                              "engines cannot be compared",
                              scratch->dialect(), target->dialect()));
  }
  return options.scratch_url;
}

Result<std::unique_ptr<ScratchDatabase>> ScratchDatabase::Create(const std::string& url) {
  STRATA_ASSIGN_OR_RETURN(std::unique_ptr<Driver> driver, OpenDriver(url, DriverOptions{}));
  std::unique_ptr<ScratchDatabase> scratch(new ScratchDatabase());
  if (driver->dialect() == "sqlite") {
    std::error_code ec;
    std::string pattern =
        (std::filesystem::temp_directory_path(ec) / "strata-scratch-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      return Status(Code::kIoError, fmt::format("cannot create a temporary directory in {}",
                                                std::filesystem::temp_directory_path(ec).string()));
    }
    scratch->dir_ = pattern;
    scratch->url_ = "sqlite:" + (scratch->dir_ / "scratch.db").string();
    return scratch;
  }
  if (driver->dialect() != "postgres") {
    return Status(Code::kUnsupported,
                  fmt::format("no scratch database for the {} driver", driver->dialect()));
  }
  const std::string name = ScratchName();
  Status created = driver->Execute("CREATE DATABASE " + name);
  if (!created.ok()) {
    return Status(created.code(),
                  fmt::format("cannot create the scratch database {} on {}: {} (the role needs "
                              "CREATEDB)",
                              name, driver->redacted_url(), created.message()),
                  created.context());
  }
  scratch->admin_ = std::move(driver);
  scratch->name_ = name;
  // Commits need not wait for the disk: the database is thrown away. Failing
  // to set it only costs time.
  (void)scratch->admin_->Execute("ALTER DATABASE " + name + " SET synchronous_commit = off");
  scratch->url_ = WithDatabaseName(url, name);
  return scratch;
}

ScratchDatabase::~ScratchDatabase() {
  if (admin_) {
    // FORCE (PostgreSQL 13+) ends sessions still connected; without it the
    // drop works once ours are closed, which they are by now.
    if (!admin_->Execute("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)").ok()) {
      (void)admin_->Execute("DROP DATABASE IF EXISTS " + name_);
    }
  }
  if (!dir_.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
}

Result<schema::Catalog> MigrationsSchema(const MigratorOptions& options, const std::string& target,
                                         const std::string& server_url) {
  STRATA_ASSIGN_OR_RETURN(std::unique_ptr<ScratchDatabase> scratch,
                          ScratchDatabase::Create(server_url));
  MigratorOptions scratch_options = options;
  scratch_options.url = scratch->url();
  scratch_options.listener = nullptr;
  scratch_options.lint_before_up = false;
  {
    // Closed before the scratch database is dropped.
    STRATA_ASSIGN_OR_RETURN(std::unique_ptr<Migrator> migrator, Migrator::Open(scratch_options));
    STRATA_ASSIGN_OR_RETURN(
        RunReport report,
        migrator->Run(target.empty() ? Operation::UpToHeads() : Operation::UpTo(target)));
    (void)report;
  }
  STRATA_ASSIGN_OR_RETURN(std::unique_ptr<schema::Inspector> inspector,
                          drivers::OpenInspector(scratch->url(), DriverOptionsFor(options)));
  return inspector->Inspect();
}

}  // namespace strata::engine
