// The strata binary end to end on real SQLite files and a real PostgreSQL
// server, from one parameterized suite, using the bundled example project (a
// branch and its merge, a no-transaction migration).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "integration/test_database.h"
#include "integration/test_support.h"

namespace strata::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const std::string kExample = std::string(STRATA_SOURCE_DIR) + "/examples/migrations";
const std::string kMerge = "20250105T090000_merge_accounts_and_orders";
const std::string kOrders = "20250103T090000_create_orders";
const std::string kBackfill = "20250107T090000_backfill_customer_names";

class CliEngines : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override { db_ = MakeTestDatabase(GetParam(), tmp_.path()); }
  CommandResult Strata(std::vector<std::string> args, const std::string& dir = kExample) {
    std::vector<std::string> full = {"--dir", dir, "--url", db_->url()};
    full.insert(full.end(), args.begin(), args.end());
    return RunStrata(full);
  }
  json StatusJson() {
    CommandResult r = Strata({"--json", "status"});
    EXPECT_EQ(r.exit_code, 0) << r.err << r.out;
    return json::parse(r.out);
  }
  std::vector<std::string> Applied() {
    std::vector<std::string> ids;
    const json status = StatusJson();
    for (const auto& m : status["migrations"]) {
      if (m["applied"]) ids.push_back(m["id"]);
    }
    return ids;
  }
  TempDir tmp_;
  std::unique_ptr<TestDatabase> db_;
};

TEST_P(CliEngines, UpAppliesEveryMigrationAndStatusShowsNothingPending) {
  CommandResult up = Strata({"up"});
  ASSERT_EQ(up.exit_code, 0) << up.err;
  EXPECT_NE(up.out.find("applied  " + kMerge), std::string::npos) << up.out;
  json status = StatusJson();
  EXPECT_EQ(status["pending"], 0);
  EXPECT_EQ(status["current"], json::array({kBackfill}));
  EXPECT_TRUE(db_->HasRelation("order_items"));
  EXPECT_EQ(db_->Scalar("SELECT count(*) FROM products"), "2");
  // The no-transaction migration wrote started + applied; 7 others one row each.
  EXPECT_EQ(db_->Scalar("SELECT count(*) FROM strata_ledger"), "9");
  CommandResult again = Strata({"up"});
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_NE(again.out.find("nothing to do"), std::string::npos);
}

TEST_P(CliEngines, DownNeedsATargetAndRevertsOnlyDescendants) {
  ASSERT_EQ(Strata({"up"}).exit_code, 0);
  CommandResult bare = Strata({"down"});
  EXPECT_EQ(bare.exit_code, 2);
  EXPECT_NE(bare.err.find("--all"), std::string::npos);

  ASSERT_EQ(Strata({"down", "-2"}).exit_code, 0);
  EXPECT_EQ(Applied().size(), 6u);
  EXPECT_FALSE(db_->HasRelation("order_totals"));

  ASSERT_EQ(Strata({"down", kOrders}).exit_code, 0);
  EXPECT_EQ(Applied(), (std::vector<std::string>{"20250101T090000_create_customers",
                                                 "20250102T090000_create_products", kOrders}));
  EXPECT_TRUE(db_->HasRelation("orders"));
  EXPECT_FALSE(db_->HasRelation("order_items"));

  ASSERT_EQ(Strata({"down", "--all"}).exit_code, 0);
  EXPECT_TRUE(Applied().empty());
  EXPECT_FALSE(db_->HasRelation("customers"));
}

TEST_P(CliEngines, UpToAnIdAppliesOnlyItsAncestorsAndGotoMixesBoth) {
  const std::string items = "20250104T100000_create_order_items";
  ASSERT_EQ(Strata({"up", items}).exit_code, 0);
  EXPECT_EQ(Applied().size(), 4u);
  EXPECT_FALSE(db_->HasRelation("customers_email"));
  // Going to the other branch reverts order_items and applies the email index.
  CommandResult go = Strata({"goto", "20250104T090000_unique"});  // a unique prefix
  ASSERT_EQ(go.exit_code, 0) << go.err;
  EXPECT_FALSE(db_->HasRelation("order_items"));
  EXPECT_TRUE(db_->HasRelation("customers_email"));
  ASSERT_EQ(Strata({"up", "+1"}).exit_code, 0);
  EXPECT_EQ(Applied().size(), 5u);
}

