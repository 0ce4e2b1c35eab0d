// check: integrity checks on the live database's data through the schema
// layer's IntegrityChecker; the checks live in the drivers, the renderings in
// src/schema. This file only shapes options and prints.
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/render.h"
#include "drivers/registry/inspector_registry.h"
#include "schema/integrity.h"

namespace strata::cli {

int CmdCheck(const GlobalFlags& flags) {
  auto options = ResolveOptions(flags);
  if (!options.ok()) return ReportError(options.status(), flags.json);
  auto checker = drivers::OpenIntegrityChecker(options->url, DriverOptionsFor(*options));
  if (!checker.ok()) return ReportError(checker.status(), flags.json);
  auto report = (*checker)->Check();
  if (!report.ok()) return ReportError(report.status(), flags.json);
  if (flags.json) {
    nlohmann::json document = schema::IntegrityReportToJson(*report);
    document["ok"] = true;
    document["url"] = RedactUrl(options->url);
    PrintJson(document);
  } else {
    fmt::print("database: {}\n{}", RedactUrl(options->url), schema::IntegrityReportToText(*report));
  }
  return report->clean() ? kExitOk : kExitValidation;
}

}  // namespace strata::cli
