// init, new, merge: commands that write migration files.
#include <fmt/format.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>

#include "cli/commands.h"
#include "cli/render.h"
#include "engine/authoring.h"

namespace strata::cli {

namespace {

std::string IdTimestamp() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

int Created(const GlobalFlags& flags, const Result<engine::NewMigration>& created) {
  if (!created.ok()) return ReportError(created.status(), flags.json);
  if (flags.json) {
    PrintJson({{"ok", true},
               {"id", created->id},
               {"path", created->path},
               {"parents", created->parents}});
  } else {
    fmt::print("created {}\n", created->path);
  }
  return kExitOk;
}

}  // namespace

int CmdInit(const GlobalFlags& flags) {
  auto options = ResolveOptions(flags);
  if (!options.ok()) return ReportError(options.status(), flags.json);
  std::error_code ec;
  std::filesystem::create_directories(options->migrations_dir, ec);
  if (ec) {
    return ReportError(Status(Code::kIoError, fmt::format("cannot create '{}': {}",
                                                          options->migrations_dir, ec.message())),
                       flags.json);
  }
  bool wrote_config = false;
  std::string config = flags.config_path.empty() ? "strata.toml" : flags.config_path;
  if (!std::filesystem::exists(config, ec)) {
    std::ofstream(config) << DefaultConfigText();
    wrote_config = true;
  }
  if (flags.json) {
    PrintJson({{"ok", true}, {"dir", options->migrations_dir}, {"config_written", wrote_config}});
  } else {
    fmt::print("migrations directory: {}\n", options->migrations_dir);
    if (wrote_config) fmt::print("wrote {}\n", config);
    fmt::print("next: strata new create_first_table\n");
  }
  return kExitOk;
}

int CmdNew(const GlobalFlags& flags, const std::string& name,
           const std::vector<std::string>& parents, bool no_transaction) {
  auto options = ResolveOptions(flags);
  if (!options.ok()) return ReportError(options.status(), flags.json);
  engine::NewMigrationRequest request{options->migrations_dir, name, parents, !no_transaction,
                                      IdTimestamp()};
  return Created(flags, engine::CreateMigration(request));
}

int CmdMerge(const GlobalFlags& flags, const std::vector<std::string>& heads,
             const std::string& name) {
  auto options = ResolveOptions(flags);
  if (!options.ok()) return ReportError(options.status(), flags.json);
  engine::NewMigrationRequest request{options->migrations_dir, name, heads, true, IdTimestamp()};
  return Created(flags, engine::CreateMerge(request));
}

}  // namespace strata::cli