TEST_P(CliEngines, DryRunAndSqlChangeNothing) {
  CommandResult plan = Strata({"--json", "up", "--dry-run"});
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  EXPECT_EQ(json::parse(plan.out)["plan"].size(), 8u);
  CommandResult sql = Strata({"up", "--sql"});
  ASSERT_EQ(sql.exit_code, 0) << sql.err;
  EXPECT_NE(sql.out.find("CREATE TABLE order_items"), std::string::npos);
  EXPECT_NE(sql.out.find("\"strata_ledger\" (seq, migration_id"), std::string::npos);
  EXPECT_NE(sql.out.find("BEGIN"), std::string::npos);
  EXPECT_FALSE(db_->HasRelation("customers"));
  EXPECT_FALSE(db_->HasRelation("strata_ledger"));
}

TEST_P(CliEngines, SqlScriptRunByHandGivesTheSameSchemaAndAValidLedger) {
  CommandResult sql = Strata({"up", "--sql"});
  ASSERT_EQ(sql.exit_code, 0);
  TempDir other;
  auto by_hand = MakeTestDatabase(GetParam(), other.path());
  by_hand->Exec(sql.out);
  CommandResult audit = RunStrata({"--dir", kExample, "--url", by_hand->url(), "audit"});
  EXPECT_EQ(audit.exit_code, 0) << audit.err;
  CommandResult status =
      RunStrata({"--dir", kExample, "--url", by_hand->url(), "--json", "status"});
  EXPECT_EQ(json::parse(status.out)["pending"], 0);
}

TEST_P(CliEngines, SingleTransactionIsAllOrNothing) {
  TempDir dir;
  WriteChain(dir.path(), 3);
  WriteFile(dir / "m0004_t.sql",
            "-- strata:parent m0003_t\n-- strata:up\nCREATE TABLE t4 (x int);\nINSERT INTO nope "
            "VALUES (1);\n"
            "-- strata:down\nDROP TABLE t4;\n");
  CommandResult run = Strata({"up", "--single-transaction"}, dir.path());
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_FALSE(db_->HasRelation("t1"));
  EXPECT_FALSE(db_->HasRelation("t4"));
  // Only the failure is in the ledger, as history.
  auto rows = db_->Query("SELECT event, migration_id FROM strata_ledger");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], "failed");
  EXPECT_EQ(rows[0][1], "m0004_t");
}

TEST_P(CliEngines, StampRecordsWithoutRunningSql) {
  CommandResult stamp = Strata({"stamp", kOrders});
  ASSERT_EQ(stamp.exit_code, 0) << stamp.err;
  EXPECT_FALSE(db_->HasRelation("orders"));
  EXPECT_EQ(Applied().size(), 3u);
  auto events = db_->Query("SELECT DISTINCT event FROM strata_ledger");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0][0], "stamped");
}

TEST_P(CliEngines, AuditCatchesAlteredDeletedAndTruncatedHistory) {
  ASSERT_EQ(Strata({"up"}).exit_code, 0);
  CommandResult ok = Strata({"--json", "audit"});
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  const std::string head = json::parse(ok.out)["head"];
  ASSERT_EQ(head.size(), 64u);

  auto exec = [&](const std::string& sql) { db_->Exec(sql); };
  // A truncated tail verifies as a chain, but not against the saved head.
  exec("DELETE FROM strata_ledger WHERE seq = 9");
  EXPECT_EQ(Strata({"audit"}).exit_code, 0);
  CommandResult truncated = Strata({"audit", "--expect-head", head});
  EXPECT_EQ(truncated.exit_code, 3);
  EXPECT_NE(truncated.err.find("does not contain the expected head"), std::string::npos);

  exec("UPDATE strata_ledger SET actor = 'mallory' WHERE seq = 4");
  CommandResult altered = Strata({"audit"});
  EXPECT_EQ(altered.exit_code, 3);
  EXPECT_NE(altered.err.find("row 4"), std::string::npos) << altered.err;

  exec(
      "UPDATE strata_ledger SET actor = (SELECT actor FROM strata_ledger WHERE seq = 3) WHERE seq "
      "= 4");
  exec("DELETE FROM strata_ledger WHERE seq = 6");
  CommandResult deleted = Strata({"audit"});
  EXPECT_EQ(deleted.exit_code, 3);
  EXPECT_NE(deleted.err.find("row 6 is missing"), std::string::npos) << deleted.err;
}

