#include "cli/config.h"

#include <fmt/format.h>
#include <unistd.h>

#include <toml++/toml.h>

#include <cstdlib>
#include <filesystem>
#include <set>

namespace strata::cli {

namespace {
std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}
Status UnknownRule(const std::string& id, const toml::node& where) {
  Status status(Code::kInvalidArgument,
                fmt::format("[lint] names unknown rule '{}' (see `strata lint --rules`)", id));
  status.mutable_context().line = static_cast<int>(where.source().begin.line);
  return status;
}

// [lint] disable = [...], enable = [...], assume_lock_timeout, small_table_rows,
// default_schema, and [lint.severity] rule = "error" | "warning" | "info".
Status ReadLintSection(const toml::table& lint, LintOptions& out) {
  std::set<std::string> known;
  for (const LintRuleInfo& rule : LintRules()) known.insert(rule.id);
  for (const auto& [key, value] : lint) {
    const std::string k(key.str());
    if (k == "disable" || k == "enable") {
      const toml::array* ids = value.as_array();
      if (ids == nullptr) return UnknownRule(k + " (must be a list of rule ids)", value);
      for (const toml::node& id : *ids) {
        const std::string rule = id.value_or(std::string());
        if (known.count(rule) == 0) return UnknownRule(rule, id);
        (k == "disable" ? out.disabled : out.enabled).insert(rule);
      }
    } else if (k == "severity" && value.is_table()) {
      for (const auto& [rule_key, level] : *value.as_table()) {
        const std::string rule(rule_key.str());
        if (known.count(rule) == 0) return UnknownRule(rule, level);
        auto severity = ParseLintSeverity(level.value_or(std::string()));
        if (!severity) {
          Status status(Code::kInvalidArgument,
                        fmt::format("[lint.severity] {} must be \"error\", \"warning\" or "
                                    "\"info\"",
                                    rule));
          status.mutable_context().line = static_cast<int>(level.source().begin.line);
          return status;
        }
        out.severity[rule] = *severity;
      }
    } else if (k == "assume_lock_timeout" && value.is_boolean()) {
      out.assume_lock_timeout = value.value_or(false);
    } else if (k == "small_table_rows" && value.is_integer()) {
      out.small_table_rows = value.value_or(int64_t{0});
    } else if (k == "default_schema" && value.is_string()) {
      out.default_schema = value.value_or(std::string("public"));
    } else {
      Status status(Code::kInvalidArgument,
                    fmt::format("[lint] has unknown or mistyped setting '{}' (known: disable, "
                                "enable, severity, assume_lock_timeout, small_table_rows, "
                                "default_schema)",
                                k));
      status.mutable_context().line = static_cast<int>(value.source().begin.line);
      return status;
    }
  }
  return Status::Ok();
}

}  // namespace

