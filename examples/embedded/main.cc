// shop: migrates its database to the newest schema at start-up, then serves
// one query. Usage: shop DATABASE_URL MIGRATIONS_DIR
#include <strata/strata.h>
#include <cstdio>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s DATABASE_URL MIGRATIONS_DIR\n", argv[0]);
    return 2;
  }
  strata::MigratorOptions options;
  options.url = argv[1];
  options.migrations_dir = argv[2];
  options.actor = "shop-startup";
  // Route migration progress into the program's own log.
  options.listener = [](const strata::Event& e) {
    if (e.kind == strata::EventKind::kMigrationFinished) {
      std::fprintf(stderr, "[shop] migrated %s in %lld ms\n", e.migration_id.c_str(),
                   static_cast<long long>(e.duration_ms));
    }
  };
  auto migrator = strata::Migrator::Open(options);
  if (!migrator.ok()) {
    std::fprintf(stderr, "[shop] cannot start: %s\n", migrator.status().ToString().c_str());
    return 1;
  }
  auto run = (*migrator)->Run(strata::Operation::UpToHeads());
  if (!run.ok()) {
    std::fprintf(stderr, "[shop] migration failed: %s\n", run.status().ToString().c_str());
    return 1;
  }
  std::fprintf(stderr, "[shop] schema up to date (%d migration(s) applied now)\n", run->completed);

  // The application's own work: list the catalogue.
  auto db = strata::OpenDriver(options.url, {});
  if (!db.ok()) return 1;
  auto rows = (*db)->Query("SELECT sku, title, price_cents FROM products ORDER BY sku");
  if (!rows.ok()) {
    std::fprintf(stderr, "[shop] query failed: %s\n", rows.status().ToString().c_str());
    return 1;
  }
  for (const strata::Row& row : *rows) {
    std::printf("%s\t%s\t%s\n", row[0]->c_str(), row[1]->c_str(), row[2]->c_str());
  }
  return 0;
}