TEST_P(CliEngines, ValidateCatchesEditedMissingAndReparentedMigrations) {
  TempDir dir;
  fs::copy(kExample, dir.path(), fs::copy_options::recursive);
  ASSERT_EQ(Strata({"up", kOrders}, dir.path()).exit_code, 0);
  EXPECT_EQ(Strata({"validate"}, dir.path()).exit_code, 0);

  const fs::path products = dir / "20250102T090000_create_products.sql";
  const std::string original = ReadFile(products);
  // Line endings are not an edit.
  std::string crlf;
  for (char c : original) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  WriteFile(products, crlf);
  EXPECT_EQ(Strata({"validate"}, dir.path()).exit_code, 0);

  WriteFile(products, original + "-- one more comment\n");
  CommandResult edited = Strata({"validate"}, dir.path());
  EXPECT_EQ(edited.exit_code, 3);
  EXPECT_NE(edited.err.find("was edited"), std::string::npos) << edited.err;
  CommandResult refused = Strata({"up"}, dir.path());
  EXPECT_EQ(refused.exit_code, 3);
  EXPECT_FALSE(db_->HasRelation("order_items"));
  WriteFile(products, original);

  const fs::path orders = dir / (kOrders + ".sql");
  std::string text = ReadFile(orders);
  WriteFile(orders, "-- strata:parent 20250101T090000_create_customers\n" +
                        text.substr(text.find('\n') + 1));
  CommandResult reparented = Strata({"validate"}, dir.path());
  EXPECT_EQ(reparented.exit_code, 3);
  EXPECT_NE(reparented.err.find("re-parented"), std::string::npos) << reparented.err;
  WriteFile(orders, text);
}

TEST_P(CliEngines, ValidateCatchesADeletedAppliedMigration) {
  TempDir dir;
  WriteChain(dir.path(), 3);
  ASSERT_EQ(Strata({"up"}, dir.path()).exit_code, 0);
  fs::remove(dir / "m0003_t.sql");
  CommandResult missing = Strata({"validate"}, dir.path());
  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_NE(missing.err.find("'m0003_t' is missing"), std::string::npos) << missing.err;
  EXPECT_EQ(Strata({"status"}, dir.path()).exit_code, 3);
}