Result<MigratorOptions> ResolveOptions(const GlobalFlags& flags) {
  MigratorOptions options;
  std::string path = flags.config_path;
  std::error_code ec;
  if (path.empty() && std::filesystem::exists("strata.toml", ec)) path = "strata.toml";
  std::string file_url, file_dir, file_table, file_schema, file_lock_mode, file_scratch;
  std::optional<double> file_timeout, file_ddl_timeout;
  if (!path.empty()) {
    toml::table table;
    try {
      table = toml::parse_file(path);
    } catch (const toml::parse_error& e) {
      Status status(Code::kInvalidArgument, fmt::format("cannot read config: {}", e.description()));
      status.mutable_context().file = path;
      status.mutable_context().line = static_cast<int>(e.source().begin.line);
      return status;
    }
    for (const auto& [key, value] : table) {
      std::string_view k = key.str();
      if (k != "url" && k != "dir" && k != "ledger_table" && k != "schema" && k != "lock_mode" &&
          k != "lock_timeout" && k != "ddl_lock_timeout" && k != "scratch_url" && k != "lint") {
        Status status(
            Code::kInvalidArgument,
            fmt::format("unknown setting '{}' (known: url, dir, ledger_table, schema, lock_mode, "
                        "lock_timeout, ddl_lock_timeout, scratch_url, [lint])",
                        k));
        status.mutable_context().file = path;
        status.mutable_context().line = static_cast<int>(value.source().begin.line);
        return status;
      }
    }
    file_url = table["url"].value_or(std::string());
    file_dir = table["dir"].value_or(std::string());
    file_table = table["ledger_table"].value_or(std::string());
    file_schema = table["schema"].value_or(std::string());
    file_lock_mode = table["lock_mode"].value_or(std::string());
    file_scratch = table["scratch_url"].value_or(std::string());
    if (auto t = table["lock_timeout"].value<double>()) file_timeout = *t;
    if (auto t = table["ddl_lock_timeout"].value<double>()) file_ddl_timeout = *t;
    if (const toml::table* lint = table["lint"].as_table()) {
      Status status = ReadLintSection(*lint, options.lint);
      if (!status.ok()) {
        status.mutable_context().file = path;
        return status;
      }
    }
    // Relative paths in the config file are relative to the file.
    std::filesystem::path base = std::filesystem::path(path).parent_path();
    if (!file_dir.empty() && !base.empty() && std::filesystem::path(file_dir).is_relative()) {
      file_dir = (base / file_dir).string();
    }
  }
  std::string env_url = Env("DATABASE_URL");
  options.url = !flags.url.empty()  ? flags.url
                : !env_url.empty()  ? env_url
                : !file_url.empty() ? file_url
                                    : options.url;
  options.migrations_dir = !flags.dir.empty()  ? flags.dir
                           : !file_dir.empty() ? file_dir
                                               : options.migrations_dir;
  options.ledger_table = !flags.ledger_table.empty() ? flags.ledger_table
                         : !file_table.empty()       ? file_table
                                                     : options.ledger_table;
  options.scratch_url = !flags.scratch_url.empty() ? flags.scratch_url : file_scratch;
  std::string lock_mode = !flags.lock_mode.empty() ? flags.lock_mode : file_lock_mode;
  if (lock_mode == "lease") {
    options.lock_mode = LockMode::kLease;
  } else if (!lock_mode.empty() && lock_mode != "session") {
    return Status(Code::kInvalidArgument,
                  fmt::format("lock mode must be 'session' or 'lease', not '{}'", lock_mode));
  }
  options.ledger_schema = !flags.schema.empty()  ? flags.schema
                          : !file_schema.empty() ? file_schema
                                                 : options.ledger_schema;
  auto seconds = [](std::optional<double> flag, std::optional<double> file,
                    std::chrono::milliseconds& out, const char* what) -> Status {
    std::optional<double> value = flag ? flag : file;
    if (!value) return Status::Ok();
    if (*value < 0) {
      return Status(Code::kInvalidArgument, fmt::format("{} must not be negative", what));
    }
    out = std::chrono::milliseconds(static_cast<int64_t>(*value * 1000));
    return Status::Ok();
  };
  STRATA_RETURN_IF_ERROR(
      seconds(flags.lock_timeout_seconds, file_timeout, options.lock_timeout, "lock_timeout"));
  STRATA_RETURN_IF_ERROR(seconds(flags.ddl_lock_timeout_seconds, file_ddl_timeout,
                                 options.ddl_lock_timeout, "ddl_lock_timeout"));
  options.actor = DefaultActor();
  return options;
}

std::string DefaultActor() {
  std::string user = Env("USER");
  if (user.empty()) user = Env("LOGNAME");
  if (user.empty()) user = fmt::format("uid{}", getuid());
  char host[256] = {};
  if (gethostname(host, sizeof(host) - 1) != 0) host[0] = '\0';
  return fmt::format("{}@{}", user, host);
}

std::string DefaultConfigText() {
  return "# strata configuration. Flags and DATABASE_URL override these.\n"
         "url = \"sqlite:strata.db\"   # or postgres://user@host/db\n"
         "dir = \"migrations\"         # relative to this file\n"
         "ledger_table = \"strata_ledger\"\n"
         "schema = \"public\"           # PostgreSQL: where the ledger lives\n"
         "lock_timeout = 30          # seconds to wait for another migrator\n"
         "ddl_lock_timeout = 5       # PostgreSQL: seconds a statement may wait for a lock\n";
}

}  // namespace strata::cli
