#include "drivers/registry/inspector_registry.h"

#include <fmt/format.h>

#include <filesystem>

#include "base/strings.h"
#include "drivers/postgres/pg_inspector.h"
#include "drivers/postgres/pg_integrity.h"
#include "drivers/sqlite/sqlite_inspector.h"
#include "drivers/sqlite/sqlite_integrity.h"

namespace strata::drivers {

namespace {

// Keeps the driver an inspector reads through alive as long as the inspector.
class OwningInspector final : public schema::Inspector {
 public:
  OwningInspector(std::unique_ptr<Driver> driver, std::unique_ptr<schema::Inspector> inspector)
      : driver_(std::move(driver)), inspector_(std::move(inspector)) {}
  Result<schema::Catalog> Inspect() override { return inspector_->Inspect(); }

 private:
  std::unique_ptr<Driver> driver_;  // destroyed after inspector_
  std::unique_ptr<schema::Inspector> inspector_;
};

// The same for an integrity checker.
class OwningIntegrityChecker final : public schema::IntegrityChecker {
 public:
  OwningIntegrityChecker(std::unique_ptr<Driver> driver,
                         std::unique_ptr<schema::IntegrityChecker> checker)
      : driver_(std::move(driver)), checker_(std::move(checker)) {}
  Result<schema::IntegrityReport> Check() override { return checker_->Check(); }

 private:
  std::unique_ptr<Driver> driver_;  // destroyed after checker_
  std::unique_ptr<schema::IntegrityChecker> checker_;
};

// A driver for `url` that reads an existing database: an SQLite file that
// does not exist is kNotFound rather than created empty.
Result<std::unique_ptr<Driver>> OpenExisting(const std::string& url, const DriverOptions& options) {
  STRATA_ASSIGN_OR_RETURN(std::unique_ptr<Driver> driver, OpenDriver(url, options));
  if (driver->dialect() == "sqlite") {
    // The same path OpenDriver opens: after "sqlite:" and an optional "//".
    std::string path = url.substr(7);
    if (base::StartsWith(path, "//")) path = path.substr(2);
    std::error_code ec;
    if (path != ":memory:" && !std::filesystem::exists(path, ec)) {
      return Status(Code::kNotFound, fmt::format("no SQLite database at '{}'", path));
    }
  }
  return driver;
}

}  // namespace

Result<std::unique_ptr<schema::Inspector>> NewInspector(Driver& driver,
                                                        const DriverOptions& options) {
  if (driver.dialect() == "postgres") return NewPostgresInspector(driver, options);
  if (driver.dialect() == "sqlite") return NewSqliteInspector(driver, options);
  return Status(Code::kUnsupported,
                fmt::format("the {} driver has no schema to inspect", driver.dialect()));
}

Result<std::unique_ptr<schema::Inspector>> OpenInspector(const std::string& url,
                                                         const DriverOptions& options) {
  STRATA_ASSIGN_OR_RETURN(std::unique_ptr<Driver> driver, OpenExisting(url, options));
  STRATA_ASSIGN_OR_RETURN(std::unique_ptr<schema::Inspector> inspector,
                          NewInspector(*driver, options));
  return std::unique_ptr<schema::Inspector>(
      std::make_unique<OwningInspector>(std::move(driver), std::move(inspector)));
}

Result<std::unique_ptr<schema::IntegrityChecker>> OpenIntegrityChecker(
    const std::string& url, const DriverOptions& options) {
  STRATA_ASSIGN_OR_RETURN(std::unique_ptr<Driver> driver, OpenExisting(url, options));
  std::unique_ptr<schema::IntegrityChecker> checker;
  if (driver->dialect() == "postgres") {
    checker = NewPostgresIntegrityChecker(*driver, options);
  } else if (driver->dialect() == "sqlite") {
    checker = NewSqliteIntegrityChecker(*driver, options);
  } else {
    return Status(Code::kUnsupported,
                  fmt::format("the {} driver has no data to check", driver->dialect()));
  }
  return std::unique_ptr<schema::IntegrityChecker>(
      std::make_unique<OwningIntegrityChecker>(std::move(driver), std::move(checker)));
}

}  // namespace strata::drivers