TEST_P(CliEngines, NewFollowsTheHeadAndMergeJoinsBranches) {
  TempDir dir;
  fs::path migrations = dir / "migrations";
  ASSERT_EQ(RunStrata({"init"}, dir.path()).exit_code, 0);
  EXPECT_TRUE(fs::exists(dir / "strata.toml"));
  CommandResult first = RunStrata({"--json", "new", "Create users"}, dir.path());
  ASSERT_EQ(first.exit_code, 0) << first.err;
  json a = json::parse(first.out);
  EXPECT_TRUE(a["parents"].empty());
  EXPECT_NE(a["id"].get<std::string>().find("_create_users"), std::string::npos);
  // A fresh file has an empty up part: every command refuses it until written.
  EXPECT_EQ(RunStrata({"validate", "--offline"}, dir.path()).exit_code, 3);
  WriteFile(dir / a["path"].get<std::string>(),
            "-- strata:up\nCREATE TABLE users (id INTEGER);\n-- strata:down\nDROP TABLE users;\n");
  WriteFile(migrations / "b1.sql", "-- strata:parent " + a["id"].get<std::string>() +
                                       "\n-- strata:up\nCREATE TABLE b1 (x int);\n");
  WriteFile(migrations / "b2.sql", "-- strata:parent " + a["id"].get<std::string>() +
                                       "\n-- strata:up\nCREATE TABLE b2 (x int);\n");

  CommandResult refused = RunStrata({"new", "more"}, dir.path());
  EXPECT_EQ(refused.exit_code, 3);
  EXPECT_NE(refused.err.find("--parent"), std::string::npos);
  EXPECT_EQ(RunStrata({"validate", "--single-head", "--offline"}, dir.path()).exit_code, 3);
  CommandResult heads = RunStrata({"heads"}, dir.path());
  EXPECT_EQ(heads.out, "b1\nb2\n");

  CommandResult merge = RunStrata({"--json", "merge", "-m", "join b"}, dir.path());
  ASSERT_EQ(merge.exit_code, 0) << merge.err;
  EXPECT_EQ(json::parse(merge.out)["parents"], json::array({"b1", "b2"}));
  EXPECT_EQ(RunStrata({"validate", "--single-head", "--offline"}, dir.path()).exit_code, 0);
  // The merge is applied and reverted like any migration.
  EXPECT_EQ(RunStrata({"--url", db_->url(), "up"}, dir.path()).exit_code, 0);
  EXPECT_TRUE(db_->HasRelation("b2"));
  CommandResult down = RunStrata({"--url", db_->url(), "--json", "down", "-1"}, dir.path());
  EXPECT_EQ(down.exit_code, 0);
  EXPECT_EQ(json::parse(down.out)["plan"][0]["migration"],
            json::parse(merge.out)["id"].get<std::string>());

  CommandResult dot = RunStrata({"graph", "--format", "dot"}, dir.path());
  EXPECT_NE(dot.out.find("\"b1\" -> \"" + a["id"].get<std::string>() + "\""), std::string::npos);
  CommandResult mermaid = RunStrata({"graph", "--format", "mermaid"}, dir.path());
  EXPECT_NE(mermaid.out.find("graph BT"), std::string::npos);
}

TEST(CliConfig, ConfigFileAndEnvironmentChooseTheDatabase) {
  TempDir dir;
  fs::create_directories(dir / "db" / "migrations");
  fs::copy(kExample, dir / "db" / "migrations", fs::copy_options::recursive);
  WriteFile(dir / "db" / "strata.toml", "url = \"sqlite:from_toml.db\"\ndir = \"migrations\"\n");
  // The config's dir is relative to the file; its url is used when nothing overrides it.
  ASSERT_EQ(RunStrata({"--config", "db/strata.toml", "up"}, dir.path()).exit_code, 0);
  EXPECT_TRUE(SqliteHasTable(dir / "from_toml.db", "customers"));
  CommandResult env = RunStrata({"--config", "db/strata.toml", "--json", "status"}, dir.path(),
                                {{"DATABASE_URL", "sqlite:from_env.db"}});
  EXPECT_EQ(json::parse(env.out)["pending"], 8);
  WriteFile(dir / "bad.toml", "url = \"x\"\nnonsense = 1\n");
  CommandResult bad = RunStrata({"--config", "bad.toml", "status"}, dir.path());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("bad.toml:2"), std::string::npos) << bad.err;
}

TEST_P(CliEngines, HistoryListsEveryEvent) {
  ASSERT_EQ(Strata({"up", kOrders}).exit_code, 0);
  ASSERT_EQ(Strata({"down", "-1"}).exit_code, 0);
  CommandResult history = Strata({"--json", "history"});
  ASSERT_EQ(history.exit_code, 0);
  json rows = json::parse(history.out)["history"];
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[3]["event"], "reverted");
  EXPECT_EQ(rows[3]["migration"], kOrders);
  EXPECT_EQ(rows[3]["prev_hash"], rows[2]["row_hash"]);
}

INSTANTIATE_TEST_SUITE_P(Engines, CliEngines, ::testing::Values(Engine::kSqlite, Engine::kPostgres),
                         [](const auto& info) { return EngineName(info.param); });

}  // namespace
}  // namespace strata::testing
