// `strata check` on real databases of both engines: each kind of finding is
// produced the way it happens in production (orphans loaded while checks were
// off or added NOT VALID, a failed CREATE INDEX CONCURRENTLY, ids inserted
// past a sequence) and reported with exact counts and sample keys, exit 3;
// a clean database exits 0; quoted names work down to the fix statements;
// strata's own tables are never reported.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "integration/test_database.h"

namespace strata::testing {
namespace {

using nlohmann::json;
using Strings = std::vector<std::string>;

class Check : public WorkspaceTest<::testing::TestWithParam<Engine>> {
 protected:
  void SetUp() override { Open(GetParam()); }
  bool pg() const { return GetParam() == Engine::kPostgres; }
  // The application's schema on each engine: "main" on SQLite.
  std::string Schema() const { return pg() ? "public" : "main"; }

  // `strata --json check` (with `extra` global flags first); the exit code
  // must be `expected_exit`.
  json CheckJson(int expected_exit, std::vector<std::string> extra = {}) {
    extra.insert(extra.end(), {"--json", "check"});
    CommandResult r = Strata(extra);
    EXPECT_EQ(r.exit_code, expected_exit) << r.out << r.err;
    json doc = json::parse(r.out);
    EXPECT_EQ(doc["ok"], true) << r.out;
    return doc;
  }
};

// The finding of `kind` about `object`; fails the test when there is none.
const json& FindingOf(const json& doc, const std::string& kind, const std::string& object) {
  for (const json& f : doc["findings"]) {
    if (f["kind"] == kind && f["object"] == object) return f;
  }
  throw std::runtime_error("no " + kind + " finding for " + object + " in " + doc.dump(2));
}

Strings Samples(const json& finding) { return finding["samples"].get<Strings>(); }

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_P(Check, CleanDatabaseExitsZeroWithNoFindings) {
  db_->Exec(pg() ? "CREATE TABLE customers (id serial PRIMARY KEY);"
                   "CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                   "customer_id int REFERENCES customers);"
                   "INSERT INTO customers DEFAULT VALUES; INSERT INTO customers DEFAULT VALUES;"
                   "INSERT INTO orders (customer_id) VALUES (1), (2), (NULL)"
                 : "CREATE TABLE customers (id INTEGER PRIMARY KEY AUTOINCREMENT);"
                   "CREATE TABLE orders (id INTEGER PRIMARY KEY, "
                   "customer_id INTEGER REFERENCES customers (id));"
                   "INSERT INTO customers DEFAULT VALUES; INSERT INTO customers DEFAULT VALUES;"
                   "INSERT INTO orders (customer_id) VALUES (1), (2), (NULL)");
  json doc = CheckJson(0);
  EXPECT_EQ(doc["dialect"], EngineName(GetParam()));
  EXPECT_EQ(doc["findings"], json::array());
  EXPECT_EQ(doc["summary"], (json{{"orphaned_rows", 0},
                                  {"invalid_index", 0},
                                  {"not_valid_constraint", 0},
                                  {"sequence_behind", 0},
                                  {"quick_check", 0}}));
  EXPECT_EQ(doc["checked"]["foreign_keys"], 1);
  EXPECT_EQ(doc["checked"]["sequences"], pg() ? 2 : 1);

