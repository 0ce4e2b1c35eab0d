// strata's command line: declares commands and flags, hands each to its
// Cmd* function, and turns anything unexpected into a clean error.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <exception>

#include "cli/commands.h"
#include "cli/render.h"

namespace {

using strata::cli::GlobalFlags;
using strata::cli::MoveArgs;

void AddMoveFlags(CLI::App* cmd, MoveArgs& args) {
  cmd->add_flag("--dry-run", args.dry_run, "Print the plan; run nothing");
  cmd->add_flag("--sql", args.sql,
                "Print the exact SQL script, ledger writes included; run nothing");
  cmd->add_flag("--single-transaction", args.single_transaction,
                "Run the whole plan in one transaction: all or nothing");
  cmd->add_option("--retries", args.retries,
                  "Retry a transactional migration that failed only on a lock timeout, up to N "
                  "times with backoff")
      ->check(CLI::NonNegativeNumber);
}

int Main(int argc, char** argv) {
  CLI::App app{"strata: database schema migrations with a verified history", "strata"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "strata 0.1.0");
  GlobalFlags flags;
  double lock_timeout = -1;
  app.add_option("--url", flags.url,
                 "Database URL (default: DATABASE_URL, strata.toml, then sqlite:strata.db)");
  app.add_option("--dir", flags.dir,
                 "Migrations directory (default: strata.toml, then migrations)");
  app.add_option("--config", flags.config_path, "Config file (default: ./strata.toml if present)");
  app.add_option("--ledger-table", flags.ledger_table, "Ledger table name (default strata_ledger)");
  app.add_option("--lock-timeout", lock_timeout,
                 "Seconds to wait for another migrator's lock (default 30)");
  double ddl_lock_timeout = -1;
  app.add_option("--schema", flags.schema, "PostgreSQL schema of the ledger (default public)");
  app.add_option("--lock-mode", flags.lock_mode,
                 "PostgreSQL: session (advisory lock, default) or lease (behind PgBouncer in "
                 "transaction mode)")
      ->check(CLI::IsMember({"session", "lease"}));
  app.add_option("--ddl-lock-timeout", ddl_lock_timeout,
                 "PostgreSQL: seconds a migration statement may wait for a lock (default 5; 0 "
                 "= no limit)");
  app.add_option("--scratch-url", flags.scratch_url,
                 "PostgreSQL server for diff/drift/test scratch databases (default: the --url "
                 "server; the role needs CREATEDB)");
  app.add_flag("--json", flags.json, "Machine-readable output");
  app.fallthrough();

  int code = 0;
  MoveArgs move;
  std::string id, format = "text", name, note, expect_head;
  std::vector<std::string> parents;
  bool flag_a = false, flag_b = false;

  auto* init = app.add_subcommand("init", "Create the migrations directory and strata.toml");
  init->callback([&] { code = strata::cli::CmdInit(flags); });

  auto* create = app.add_subcommand("new", "Write a new migration whose parent is the head");
  create->add_option("name", name, "What the migration does, e.g. add_users")->required();
  create->add_option("--parent", parents, "Parent id (repeat for several); default: the head");
  create->add_flag("--no-transaction", flag_a, "Mark it -- strata:no-transaction");
  create->callback([&] { code = strata::cli::CmdNew(flags, name, parents, flag_a); });

  app.add_subcommand("status", "Applied and pending migrations, heads, dirty state")->callback([&] {
    code = strata::cli::CmdStatus(flags);
  });

  auto* up = app.add_subcommand("up", "Apply pending migrations (to all heads, an id, or +N)");
  up->add_option("target", move.target, "heads (default), a migration id, or +N");
  AddMoveFlags(up, move);
  up->add_flag("--allow-unsafe", move.allow_unsafe,
               "PostgreSQL: run even when lint finds error-level hazards (noted in the ledger)");
  up->callback([&] { code = strata::cli::CmdUp(flags, move); });

  auto* down = app.add_subcommand("down", "Revert migrations (to an id, -N, or --all)");
  down->add_option("target", move.target, "a migration id to revert to (kept applied), or -N");
  down->add_flag("--all", move.all, "Revert every applied migration");
  AddMoveFlags(down, move);
  down->callback([&] { code = strata::cli::CmdDown(flags, move); });

  auto* go = app.add_subcommand("goto", "Apply and revert whatever is needed to reach an id");
  go->add_option("target", move.target, "Migration id")->required();
  AddMoveFlags(go, move);
  go->callback([&] { code = strata::cli::CmdGoto(flags, move); });

  app.add_subcommand("history", "Every ledger event, oldest first")->callback([&] {
    code = strata::cli::CmdHistory(flags);
  });
  app.add_subcommand("heads", "Heads of the revision graph")->callback([&] {
    code = strata::cli::CmdHeads(flags);
  });

  auto* graph = app.add_subcommand("graph", "The revision graph");
  graph->add_option("--format", format, "text (default), dot or mermaid")
      ->check(CLI::IsMember({"text", "dot", "mermaid"}));
  graph->callback([&] { code = strata::cli::CmdGraph(flags, format); });

  auto* merge = app.add_subcommand("merge", "Write a merge migration joining heads");
  merge->add_option("heads", parents, "Heads to join (default: all)");
  merge->add_option("-m,--message", name, "Name of the merge migration")->required();
  merge->callback([&] { code = strata::cli::CmdMerge(flags, parents, name); });

  auto* validate = app.add_subcommand("validate", "Check the migrations and the applied history");
  validate->add_flag("--single-head", flag_a, "Fail when the graph has more than one head");
  validate->add_flag("--offline", flag_b, "Check the files only; do not open the database");
  validate->callback([&] { code = strata::cli::CmdValidate(flags, flag_a, flag_b); });

  strata::cli::LintArgs lint_args;
  auto* lint = app.add_subcommand("lint",
                                  "Check migrations for statements that lock, rewrite or "
                                  "break a live PostgreSQL database");
  lint->add_option("paths", lint_args.paths,
                   "Migration files, plain .sql scripts or directories (default: --dir)");
  lint->add_option("--format", lint_args.format, "human (default), json, github or sarif")
      ->check(CLI::IsMember({"human", "json", "github", "sarif"}));
  lint->add_option("--tx", lint_args.tx,
                   "How plain .sql files run: none (psql: autocommit, BEGIN/COMMIT honoured; "
                   "default) or wrapped (one transaction)")
      ->check(CLI::IsMember({"none", "wrapped"}));
  lint->add_flag("--pending", lint_args.pending,
                 "Only migrations not yet applied to --url, knowing its tables and their sizes");
  lint->add_option("--since", lint_args.since, "Only migrations after this revision");
  lint->add_flag("--rules", lint_args.list_rules, "List every rule with its default severity");
  lint->callback([&] { code = strata::cli::CmdLint(flags, lint_args); });

  auto* stamp = app.add_subcommand("stamp", "Record the ledger as at an id without running SQL");
  stamp->add_option("id", id, "Migration id")->required();
  stamp->callback([&] { code = strata::cli::CmdStamp(flags, id); });

  auto* repair = app.add_subcommand("repair", "Record how a dirty migration was resolved");
  repair->add_option("id", id, "The dirty migration")->required();
  repair->add_flag("--applied", flag_a, "Its changes are all in place");
  repair->add_flag("--reverted", flag_b, "None of its changes remain");
  repair->add_option("--note", note, "Recorded in the ledger with the resolution");
  repair->callback([&] { code = strata::cli::CmdRepair(flags, id, flag_a, flag_b, note); });

  auto* audit = app.add_subcommand("audit", "Verify the ledger's hash chain");
  audit->add_option("--expect-head", expect_head,
                    "A head hash saved earlier; catches rows removed from the end");
  audit->callback([&] { code = strata::cli::CmdAudit(flags, expect_head); });

  auto* inspect = app.add_subcommand("inspect", "The live schema: a summary, --json or --sql");
  inspect->add_flag("--sql", flag_a, "Print a DDL listing of the schema");
  inspect->callback([&] { code = strata::cli::CmdInspect(flags, flag_a); });

  app.add_subcommand("check",
                     "Integrity checks on the live database: orphaned foreign-key rows, invalid "
                     "indexes, NOT VALID constraints, sequences behind; exit 3 when found")
      ->callback([&] { code = strata::cli::CmdCheck(flags); });

  std::string diff_to;
  auto* diff = app.add_subcommand("diff", "Compare two schemas; exit 3 when they differ");
  diff->add_option("from", id, "Database URL, or migrations[@ID]: what the migrations produce")
      ->required();
  diff->add_option("to", diff_to, "Database URL, or migrations[@ID]")->required();
  diff->callback([&] { code = strata::cli::CmdDiff(flags, id, diff_to); });

  app.add_subcommand("drift",
                     "Compare the live schema with what its applied migrations produce; exit 3 "
                     "on drift")
      ->callback([&] { code = strata::cli::CmdDrift(flags); });

  strata::cli::RollbackTestArgs rollback;
  auto* test = app.add_subcommand("test", "Test migrations on a scratch database");
  test->require_subcommand(1);
  auto* test_rollback = test->add_subcommand(
      "rollback", "Up, down, up again for each migration, comparing schemas; exit 3 on failure");
  test_rollback->add_option("--from", rollback.from, "First migration to test (id or prefix)");
  test_rollback->add_option("--to", rollback.to, "Last migration to test (default: every head)");
  test_rollback->add_flag("--allow-no-down", rollback.allow_no_down,
                          "A migration without a down part is not a failure");
  test_rollback->callback([&] { code = strata::cli::CmdTestRollback(flags, rollback); });

  app.parse_complete_callback([&] {
    if (lock_timeout >= 0) flags.lock_timeout_seconds = lock_timeout;
    if (ddl_lock_timeout >= 0) flags.ddl_lock_timeout_seconds = ddl_lock_timeout;
  });
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int exit = app.exit(e);
    return exit == 0 ? 0 : strata::cli::kExitUsage;
  }
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Main(argc, argv);
  } catch (const std::exception& e) {
    fmt::print(stderr, "internal error: {}\n", e.what());
    return strata::cli::kExitError;
  }
}
