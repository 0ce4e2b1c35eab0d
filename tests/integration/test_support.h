// Helpers for tests that drive the real strata binary: run it, capture its
// output and exit code, and lay out migrations in a temporary directory.
#pragma once

#include <sqlite3.h>
#include <sys/types.h>

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace strata::testing {

struct CommandResult {
  int exit_code = -1;
  pid_t pid = 0;  // of the finished process: names what it may have left behind
  std::string out;
  std::string err;
};

// Runs the strata binary with `args` in `cwd`; `env` entries are added to the
// environment (DATABASE_URL is removed unless given).
CommandResult RunStrata(const std::vector<std::string>& args, const std::filesystem::path& cwd = {},
                        const std::map<std::string, std::string>& env = {});

// Starts strata without waiting; stdout/stderr go to files in `log_dir`.
pid_t SpawnStrata(const std::vector<std::string>& args, const std::filesystem::path& log_dir,
                  const std::string& tag);
// Waits for a spawned process; returns its exit code, or 128+signal.
int WaitFor(pid_t pid);

// Polls `condition` every few milliseconds; false if it never held in time.
bool WaitUntil(const std::function<bool()>& condition, int timeout_ms);

// A fresh temporary directory removed at destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

void WriteFile(const std::filesystem::path& path, const std::string& text);
std::string ReadFile(const std::filesystem::path& path);

// Writes a linear chain of `n` migrations "m0001_t"... each creating table tN.
void WriteChain(const std::filesystem::path& dir, int n);

// Runs a query on an SQLite file and returns the rows as text ("NULL" for NULL).
std::vector<std::vector<std::string>> SqliteQuery(const std::filesystem::path& db,
                                                  const std::string& sql);
bool SqliteHasTable(const std::filesystem::path& db, const std::string& table);

}  // namespace strata::testing
