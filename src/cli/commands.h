// One function per command. Each returns the process exit code and does only
// argument shaping and rendering; the work happens in the library.
#pragma once

#include <string>
#include <vector>

#include "cli/config.h"

namespace strata::cli {

struct MoveArgs {      // up, down, goto
  std::string target;  // id, +N / -N, or empty
  bool all = false;    // down --all
  bool dry_run = false;
  bool sql = false;
  bool single_transaction = false;
  int retries = 0;            // lock-timeout retries of a transactional migration
  bool allow_unsafe = false;  // run despite error-level lint findings (PostgreSQL)
};

int CmdUp(const GlobalFlags& flags, const MoveArgs& args);
int CmdDown(const GlobalFlags& flags, const MoveArgs& args);
int CmdGoto(const GlobalFlags& flags, const MoveArgs& args);
int CmdStamp(const GlobalFlags& flags, const std::string& id);
int CmdRepair(const GlobalFlags& flags, const std::string& id, bool applied, bool reverted,
              const std::string& note);

int CmdStatus(const GlobalFlags& flags);
int CmdHistory(const GlobalFlags& flags);
int CmdHeads(const GlobalFlags& flags);
int CmdGraph(const GlobalFlags& flags, const std::string& format);
int CmdValidate(const GlobalFlags& flags, bool single_head, bool offline);
int CmdAudit(const GlobalFlags& flags, const std::string& expect_head);

// Exit 0; `sql`: print a DDL listing instead of the summary.
int CmdInspect(const GlobalFlags& flags, bool sql);
// Exit 0 when the two schemas are equal, 3 when they differ. Each side is a
// database URL, or "migrations[@ID]": what the migrations produce (up to ID).
int CmdDiff(const GlobalFlags& flags, const std::string& from_url, const std::string& to_url);
// Integrity checks on the live database's data (orphaned foreign-key rows,
// INVALID indexes, NOT VALID constraints, sequences behind their column):
// exit 0 when nothing is found, 3 when something is.
int CmdCheck(const GlobalFlags& flags);
// Exit 0 when the live schema is what its applied migrations produce, 3 when
// it has drifted.
int CmdDrift(const GlobalFlags& flags);

struct RollbackTestArgs {
  std::string from, to;        // migration ids or prefixes; empty: all
  bool allow_no_down = false;  // a migration without a down part passes
};
// Exit 0 when every migration's down part restores its schema, 3 otherwise.
int CmdTestRollback(const GlobalFlags& flags, const RollbackTestArgs& args);

struct LintArgs {
  std::vector<std::string> paths;  // files or directories; empty: the migrations dir
  std::string format = "human";    // human | json | github | sarif
  std::string tx = "none";         // how plain .sql files run: none | wrapped
  bool pending = false;            // only migrations not applied at --url
  std::string since;               // only migrations after this revision
  bool list_rules = false;
};
// Exit 3 when a finding is at error level.
int CmdLint(const GlobalFlags& flags, const LintArgs& args);

int CmdInit(const GlobalFlags& flags);
int CmdNew(const GlobalFlags& flags, const std::string& name,
           const std::vector<std::string>& parents, bool no_transaction);
int CmdMerge(const GlobalFlags& flags, const std::vector<std::string>& heads,
             const std::string& name);

}  // namespace strata::cli
