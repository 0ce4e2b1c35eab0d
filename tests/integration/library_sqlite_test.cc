// The embeddable library (strata/strata.h) on a real SQLite file.
#include <gtest/gtest.h>

#include "integration/test_support.h"
#include "strata/strata.h"

namespace strata::testing {
namespace {

TEST(Library, MigratesReportsEventsAndStructuredErrors) {
  TempDir tmp;
  WriteChain(tmp / "migrations", 4);
  std::vector<Event> events;
  MigratorOptions options;
  options.url = "sqlite:" + (tmp / "lib.db").string();
  options.migrations_dir = (tmp / "migrations").string();
  options.listener = [&](const Event& e) { events.push_back(e); };
  auto migrator = Migrator::Open(options);
  ASSERT_TRUE(migrator.ok()) << migrator.status().ToString();

  auto plan = (*migrator)->Plan(Operation::UpBy(2));
  ASSERT_TRUE(plan.ok());
  ASSERT_EQ(plan->size(), 2u);
  EXPECT_EQ((*plan)[1].migration_id, "m0002_t");

  auto run = (*migrator)->Run(Operation::UpToHeads());
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_EQ(run->completed, 4);
  int finished = 0;
  for (const Event& e : events) {
    if (e.kind == EventKind::kMigrationFinished) {
      EXPECT_EQ(e.step_count, 4);
      EXPECT_EQ(e.step_index, finished);
      ++finished;
    }
  }
  EXPECT_EQ(finished, 4);
  EXPECT_TRUE(SqliteHasTable(tmp / "lib.db", "t4"));

  auto status = (*migrator)->GetStatus();
  ASSERT_TRUE(status.ok());
  EXPECT_EQ(status->pending, 0);
  EXPECT_FALSE(status->dirty.has_value());
  EXPECT_EQ(status->ledger_head.size(), 64u);

  auto down = (*migrator)->Run(Operation::DownTo("m0002_t"));
  ASSERT_TRUE(down.ok());
  EXPECT_EQ(down->completed, 2);
  EXPECT_FALSE(SqliteHasTable(tmp / "lib.db", "t3"));

  auto bad = (*migrator)->Run(Operation::UpTo("nope"));
  EXPECT_EQ(bad.status().code(), Code::kNotFound);

  auto audit = (*migrator)->Audit(status->ledger_head);
  ASSERT_TRUE(audit.ok()) << audit.status().ToString();
  EXPECT_EQ(audit->rows_after_expected_head, 2);
}

TEST(Library, OpenRefusesAnInvalidDirectoryWithEveryProblem) {
  TempDir tmp;
  WriteFile(tmp / "m" / "a.sql", "-- strata:up\n");
  WriteFile(tmp / "m" / "b.sql", "-- strata:bogus\n-- strata:up\nSELECT 1;\n");
  MigratorOptions options;
  options.url = "sqlite:" + (tmp / "x.db").string();
  options.migrations_dir = (tmp / "m").string();
  auto migrator = Migrator::Open(options);
  ASSERT_FALSE(migrator.ok());
  EXPECT_EQ(migrator.status().code(), Code::kInvalidMigrations);
  EXPECT_EQ(migrator.status().problems().size(), 2u);
}

}  // namespace
}  // namespace strata::testing
