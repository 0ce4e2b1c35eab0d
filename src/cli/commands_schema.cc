// inspect, diff and drift: read live schemas through the schema layer's Inspector
// (or, for `migrations[@ID]`, the engine's scratch database) and print its
// renderings. The work happens in src/schema, the drivers and the engine.
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/render.h"
#include "drivers/registry/inspector_registry.h"
#include "engine/drift.h"
#include "engine/scratch_database.h"
#include "schema/diff.h"
#include "schema/render.h"

namespace strata::cli {

namespace {

// The catalog of the database at `url`, leaving strata's own ledger out.
Result<schema::Catalog> InspectUrl(const std::string& url, const MigratorOptions& options) {
  STRATA_ASSIGN_OR_RETURN(std::unique_ptr<schema::Inspector> inspector,
                          drivers::OpenInspector(url, DriverOptionsFor(options)));
  return inspector->Inspect();
}

// "migrations" or "migrations@ID" names the schema the migrations produce.
bool IsMigrations(const std::string& side) {
  return side == "migrations" || side.starts_with("migrations@");
}

// One side of a diff. The migrations are applied to a scratch database next
// to the other side when that is a database (so both are the same engine),
// else next to the configured database.
Result<schema::Catalog> SchemaOf(const std::string& side, const std::string& other,
                                 const MigratorOptions& options) {
  if (!IsMigrations(side)) return InspectUrl(side, options);
  STRATA_ASSIGN_OR_RETURN(
      std::string server,
      engine::ScratchServerFor(options, IsMigrations(other) ? options.url : other));
  return engine::MigrationsSchema(options, side.size() > 11 ? side.substr(11) : "", server);
}

}  // namespace

int CmdInspect(const GlobalFlags& flags, bool sql) {
  if (flags.json && sql) {
    return ReportError(Status(Code::kInvalidArgument, "--json and --sql exclude each other"),
                       flags.json);
  }
  auto options = ResolveOptions(flags);
  if (!options.ok()) return ReportError(options.status(), flags.json);
  auto catalog = InspectUrl(options->url, *options);
  if (!catalog.ok()) return ReportError(catalog.status(), flags.json);
  if (flags.json) {
    PrintJson({{"ok", true},
               {"url", RedactUrl(options->url)},
               {"catalog", schema::CatalogToJson(*catalog)}});
  } else if (sql) {
    fmt::print("{}", schema::CatalogToSql(*catalog));
  } else {
    fmt::print("database: {}\n{}", RedactUrl(options->url), schema::CatalogSummary(*catalog));
  }
  return kExitOk;
}

int CmdDiff(const GlobalFlags& flags, const std::string& from_url, const std::string& to_url) {
  auto options = ResolveOptions(flags);
  if (!options.ok()) return ReportError(options.status(), flags.json);
  auto from = SchemaOf(from_url, to_url, *options);
  if (!from.ok()) return ReportError(from.status(), flags.json);
  auto to = SchemaOf(to_url, from_url, *options);
  if (!to.ok()) return ReportError(to.status(), flags.json);
  std::vector<schema::Difference> differences = schema::Diff(*from, *to);
  if (flags.json) {
    nlohmann::json document = schema::DiffToJson(differences);
    document["ok"] = true;
    document["from"] = RedactUrl(from_url);
    document["to"] = RedactUrl(to_url);
    PrintJson(document);
  } else {
    fmt::print("{}", schema::DiffToText(differences));
  }
  return differences.empty() ? kExitOk : kExitValidation;
}

int CmdDrift(const GlobalFlags& flags) {
  auto options = ResolveOptions(flags);
  if (!options.ok()) return ReportError(options.status(), flags.json);
  auto report = engine::DetectDrift(*options);
  if (!report.ok()) return ReportError(report.status(), flags.json);
  if (flags.json) {
    nlohmann::json document = schema::DiffToJson(report->differences);
    nlohmann::json warnings = nlohmann::json::array();
    for (const Problem& p : report->warnings) {
      warnings.push_back({{"file", p.file}, {"line", p.line}, {"message", p.message}});
    }
    document["ok"] = true;
    document["url"] = report->url;
    document["drifted"] = !report->differences.empty();
    document["applied"] = report->applied;
    document["warnings"] = warnings;
    PrintJson(document);
  } else {
    fmt::print(
        "database: {}\nexpected: the schema of its {} applied migration{}, rebuilt on a "
        "scratch database\n",
        report->url, report->applied.size(), report->applied.size() == 1 ? "" : "s");
    for (const Problem& p : report->warnings) {
      fmt::print("warning: {}{}\n", p.file.empty() ? "" : p.file + ": ", p.message);
    }
    if (report->differences.empty()) {
      fmt::print("no drift: the live schema is what the migrations say\n");
    } else {
      fmt::print("drift (+ only in the live database, - missing from it, ~ changed):\n{}",
                 schema::DiffToText(report->differences));
    }
  }
  return report->differences.empty() ? kExitOk : kExitValidation;
}

}  // namespace strata::cli