  CommandResult text = Strata({"check"});
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_TRUE(Contains(text.out, "no problems found (1 foreign key and")) << text.out;
}

TEST_P(Check, OrphanedRowsAreCountedWithSampleKeys) {
  // Orphans get in while the key is not enforced: added NOT VALID on
  // PostgreSQL, inserted with foreign_keys off (SQLite's default) on SQLite.
  // Row 3 has a NULL in the composite key and row 4 a NULL customer: MATCH
  // SIMPLE says neither references anything, so neither is an orphan.
  db_->Exec(
      "CREATE TABLE customers (id INTEGER PRIMARY KEY, region INTEGER, code TEXT, "
      "UNIQUE (region, code));"
      "INSERT INTO customers VALUES (1, 1, 'a'), (2, 1, 'b');" +
      std::string(pg() ? "CREATE TABLE orders (id int PRIMARY KEY, customer_id int, region int, "
                         "code text);"
                       : "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER "
                         "REFERENCES customers (id), region INTEGER, code TEXT, FOREIGN KEY "
                         "(region, code) REFERENCES customers (region, code));") +
      "INSERT INTO orders VALUES (1, 1, 1, 'a'), (2, 7, 1, 'zz'), (3, 9, NULL, 'q'), "
      "(4, NULL, 2, 'b'), (5, 7, 1, 'b');");
  std::string customer_fk, region_fk;
  if (pg()) {
    db_->Exec(
        "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) "
        "REFERENCES customers NOT VALID;"
        "ALTER TABLE orders ADD CONSTRAINT orders_region_fk FOREIGN KEY (region, code) "
        "REFERENCES customers (region, code) NOT VALID");
    customer_fk = "public.orders.orders_customer_fk";
    region_fk = "public.orders.orders_region_fk";
  } else {
    customer_fk = "main.orders.\"foreign key (customer_id) references customers\"";
    region_fk = "main.orders.\"foreign key (region, code) references customers\"";
  }
  json doc = CheckJson(3);
  const json& customer = FindingOf(doc, "orphaned_rows", customer_fk);
  EXPECT_EQ(customer["count"], 3);
  EXPECT_EQ(Samples(customer), (Strings{"7", "7", "9"}));
  EXPECT_EQ(customer["table"], Schema() + ".orders");
  const json& region = FindingOf(doc, "orphaned_rows", region_fk);
  EXPECT_EQ(region["count"], 2);
  EXPECT_EQ(Samples(region), (Strings{"(1, zz)", "(2, b)"}));
  EXPECT_EQ(doc["summary"]["orphaned_rows"], 2);

  if (pg()) {
    // A NOT VALID key's own finding says whether VALIDATE would succeed.
    EXPECT_EQ(FindingOf(doc, "not_valid_constraint", customer_fk)["count"], 3);
    EXPECT_EQ(FindingOf(doc, "not_valid_constraint", region_fk)["count"], 2);
  }

  CommandResult text = Strata({"check"});
  EXPECT_EQ(text.exit_code, 3);
  EXPECT_TRUE(Contains(text.out, "orphaned_rows  " + customer_fk)) << text.out;
  EXPECT_TRUE(Contains(text.out, "3 rows of " + Schema() + ".orders have (customer_id)"))
      << text.out;
  EXPECT_TRUE(Contains(text.out, "sample keys: 7; 7; 9")) << text.out;
  EXPECT_TRUE(Contains(text.out, "sample keys: (1, zz); (2, b)")) << text.out;
}

TEST_P(Check, AutoincrementOrSerialBehindItsColumn) {
  if (pg()) {
    // Explicit ids past a serial's and an identity's sequence, as a data
    // import does; and a descending sequence passed the other way.
    db_->Exec(
        "CREATE TABLE tickets (id serial PRIMARY KEY, note text);"
        "INSERT INTO tickets (note) VALUES ('a');"
        "INSERT INTO tickets (id, note) VALUES (5, 'b'), (10, 'c');"
        "CREATE TABLE badges (id int GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY);"
        "INSERT INTO badges (id) VALUES (3);"
        "CREATE SEQUENCE down_seq INCREMENT -1;"
        "CREATE TABLE debts (id int DEFAULT nextval('down_seq'));"
        "ALTER SEQUENCE down_seq OWNED BY debts.id;"
        "INSERT INTO debts VALUES (-5);"
        "CREATE TABLE fine (id serial); INSERT INTO fine DEFAULT VALUES;"
        "CREATE TABLE empty (id serial)");
  } else {
    db_->Exec(
        "CREATE TABLE tickets (id INTEGER PRIMARY KEY AUTOINCREMENT, note TEXT);"
        "INSERT INTO tickets (note) VALUES ('a'), ('b'), ('c');"
        "UPDATE sqlite_sequence SET seq = 1 WHERE name = 'tickets';"
        "CREATE TABLE fine (id INTEGER PRIMARY KEY AUTOINCREMENT); INSERT INTO fine DEFAULT "
        "VALUES");
  }
  json doc = CheckJson(3);
  if (pg()) {
    const json& tickets = FindingOf(doc, "sequence_behind", "public.tickets_id_seq");
    EXPECT_EQ(tickets["table"], "public.tickets");
    EXPECT_EQ(tickets["count"], 9);  // next value 2, max(id) 10: 2..10
    EXPECT_EQ(tickets["hint"],
              "SELECT setval('public.tickets_id_seq', (SELECT max(id) FROM public.tickets))");
    EXPECT_EQ(FindingOf(doc, "sequence_behind", "public.badges_id_seq")["count"], 3);
    EXPECT_EQ(FindingOf(doc, "sequence_behind", "public.down_seq")["count"], 5);
    EXPECT_EQ(doc["summary"]["sequence_behind"], 3);
    EXPECT_EQ(doc["checked"]["sequences"], 5);
  } else {
    const json& tickets = FindingOf(doc, "sequence_behind", "main.sqlite_sequence.tickets");
    EXPECT_EQ(tickets["count"], 2);  // seq 1, max(rowid) 3
    EXPECT_EQ(doc["summary"]["sequence_behind"], 1);
    EXPECT_EQ(doc["checked"]["sequences"], 2);
  }
  CommandResult text = Strata({"check"});
  EXPECT_EQ(text.exit_code, 3);
  EXPECT_TRUE(Contains(text.out, "sequence_behind  ")) << text.out;
  EXPECT_TRUE(Contains(text.out, pg() ? "next value 2, but max(id) in public.tickets is 10"
                                      : "AUTOINCREMENT counter 1 is below max(rowid) 3"))
      << text.out;

  // Running each fix the report suggests makes the database clean.
  for (const json& f : doc["findings"]) db_->Exec(f["hint"].get<std::string>());
  CheckJson(0);
}

TEST_P(Check, NamesThatNeedQuotesWorkDownToTheFixes) {
  if (pg()) {
    db_->Exec(
        "CREATE SCHEMA \"Sales Dept\";"
        "CREATE TABLE \"Sales Dept\".\"Customers\" (\"Id\" int PRIMARY KEY);"
        "CREATE TABLE \"Sales Dept\".\"Order Items\" (\"Line No\" serial PRIMARY KEY, "
        "\"Customer Id\" int);"
        "INSERT INTO \"Sales Dept\".\"Order Items\" VALUES (50, 4);"
        "ALTER TABLE \"Sales Dept\".\"Order Items\" ADD CONSTRAINT \"Order \"\"Items\"\" fk\" "
        "FOREIGN KEY (\"Customer Id\") REFERENCES \"Sales Dept\".\"Customers\" NOT VALID");
  } else {
    db_->Exec(
        "CREATE TABLE \"Customers\" (\"Id\" INTEGER PRIMARY KEY);"
        "CREATE TABLE \"Order Items\" (\"Line No\" INTEGER PRIMARY KEY AUTOINCREMENT, "
        "\"Customer Id\" INTEGER REFERENCES \"Customers\" (\"Id\"));"
        "INSERT INTO \"Order Items\" VALUES (50, 4);"
        "UPDATE sqlite_sequence SET seq = 7 WHERE name = 'Order Items'");
  }
  const std::string table =
      Schema() == "public" ? "\"Sales Dept\".\"Order Items\"" : "main.\"Order Items\"";
  const std::string fk = pg() ? table + ".\"Order \"\"Items\"\" fk\""
                              : table + ".\"foreign key (Customer Id) references Customers\"";
  const std::string sequence =
      pg() ? "\"Sales Dept\".\"Order Items_Line No_seq\"" : "main.sqlite_sequence.\"Order Items\"";
  json doc = CheckJson(3);
  const json& orphans = FindingOf(doc, "orphaned_rows", fk);
  EXPECT_EQ(orphans["count"], 1);
  EXPECT_EQ(Samples(orphans), Strings{"4"});
  EXPECT_EQ(orphans["table"], table);
  EXPECT_EQ(FindingOf(doc, "sequence_behind", sequence)["count"], pg() ? 50 : 43);
  CommandResult text = Strata({"check"});
  EXPECT_TRUE(Contains(text.out, "orphaned_rows  " + fk)) << text.out;
  EXPECT_TRUE(Contains(text.out, "sequence_behind  " + sequence)) << text.out;

  // The fix statements quote the names: add the missing parent, then run
  // every hint that is a statement (VALIDATE, setval, the sqlite_sequence update).
  db_->Exec(pg() ? "INSERT INTO \"Sales Dept\".\"Customers\" VALUES (4)"
                 : "INSERT INTO \"Customers\" VALUES (4)");
  for (const json& f : doc["findings"]) {
    const std::string hint = f["hint"].get<std::string>();
    for (const char* statement : {"ALTER ", "SELECT setval", "UPDATE sqlite_sequence"}) {
      if (size_t at = hint.find(statement); at != std::string::npos) db_->Exec(hint.substr(at));
    }
  }
  CheckJson(0);
}

TEST_P(Check, StrataOwnTablesAreNeverReported) {
  Write("m1.sql",
        "-- strata:up\nCREATE TABLE app (id int PRIMARY KEY);\n-- strata:down\nDROP TABLE app;\n");
  if (pg()) {
    // The ledger and its lease table in their own schema, each given
    // everything check reports: a failing NOT VALID check, an INVALID index.
    std::vector<std::string> flags = {"--schema", "strata_meta", "--lock-mode", "lease"};
    std::vector<std::string> up = flags;
    up.push_back("up");
    ASSERT_EQ(Strata(up).exit_code, 0);
    db_->Exec(
        "INSERT INTO strata_meta.strata_ledger_lease VALUES ('x', 'me', 1, now()) "
        "ON CONFLICT DO NOTHING;"
        "ALTER TABLE strata_meta.strata_ledger ADD CONSTRAINT never CHECK (false) NOT VALID;"
        "ALTER TABLE strata_meta.strata_ledger_lease ADD CONSTRAINT never CHECK (false) NOT VALID");
    // Index builds that fail on the rows there leave INVALID indexes.
    EXPECT_THROW(db_->Exec("CREATE INDEX CONCURRENTLY ON strata_meta.strata_ledger ((seq / 0))"),
                 std::runtime_error);
    EXPECT_THROW(db_->Exec("CREATE INDEX CONCURRENTLY ON strata_meta.strata_ledger_lease "
                           "((length(name) / 0))"),
                 std::runtime_error);
    EXPECT_EQ(CheckJson(0, flags)["findings"], json::array());
    // The same tables under the default scope are the application's.
    json doc = CheckJson(3);
    EXPECT_EQ(doc["summary"]["invalid_index"], 2);
    EXPECT_EQ(doc["summary"]["not_valid_constraint"], 2);
  } else {
    ASSERT_EQ(Strata({"up"}).exit_code, 0);
    // SQLite's ledger has no key or counter to break: give a table the
    // check would report the ledger's name instead.
    db_->Exec(
        "CREATE TABLE audit_log (id INTEGER PRIMARY KEY AUTOINCREMENT, app_id INTEGER "
        "REFERENCES app (id));"
        "INSERT INTO audit_log VALUES (5, 99); UPDATE sqlite_sequence SET seq = 1");
    EXPECT_EQ(CheckJson(0, {"--ledger-table", "audit_log"})["findings"], json::array());
    json doc = CheckJson(3);
    EXPECT_EQ(doc["summary"]["orphaned_rows"], 1);
    EXPECT_EQ(doc["summary"]["sequence_behind"], 1);
  }
}

TEST_P(Check, MissingDatabaseIsAnErrorNotACleanReport) {
  std::string missing =
      pg() ? "postgres://nobody@127.0.0.1:1/nothing" : "sqlite:" + (tmp_ / "no.db").string();
  CommandResult r = RunStrata({"--url", missing, "--json", "check"});
  EXPECT_EQ(r.exit_code, pg() ? 1 : 2) << r.out;
  EXPECT_EQ(json::parse(r.out)["ok"], false);
  EXPECT_FALSE(std::filesystem::exists(tmp_ / "no.db"));
}

INSTANTIATE_TEST_SUITE_P(Engines, Check, ::testing::Values(Engine::kSqlite, Engine::kPostgres),
                         [](const auto& info) { return EngineName(info.param); });

// What only one engine has.
class CheckEngine : public WorkspaceTest<::testing::Test> {};

TEST_F(CheckEngine, PostgresMatchFullAndKeysEnforcedButBypassed) {
  Open(Engine::kPostgres);
  db_->Exec(
      "CREATE TABLE customers (id int PRIMARY KEY, region int, code text, UNIQUE (region, code));"
      "INSERT INTO customers VALUES (1, 1, 'a');"
      "CREATE TABLE shipments (id int PRIMARY KEY, region int, code text);"
      "INSERT INTO shipments VALUES (1, 1, 'a'), (2, NULL, NULL), (3, 1, NULL), (4, 3, 'x');"
      "ALTER TABLE shipments ADD CONSTRAINT shipments_region_fk FOREIGN KEY (region, code) "
      "REFERENCES customers (region, code) MATCH FULL NOT VALID;"
      // Validated keys are scanned too: replication (or disabled triggers)
      // bypasses them. A partitioned table is scanned once, through its
      // partitions, not once more per partition's clone of the key.
      "CREATE TABLE payments (id int, customer_id int REFERENCES customers, at date) "
      "PARTITION BY RANGE (at);"
      "CREATE TABLE payments_2024 PARTITION OF payments FOR VALUES FROM ('2024-01-01') TO "
      "('2025-01-01');"
      "SET session_replication_role = replica;"
      "INSERT INTO payments VALUES (1, 1, '2024-02-01'), (2, 42, '2024-03-01')");
  CommandResult r = Strata({"--json", "check"});
  ASSERT_EQ(r.exit_code, 3) << r.out << r.err;
  json doc = json::parse(r.out);
  // MATCH FULL: all NULL is fine, partly NULL is an orphan.
  const json& full = FindingOf(doc, "orphaned_rows", "public.shipments.shipments_region_fk");
  EXPECT_EQ(full["count"], 2);
  EXPECT_EQ(Samples(full), (Strings{"(1, NULL)", "(3, x)"}));
  const json& payments =
      FindingOf(doc, "orphaned_rows", "public.payments.payments_customer_id_fkey");
  EXPECT_EQ(payments["count"], 1);
  EXPECT_EQ(Samples(payments), Strings{"42"});
  EXPECT_EQ(doc["summary"]["orphaned_rows"], 2);
  EXPECT_EQ(doc["checked"]["foreign_keys"], 2);
}

TEST_F(CheckEngine, PostgresInvalidIndexAndNotValidCheck) {
  Open(Engine::kPostgres);
  db_->Exec(
      "CREATE TABLE dup (x int, qty int); INSERT INTO dup VALUES (1, 5), (1, -1), (2, -3);"
      "ALTER TABLE dup ADD CONSTRAINT qty_positive CHECK (qty > 0) NOT VALID;"
      "ALTER TABLE dup ADD CONSTRAINT x_small CHECK (x < 10) NOT VALID;"
      // An expression that fails on a row: VALIDATE would fail the same way,
      // and the rest of the report still comes.
      "ALTER TABLE dup ADD CONSTRAINT ratio CHECK (100 / (x - 1) > 0) NOT VALID;"
      "CREATE DOMAIN code AS text; ALTER DOMAIN code ADD CONSTRAINT short CHECK "
      "(length(VALUE) < 4) NOT VALID");
  // A failed CREATE INDEX CONCURRENTLY leaves an INVALID index behind.
  EXPECT_THROW(db_->Exec("CREATE UNIQUE INDEX CONCURRENTLY dup_x ON dup (x)"), std::runtime_error);
  CommandResult r = Strata({"--json", "check"});
  ASSERT_EQ(r.exit_code, 3) << r.out << r.err;
  json doc = json::parse(r.out);
  const json& index = FindingOf(doc, "invalid_index", "public.dup_x");
  EXPECT_EQ(index["table"], "public.dup");
  EXPECT_EQ(index["count"], nullptr);
  EXPECT_TRUE(Contains(index["hint"], "REINDEX INDEX CONCURRENTLY public.dup_x")) << index;
  EXPECT_TRUE(Contains(index["detail"], "CREATE UNIQUE INDEX dup_x ON public.dup")) << index;

  const json& qty = FindingOf(doc, "not_valid_constraint", "public.dup.qty_positive");
  EXPECT_EQ(qty["count"], 2);  // VALIDATE would fail on two rows
  EXPECT_EQ(qty["hint"],
            "fix those rows, then ALTER TABLE public.dup VALIDATE CONSTRAINT qty_positive");
  const json& small = FindingOf(doc, "not_valid_constraint", "public.dup.x_small");
  EXPECT_EQ(small["count"], 0);
  EXPECT_EQ(small["hint"], "ALTER TABLE public.dup VALIDATE CONSTRAINT x_small");
  const json& ratio = FindingOf(doc, "not_valid_constraint", "public.dup.ratio");
  EXPECT_EQ(ratio["count"], nullptr);
  EXPECT_TRUE(Contains(ratio["detail"], "VALIDATE would fail: division by zero")) << ratio;
  const json& domain = FindingOf(doc, "not_valid_constraint", "public.code.short");
  EXPECT_EQ(domain["table"], nullptr);
  EXPECT_EQ(domain["hint"], "ALTER DOMAIN public.code VALIDATE CONSTRAINT short");
  EXPECT_EQ(doc["summary"], (json{{"orphaned_rows", 0},
                                  {"invalid_index", 1},
                                  {"not_valid_constraint", 4},
                                  {"sequence_behind", 0},
                                  {"quick_check", 0}}));

  CommandResult text = Strata({"check"});
  EXPECT_EQ(text.exit_code, 3);
  for (const char* part :
       {"invalid_index  public.dup_x", "not_valid_constraint  public.dup.qty_positive",
        "VALIDATE would fail, 2 rows violate it", "VALIDATE would succeed",
        "not_valid_constraint  public.code.short",
        "5 findings: 1 invalid_index, 4 not_valid_constraint"}) {
    EXPECT_TRUE(Contains(text.out, part)) << part << "\n" << text.out;
  }
}

TEST_F(CheckEngine, SqliteQuickCheckFailuresAreTheirOwnKind) {
  Open(Engine::kSqlite);
  // Rows that break a CHECK constraint, written with checks ignored.
  db_->Exec(
      "CREATE TABLE stock (id INTEGER PRIMARY KEY, qty INTEGER CHECK (qty >= 0));"
      "PRAGMA ignore_check_constraints = ON; INSERT INTO stock VALUES (1, -4), (2, 3)");
  CommandResult r = Strata({"--json", "check"});
  ASSERT_EQ(r.exit_code, 3) << r.out << r.err;
  json doc = json::parse(r.out);
  const json& quick = FindingOf(doc, "quick_check", "main");
  EXPECT_EQ(quick["count"], 1);
  EXPECT_EQ(Samples(quick), Strings{"CHECK constraint failed in stock"});
  EXPECT_EQ(doc["summary"]["quick_check"], 1);
  CommandResult text = Strata({"check"});
  EXPECT_TRUE(Contains(text.out, "quick_check  main")) << text.out;
  EXPECT_TRUE(Contains(text.out, "messages: CHECK constraint failed in stock")) << text.out;
}

}  // namespace
}  // namespace strata::testing
