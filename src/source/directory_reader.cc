#include "source/directory_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "base/strings.h"
#include "source/native_format.h"

namespace strata::source {

namespace fs = std::filesystem;

namespace {

// Reads a file into `out`, reusing its capacity: one buffer serves a whole
// directory instead of a fresh allocation per file.
bool ReadWholeFile(const fs::path& path, std::string& out) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return false;
  out.clear();
  char chunk[16384];
  size_t n = 0;
  while ((n = std::fread(chunk, 1, sizeof(chunk), file)) > 0) out.append(chunk, n);
  bool ok = std::ferror(file) == 0;
  std::fclose(file);
  return ok;
}

}  // namespace

Result<model::RevisionGraph> ReadMigrationDirectory(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return Status(Code::kNotFound, fmt::format("migrations directory '{}' does not exist "
                                               "(create it with 'strata init')",
                                               dir));
  }
  // File names only (not fs::path objects): this runs over 10,000-file
  // directories and every allocation shows in the peak.
  std::vector<std::string> names;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    std::error_code type_error;  // a dangling link is listed: reading it reports the problem
    if (name.size() > 4 && name.compare(name.size() - 4, 4, ".sql") == 0 &&
        !entry.is_directory(type_error)) {
      names.push_back(std::move(name));
    }
  }
  if (ec) return Status(Code::kIoError, fmt::format("cannot list '{}': {}", dir, ec.message()));
  std::sort(names.begin(), names.end());
  const std::string prefix = dir.empty() || dir.back() == '/' ? dir : dir + "/";

  std::vector<Problem> problems;
  std::vector<model::Migration> migrations;
  migrations.reserve(names.size());
  std::string text;
  for (const std::string& name : names) {
    const std::string path = prefix + name;
    const std::string id = name.substr(0, name.size() - 4);
    if (!model::IsValidMigrationId(id)) {
      problems.push_back({path, 0,
                          fmt::format("invalid migration id '{}': use letters, digits, '_', '.' "
                                      "and '-' only",
                                      id)});
      continue;
    }
    if (!ReadWholeFile(path, text)) {
      problems.push_back({path, 0, "cannot read the file"});
      continue;
    }
    if (int line = base::FirstInvalidUtf8Line(text); line > 0) {
      problems.push_back({path, line, "invalid UTF-8"});
      continue;
    }
    size_t before = problems.size();
    model::ParsedMigration parsed = ParseNativeMigration(id, path, text, problems);
    // Only the metadata stays in memory; the SQL is read again when it runs.
    if (problems.size() == before)
      migrations.push_back(std::move(static_cast<model::Migration&>(parsed)));
  }
  if (!problems.empty()) {
    Status status(Code::kInvalidMigrations,
                  problems.size() == 1
                      ? problems[0].message
                      : fmt::format("{} problems in '{}'; nothing was run", problems.size(), dir));
    status.mutable_context().file = problems[0].file;
    status.mutable_context().line = problems[0].line;
    return status.WithProblems(std::move(problems));
  }
  return model::RevisionGraph::Build(std::move(migrations));
}

Result<model::MigrationBody> LoadMigrationBody(const model::Migration& migration) {
  std::string text;
  if (!ReadWholeFile(migration.path, text)) {
    return Status(Code::kIoError, fmt::format("cannot read '{}'", migration.path));
  }
  std::vector<Problem> problems;
  model::ParsedMigration parsed =
      ParseNativeMigration(migration.id, migration.path, text, problems);
  if (!problems.empty() || parsed.checksum != migration.checksum) {
    Status status(
        Code::kHistoryChanged,
        fmt::format("'{}' changed on disk while strata was running; run again", migration.path));
    status.mutable_context().file = migration.path;
    status.mutable_context().migration_id = migration.id;
    return status;
  }
  return static_cast<model::MigrationBody&&>(std::move(parsed));
}

Result<std::string> WriteNewMigration(const std::string& dir, const std::string& id,
                                      const std::vector<std::string>& parents, bool transactional,
                                      const std::string& up_sql, const std::string& down_sql) {
  if (!model::IsValidMigrationId(id)) {
    return Status(Code::kInvalidArgument, fmt::format("invalid migration id '{}'", id));
  }
  std::error_code ec;
  fs::create_directories(dir, ec);
  fs::path path = fs::path(dir) / (id + ".sql");
  if (fs::exists(path, ec)) {
    return Status(Code::kInvalidArgument, fmt::format("'{}' already exists", path.string()));
  }
  std::ofstream out(path, std::ios::binary);
  out << RenderNativeMigration(parents, transactional, up_sql, down_sql);
  out.close();
  if (!out) return Status(Code::kIoError, fmt::format("cannot write '{}'", path.string()));
  return path.string();
}

}  // namespace strata::source
