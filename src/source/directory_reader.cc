#include "source/directory_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/strings.h"
#include "source/native_format.h"

namespace strata::source {

namespace fs = std::filesystem;

namespace {

bool ReadWholeFile(const fs::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return false;
  out = std::move(buffer).str();
  return true;
}

}  // namespace

Result<model::RevisionGraph> ReadMigrationDirectory(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return Status(Code::kNotFound, fmt::format("migrations directory '{}' does not exist "
                                               "(create it with 'strata init')",
                                               dir));
  }
  std::vector<fs::path> files;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".sql" && !entry.is_directory()) files.push_back(entry.path());
  }
  if (ec) return Status(Code::kIoError, fmt::format("cannot list '{}': {}", dir, ec.message()));
  std::sort(files.begin(), files.end());

  std::vector<Problem> problems;
  std::vector<model::Migration> migrations;
  migrations.reserve(files.size());
  std::string text;
  for (const fs::path& file : files) {
    const std::string path = file.string();
    const std::string id = file.stem().string();
    if (!model::IsValidMigrationId(id)) {
      problems.push_back({path, 0,
                          fmt::format("invalid migration id '{}': use letters, digits, '_', '.' "
                                      "and '-' only",
                                      id)});
      continue;
    }
    if (!ReadWholeFile(file, text)) {
      problems.push_back({path, 0, "cannot read the file"});
      continue;
    }
    if (int line = base::FirstInvalidUtf8Line(text); line > 0) {
      problems.push_back({path, line, "invalid UTF-8"});
      continue;
    }
    size_t before = problems.size();
    model::Migration m = ParseNativeMigration(id, path, text, problems);
    if (problems.size() == before) migrations.push_back(std::move(m));
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
