// Text the schema tooling decodes or builds: PostgreSQL array output,
// SQLite's stored CREATE INDEX statements, and scratch database URLs.
#include <gtest/gtest.h>

#include "drivers/postgres/pg_inspector.h"
#include "drivers/sqlite/sqlite_inspector.h"
#include "engine/scratch_database.h"

namespace strata::drivers {
namespace {

using Strings = std::vector<std::string>;

TEST(ParsePgArray, PlainQuotedEscapedAndNullElements) {
  EXPECT_EQ(ParsePgArray("{}"), Strings{});
  EXPECT_EQ(ParsePgArray(""), Strings{});
  EXPECT_EQ(ParsePgArray("{a,b}"), (Strings{"a", "b"}));
  EXPECT_EQ(ParsePgArray("{\"Order Id\",\"say \\\"hi\\\"\",\"a,b\",\"back\\\\slash\"}"),
            (Strings{"Order Id", "say \"hi\"", "a,b", "back\\slash"}));
  EXPECT_EQ(ParsePgArray("{NULL,x,\"NULL\"}"), (Strings{"", "x", "NULL"}));
  EXPECT_EQ(ParsePgArray("{\"lower(email) DESC\",\"x}\"}"), (Strings{"lower(email) DESC", "x}"}));
}

TEST(ParseSqliteIndex, KeysAndPredicateAsWritten) {
  IndexText t = ParseSqliteIndex("CREATE INDEX i ON t (a, lower(b) DESC, c COLLATE NOCASE)");
  EXPECT_EQ(t.keys, (Strings{"a", "lower(b) DESC", "c COLLATE NOCASE"}));
  EXPECT_EQ(t.predicate, "");

  t = ParseSqliteIndex(
      "create unique index \"we(ird\" on [t(x)](substr(a, 1, 2), \"b,c\")\n"
      "  where a > 0 and b <> 'wh(ere'");
  EXPECT_EQ(t.keys, (Strings{"substr(a, 1, 2)", "\"b,c\""}));
  EXPECT_EQ(t.predicate, "a > 0 and b <> 'wh(ere'");

  t = ParseSqliteIndex("CREATE INDEX nowhere ON t(a) -- where x\n");
  EXPECT_EQ(t.keys, Strings{"a"});
  EXPECT_EQ(t.predicate, "");
  EXPECT_TRUE(ParseSqliteIndex("").keys.empty());
}

TEST(WithDatabaseName, ReplacesTheDatabaseOfEitherUrlForm) {
  using engine::WithDatabaseName;
  EXPECT_EQ(WithDatabaseName("postgres://u:p@h:5432/app?sslmode=require", "s"),
            "postgres://u:p@h:5432/s?sslmode=require");
  EXPECT_EQ(WithDatabaseName("postgresql://h", "s"), "postgresql://h/s");
  EXPECT_EQ(WithDatabaseName("postgres://h?application_name=x", "s"),
            "postgres://h/s?application_name=x");
  EXPECT_EQ(WithDatabaseName("host=h dbname=app", "s"), "host=h dbname=app dbname=s");
}

}  // namespace
}  // namespace strata::drivers
