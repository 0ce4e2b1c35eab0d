// Turning a database URL, or a Driver already open, into a schema::Inspector
// (or a schema::IntegrityChecker) for its engine: with OpenDriver, the only
// place that knows every engine.
// Callers (the CLI; later the engine, to inspect a scratch database) see only
// schema/inspector.h.
#pragma once

#include <memory>
#include <string>

#include "schema/inspector.h"
#include "schema/integrity.h"
#include "strata/driver.h"

namespace strata::drivers {

// An inspector reading through `driver`, which must outlive it. `options`
// names strata's own ledger so it is left out. kUnsupported for a driver
// with no catalog to read (the in-memory test driver).
Result<std::unique_ptr<schema::Inspector>> NewInspector(Driver& driver,
                                                        const DriverOptions& options);

// An inspector with its own connection to `url` (any URL OpenDriver takes).
// An SQLite file that does not exist is kNotFound rather than created empty.
Result<std::unique_ptr<schema::Inspector>> OpenInspector(const std::string& url,
                                                         const DriverOptions& options);

// An integrity checker (strata check) with its own connection to `url`, as
// OpenInspector opens one: `options` names strata's ledger so it is left
// out, and a missing SQLite file is kNotFound. kUnsupported for the
// in-memory test driver.
Result<std::unique_ptr<schema::IntegrityChecker>> OpenIntegrityChecker(
    const std::string& url, const DriverOptions& options);

}  // namespace strata::drivers
