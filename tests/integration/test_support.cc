#include "integration/test_support.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace strata::testing {

namespace fs = std::filesystem;

namespace {

std::vector<std::string> BuildEnv(const std::map<std::string, std::string>& extra) {
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string entry(*e);
    std::string key = entry.substr(0, entry.find('='));
    if (key == "DATABASE_URL" || extra.count(key)) continue;
    env.push_back(entry);
  }
  for (const auto& [k, v] : extra) env.push_back(k + "=" + v);
  return env;
}

pid_t Spawn(const std::vector<std::string>& args, const fs::path& cwd,
            const std::map<std::string, std::string>& env_extra, const fs::path& out_file,
            const fs::path& err_file) {
  std::vector<std::string> argv_s = {STRATA_BINARY};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_s = BuildEnv(env_extra);
  std::vector<char*> envp;
  for (auto& e : env_s) envp.push_back(e.data());
  envp.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_addopen(&actions, 2, err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  if (!cwd.empty()) posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
  pid_t pid = -1;
  int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot spawn " + argv_s[0]);
  return pid;
}

}  // namespace

bool WaitUntil(const std::function<bool()>& condition, int timeout_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (!condition()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    usleep(5000);
  }
  return true;
}

int WaitFor(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

CommandResult RunStrata(const std::vector<std::string>& args, const fs::path& cwd,
                        const std::map<std::string, std::string>& env) {
  TempDir logs;
  pid_t pid = Spawn(args, cwd, env, logs / "out", logs / "err");
  CommandResult result;
  result.pid = pid;
  result.exit_code = WaitFor(pid);
  result.out = ReadFile(logs / "out");
  result.err = ReadFile(logs / "err");
  return result;
}

pid_t SpawnStrata(const std::vector<std::string>& args, const fs::path& log_dir,
                  const std::string& tag) {
  return Spawn(args, {}, {}, log_dir / (tag + ".out"), log_dir / (tag + ".err"));
}

TempDir::TempDir() {
  std::random_device rd;
  fs::path base = fs::temp_directory_path();
  for (int attempt = 0; attempt < 100; ++attempt) {
    fs::path candidate = base / ("strata-test-" + std::to_string(rd()));
    if (fs::create_directory(candidate)) {
      path_ = candidate;
      return;
    }
  }
  throw std::runtime_error("cannot create a temp dir");
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

void WriteFile(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void WriteChain(const fs::path& dir, int n) {
  char id[32];
  char parent[32] = "";
  for (int i = 1; i <= n; ++i) {
    std::snprintf(id, sizeof(id), "m%04d_t", i);
    std::string text;
    if (i > 1) text += std::string("-- strata:parent ") + parent + "\n";
    text += "-- strata:up\nCREATE TABLE t" + std::to_string(i) +
            " (id INTEGER PRIMARY KEY, v TEXT);\nINSERT INTO t" + std::to_string(i) +
            " (id, v) VALUES (1, 'x');\n-- strata:down\nDROP TABLE t" + std::to_string(i) + ";\n";
    WriteFile(dir / (std::string(id) + ".sql"), text);
    std::snprintf(parent, sizeof(parent), "%s", id);
  }
}

std::vector<std::vector<std::string>> SqliteQuery(const fs::path& db, const std::string& sql) {
  sqlite3* handle = nullptr;
  std::vector<std::vector<std::string>> rows;
  if (sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(handle);
    throw std::runtime_error("cannot open " + db.string());
  }
  sqlite3_busy_timeout(handle, 5000);
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(handle, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    std::string message = sqlite3_errmsg(handle);
    sqlite3_close(handle);
    throw std::runtime_error("bad test query: " + message);
  }
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
      const unsigned char* v = sqlite3_column_text(stmt, c);
      row.emplace_back(v ? reinterpret_cast<const char*>(v) : "NULL");
    }
    rows.push_back(std::move(row));
  }
  sqlite3_finalize(stmt);
  sqlite3_close(handle);
  return rows;
}

bool SqliteHasTable(const fs::path& db, const std::string& table) {
  return !SqliteQuery(db, "SELECT 1 FROM sqlite_master WHERE type='table' AND name='" + table + "'")
              .empty();
}

}  // namespace strata::testing
