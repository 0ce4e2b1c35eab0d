// Unit tests for statement splitting (SQLite and PostgreSQL) and the SQL
// quoting helpers.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "drivers/sqlite/sqlite_driver.h"
#include "sql/pg_splitter.h"
#include "sql/statement_text.h"
#include "strata/driver.h"
#include "strata/status.h"

namespace strata {
namespace {

std::vector<std::string> Texts(const std::vector<Statement>& statements) {
  std::vector<std::string> out;
  for (const Statement& st : statements) out.push_back(st.text);
  return out;
}

std::vector<Statement> SplitSqliteOk(std::string_view script) {
  auto split = drivers::SplitSqlite(script);
  EXPECT_TRUE(split.ok()) << split.status().ToString();
  return split.ok() ? split.value() : std::vector<Statement>{};
}

std::vector<Statement> SplitPostgresOk(std::string_view script) {
  auto split = sql::SplitPostgres(script);
  EXPECT_TRUE(split.ok()) << split.status().ToString();
  return split.ok() ? split.value() : std::vector<Statement>{};
}

// ---------------------------------------------------------------------------
// SplitSqlite

TEST(SplitSqliteTest, TwoStatementsWithLineAndColumn) {
  std::vector<Statement> st =
      SplitSqliteOk("CREATE TABLE a (x INT);\n  INSERT INTO a VALUES (1);\n");
  ASSERT_EQ(st.size(), 2u);
  EXPECT_EQ(st[0].text, "CREATE TABLE a (x INT)");
  EXPECT_EQ(st[0].line, 1);
  EXPECT_EQ(st[0].column, 1);
  EXPECT_EQ(st[1].text, "INSERT INTO a VALUES (1)");
  EXPECT_EQ(st[1].line, 2);
  EXPECT_EQ(st[1].column, 3);
}

TEST(SplitSqliteTest, TwoStatementsOnOneLine) {
  std::vector<Statement> st = SplitSqliteOk("SELECT 1; SELECT 2;");
  ASSERT_EQ(st.size(), 2u);
  EXPECT_EQ(Texts(st), (std::vector<std::string>{"SELECT 1", "SELECT 2"}));
  EXPECT_EQ(st[1].line, 1);
  EXPECT_EQ(st[1].column, 11);
}

TEST(SplitSqliteTest, TrailingSemicolonAndBlanksAreStripped) {
  std::vector<Statement> st = SplitSqliteOk("SELECT 1   ;   \n\n");
  ASSERT_EQ(st.size(), 1u);
  EXPECT_EQ(st[0].text, "SELECT 1");
}

TEST(SplitSqliteTest, MultiLineStatementKeepsItsInnerText) {
  std::vector<Statement> st = SplitSqliteOk("CREATE TABLE a (\n  x INT,\n  y TEXT\n);\n");
  ASSERT_EQ(st.size(), 1u);
  EXPECT_EQ(st[0].text, "CREATE TABLE a (\n  x INT,\n  y TEXT\n)");
}

TEST(SplitSqliteTest, SemicolonInsideAString) {
  std::vector<Statement> st =
      SplitSqliteOk("INSERT INTO a VALUES ('x;y', 'it''s; fine');\nSELECT 2;");
  ASSERT_EQ(st.size(), 2u);
  EXPECT_EQ(st[0].text, "INSERT INTO a VALUES ('x;y', 'it''s; fine')");
  EXPECT_EQ(st[1].text, "SELECT 2");
  EXPECT_EQ(st[1].line, 2);
}

TEST(SplitSqliteTest, SemicolonInsideQuotedIdentifiers) {
  std::vector<Statement> st =
      SplitSqliteOk("CREATE TABLE \"a;b\" (\"c;d\" INT, [e;f] INT, `g;h` INT);\nSELECT 2;");
  ASSERT_EQ(st.size(), 2u);
  EXPECT_EQ(st[0].text, "CREATE TABLE \"a;b\" (\"c;d\" INT, [e;f] INT, `g;h` INT)");
  EXPECT_EQ(st[1].text, "SELECT 2");
}

TEST(SplitSqliteTest, SemicolonInsideComments) {
  std::vector<Statement> st = SplitSqliteOk(
      "SELECT 1 /* a; b */ + 2;\n"
      "-- c; d\n"
      "SELECT 3; -- e; f\n"
      "SELECT 4;");
  ASSERT_EQ(Texts(st),
            (std::vector<std::string>{"SELECT 1 /* a; b */ + 2", "SELECT 3", "SELECT 4"}));
  EXPECT_EQ(st[1].line, 3);
  EXPECT_EQ(st[1].column, 1);
  EXPECT_EQ(st[2].line, 4);
  EXPECT_EQ(st[2].column, 1);
}

TEST(SplitSqliteTest, LeadingCommentsAreSkippedForThePosition) {
  std::vector<Statement> st = SplitSqliteOk("-- header\n/* block\n comment */\n\n    SELECT 1;");
  ASSERT_EQ(st.size(), 1u);
  EXPECT_EQ(st[0].text, "SELECT 1");
  EXPECT_EQ(st[0].line, 5);
  EXPECT_EQ(st[0].column, 5);
}

TEST(SplitSqliteTest, TriggerBodyStaysOneStatement) {
  std::vector<Statement> st = SplitSqliteOk(
      "CREATE TRIGGER tr AFTER INSERT ON a\n"
      "BEGIN\n"
      "  INSERT INTO log VALUES (new.x);\n"
      "  UPDATE counters SET n = n + 1;\n"
      "END;\n"
      "SELECT 2;\n");
  ASSERT_EQ(st.size(), 2u);
  EXPECT_EQ(st[0].text,
            "CREATE TRIGGER tr AFTER INSERT ON a\n"
            "BEGIN\n"
            "  INSERT INTO log VALUES (new.x);\n"
            "  UPDATE counters SET n = n + 1;\n"
            "END");
  EXPECT_EQ(st[0].line, 1);
  EXPECT_EQ(st[1].text, "SELECT 2");
  EXPECT_EQ(st[1].line, 6);
}

TEST(SplitSqliteTest, TrailingStatementWithoutSemicolon) {
  std::vector<Statement> st = SplitSqliteOk("SELECT 1;\nSELECT 2");
  ASSERT_EQ(st.size(), 2u);
  EXPECT_EQ(st[1].text, "SELECT 2");
  EXPECT_EQ(st[1].line, 2);
}

TEST(SplitSqliteTest, TrailingStatementEndingInALineComment) {
  std::vector<Statement> st = SplitSqliteOk("SELECT 1;\nSELECT 2 -- the end");
  ASSERT_EQ(st.size(), 2u);
  EXPECT_EQ(st[1].text, "SELECT 2 -- the end");
}

TEST(SplitSqliteTest, CommentOnlyInputGivesNoStatements) {
  EXPECT_TRUE(SplitSqliteOk("").empty());
  EXPECT_TRUE(SplitSqliteOk("   \n\t\n").empty());
  EXPECT_TRUE(SplitSqliteOk("-- nothing here\n/* nor; here */\n-- x; y\n").empty());
}

TEST(SplitSqliteTest, EmptyStatementsAreDropped) {
  std::vector<Statement> st = SplitSqliteOk(";;SELECT 1;;\n;");
  EXPECT_EQ(Texts(st), (std::vector<std::string>{"SELECT 1"}));
}

TEST(SplitSqliteTest, UnterminatedStringIsAnError) {
  auto split = drivers::SplitSqlite("SELECT 1;\n\nINSERT INTO a VALUES ('oops;\n);\n");
  ASSERT_FALSE(split.ok());
  EXPECT_EQ(split.status().code(), Code::kInvalidMigrations);
  EXPECT_EQ(split.status().context().line, 3);
  EXPECT_EQ(split.status().context().column, 1);
  EXPECT_EQ(split.status().context().statement, "INSERT INTO a VALUES ('oops;");
}

TEST(SplitSqliteTest, UnterminatedTriggerBodyIsAnError) {
  auto split = drivers::SplitSqlite(
      "SELECT 1;\nCREATE TRIGGER tr AFTER INSERT ON a BEGIN\n  DELETE FROM b;\n");
  ASSERT_FALSE(split.ok());
  EXPECT_EQ(split.status().code(), Code::kInvalidMigrations);
  EXPECT_EQ(split.status().context().line, 2);
}

// SQLite block comments do not nest: "/* db/*.sql */" is one whole comment and
// the statement after it must be kept. sqlite3_complete() agrees, but
// sql::MakeStatement skips comments with PostgreSQL's nesting rule, so it
// reads "/*" inside the comment as opening a second level and swallows the
// rest of the statement.
TEST(SplitSqliteTest, BlockCommentsDoNotNest) {
  std::vector<Statement> st =
      SplitSqliteOk("/* tables for db/*.sql */\nCREATE TABLE t (x INT);\nSELECT 2;\n");
  EXPECT_EQ(Texts(st), (std::vector<std::string>{"CREATE TABLE t (x INT)", "SELECT 2"}));
  if (!st.empty()) {
    EXPECT_EQ(st[0].line, 2);
  }
}

TEST(SplitSqliteTest, BlockCommentWithSlashStarBeforeTheLastStatement) {
  std::vector<Statement> st = SplitSqliteOk("SELECT 1;\n/* see a/*.sql */ CREATE TABLE t (x INT)");
  EXPECT_EQ(Texts(st), (std::vector<std::string>{"SELECT 1", "CREATE TABLE t (x INT)"}));
}

// An unclosed block comment after the last statement hides the rest of the
// file. The driver contract and SplitSqlite's own message ("an open quote,
// comment or trigger body") say this is an error, as it already is when the
// comment follows a token ("SELECT 1 /* open") and as SplitPostgres reports it.
TEST(SplitSqliteTest, UnterminatedCommentAfterLastStatementIsAnError) {
  auto split = drivers::SplitSqlite("SELECT 1;\n/* forgot to close\nDROP TABLE x;\n");
  ASSERT_FALSE(split.ok()) << "the DROP TABLE hidden in the open comment was silently dropped; "
                           << (split.ok() ? split->size() : 0) << " statement(s)";
  EXPECT_EQ(split.status().code(), Code::kInvalidMigrations);
  EXPECT_EQ(split.status().context().line, 2);
}

TEST(SplitSqliteTest, UnterminatedCommentAfterATokenIsAnError) {
  auto split = drivers::SplitSqlite("SELECT 1;\nSELECT 2 /* open\n");
  ASSERT_FALSE(split.ok());
  EXPECT_EQ(split.status().code(), Code::kInvalidMigrations);
  EXPECT_EQ(split.status().context().line, 2);
}

// ---------------------------------------------------------------------------
// SplitPostgres

TEST(SplitPostgresTest, TwoStatementsWithLineAndColumn) {
  std::vector<Statement> st =
      SplitPostgresOk("CREATE TABLE a (x int);\n  INSERT INTO a VALUES (1);\n");
  ASSERT_EQ(st.size(), 2u);
  EXPECT_EQ(st[0].text, "CREATE TABLE a (x int)");
  EXPECT_EQ(st[0].line, 1);
  EXPECT_EQ(st[0].column, 1);
  EXPECT_EQ(st[1].text, "INSERT INTO a VALUES (1)");
  EXPECT_EQ(st[1].line, 2);
  EXPECT_EQ(st[1].column, 3);
}

TEST(SplitPostgresTest, DollarQuotedFunctionBody) {
  const std::string fn =
      "CREATE FUNCTION f() RETURNS int AS $$\n"
      "BEGIN\n"
      "  PERFORM 1;\n"
      "  RETURN 2;\n"
      "END;\n"
      "$$ LANGUAGE plpgsql";
  std::vector<Statement> st = SplitPostgresOk(fn + ";\nSELECT f();\n");
  ASSERT_EQ(st.size(), 2u);
  EXPECT_EQ(st[0].text, fn);
  EXPECT_EQ(st[1].text, "SELECT f()");
  EXPECT_EQ(st[1].line, 7);
}

TEST(SplitPostgresTest, TaggedDollarQuoteContainingPlainDollars) {
  const std::string fn =
      "CREATE FUNCTION g() RETURNS text AS $body$\n"
      "  SELECT '$$;'::text; SELECT 'x';\n"
      "$body$ LANGUAGE sql";
  std::vector<Statement> st = SplitPostgresOk("SELECT 0;\n" + fn + ";\nSELECT 3;");
  ASSERT_EQ(st.size(), 3u);
  EXPECT_EQ(st[1].text, fn);
  EXPECT_EQ(st[1].line, 2);
  EXPECT_EQ(st[2].text, "SELECT 3");
  EXPECT_EQ(st[2].line, 5);
}

TEST(SplitPostgresTest, DoBlock) {
  const std::string block =
      "DO $$\n"
      "BEGIN\n"
      "  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app') THEN\n"
      "    CREATE ROLE app;\n"
      "  END IF;\n"
      "END\n"
      "$$";
  std::vector<Statement> st = SplitPostgresOk(block + ";\nSELECT 1;\n");
  ASSERT_EQ(st.size(), 2u);
  EXPECT_EQ(st[0].text, block);
  EXPECT_EQ(st[1].text, "SELECT 1");
}

TEST(SplitPostgresTest, EscapeStringWithBackslashQuote) {
  std::vector<Statement> st = SplitPostgresOk("SELECT E'it\\'s;';\nSELECT 'a;''b';\nSELECT 3;");
  ASSERT_EQ(st.size(), 3u);
  EXPECT_EQ(st[0].text, "SELECT E'it\\'s;'");
  EXPECT_EQ(st[1].text, "SELECT 'a;''b'");
  EXPECT_EQ(st[2].text, "SELECT 3");
  EXPECT_EQ(st[2].line, 3);
}

TEST(SplitPostgresTest, QuotedIdentifierWithSemicolon) {
  std::vector<Statement> st = SplitPostgresOk("CREATE TABLE \"a;b\" (x int);\nSELECT 2;");
  ASSERT_EQ(Texts(st), (std::vector<std::string>{"CREATE TABLE \"a;b\" (x int)", "SELECT 2"}));
}

TEST(SplitPostgresTest, NestedBlockComments) {
  std::vector<Statement> st = SplitPostgresOk(
      "/* outer /* inner; */ still a comment; */\n"
      "SELECT 1;\n"
      "SELECT /* a /* b; */ c; */ 2;\n");
  ASSERT_EQ(st.size(), 2u);
  EXPECT_EQ(st[0].text, "SELECT 1");
  EXPECT_EQ(st[0].line, 2);
  EXPECT_EQ(st[0].column, 1);
  EXPECT_EQ(st[1].text, "SELECT /* a /* b; */ c; */ 2");
  EXPECT_EQ(st[1].line, 3);
}

TEST(SplitPostgresTest, LineNumbersAfterLeadingComments) {
  std::vector<Statement> st = SplitPostgresOk(
      "-- migration header\n"
      "-- with; a semicolon\n"
      "\n"
      "/* block */  CREATE TABLE a (x int);\n"
      "\n"
      "-- between\n"
      "    CREATE INDEX i ON a (x);\n");
  ASSERT_EQ(st.size(), 2u);
  EXPECT_EQ(st[0].text, "CREATE TABLE a (x int)");
  EXPECT_EQ(st[0].line, 4);
  EXPECT_EQ(st[0].column, 14);
  EXPECT_EQ(st[1].text, "CREATE INDEX i ON a (x)");
  EXPECT_EQ(st[1].line, 7);
  EXPECT_EQ(st[1].column, 5);
}

TEST(SplitPostgresTest, TrailingStatementWithoutSemicolon) {
  std::vector<Statement> st = SplitPostgresOk("SELECT 1;\nSELECT 2");
  EXPECT_EQ(Texts(st), (std::vector<std::string>{"SELECT 1", "SELECT 2"}));
}

TEST(SplitPostgresTest, CommentOnlyInputGivesNoStatements) {
  EXPECT_TRUE(SplitPostgresOk("").empty());
  EXPECT_TRUE(SplitPostgresOk("-- nothing; here\n/* nor /* here; */ */\n").empty());
}

TEST(SplitPostgresTest, UnterminatedStringIsAnError) {
  auto split = sql::SplitPostgres("SELECT 1;\nSELECT 'open;\n");
  ASSERT_FALSE(split.ok());
  EXPECT_EQ(split.status().code(), Code::kInvalidMigrations);
  EXPECT_EQ(split.status().context().line, 2);
}

// libpg_query's scanner split emits a statement only when it holds a keyword
// and ends with a `;` (or the end) outside parentheses; anything else was
// skipped without a word, so `strata up` recorded a migration as applied
// without sending it and a verify part with a typo checked nothing. Such text
// must reach PostgreSQL, which then reports the syntax error at its position.

TEST(SplitPostgresTest, UnknownFirstWordAloneIsKept) {
  std::vector<Statement> st = SplitPostgresOk("SELEC 1;");
  ASSERT_EQ(Texts(st), (std::vector<std::string>{"SELEC 1"}));
  EXPECT_EQ(st[0].line, 1);
  EXPECT_EQ(st[0].column, 1);
}

TEST(SplitPostgresTest, UnknownFirstWordBetweenStatementsIsKept) {
  std::vector<Statement> st =
      SplitPostgresOk("CREATE TABLE a (x int); SELEC 1; CREATE TABLE b (y int);");
  ASSERT_EQ(Texts(st), (std::vector<std::string>{"CREATE TABLE a (x int)", "SELEC 1",
                                                 "CREATE TABLE b (y int)"}));
  EXPECT_EQ(st[0].column, 1);
  EXPECT_EQ(st[1].line, 1);
  EXPECT_EQ(st[1].column, 25);
  EXPECT_EQ(st[2].line, 1);
  EXPECT_EQ(st[2].column, 34);
}

TEST(SplitPostgresTest, UnknownFirstWordOnItsOwnLinesKeepsEveryPosition) {
  std::vector<Statement> st = SplitPostgresOk(
      "-- header; with a semicolon\n"
      "CREATE TABLE a (x int);\n"
      "\n"
      "  /* typo */ INSRT 1, 2;\n"
      "    CREATE TABLE b (y int);\n");
  ASSERT_EQ(Texts(st), (std::vector<std::string>{"CREATE TABLE a (x int)", "INSRT 1, 2",
                                                 "CREATE TABLE b (y int)"}));
  EXPECT_EQ(st[0].line, 2);
  EXPECT_EQ(st[0].column, 1);
  EXPECT_EQ(st[1].line, 4);
  EXPECT_EQ(st[1].column, 14);
  EXPECT_EQ(st[2].line, 5);
  EXPECT_EQ(st[2].column, 5);
}

TEST(SplitPostgresTest, UnknownFirstWordFirstInTheScript) {
  std::vector<Statement> st = SplitPostgresOk("SELEC 1;\nSELECT 2;\n");
  ASSERT_EQ(Texts(st), (std::vector<std::string>{"SELEC 1", "SELECT 2"}));
  EXPECT_EQ(st[0].line, 1);
  EXPECT_EQ(st[0].column, 1);
  EXPECT_EQ(st[1].line, 2);
  EXPECT_EQ(st[1].column, 1);
}

TEST(SplitPostgresTest, UnknownFirstWordLastWithoutSemicolon) {
  std::vector<Statement> st = SplitPostgresOk("SELECT 1;\n  SELEC 2 -- the end\n");
  ASSERT_EQ(Texts(st), (std::vector<std::string>{"SELECT 1", "SELEC 2 -- the end"}));
  EXPECT_EQ(st[1].line, 2);
  EXPECT_EQ(st[1].column, 3);
}

TEST(SplitPostgresTest, SeveralUnknownStatementsInARowStayApart) {
  std::vector<Statement> st = SplitPostgresOk("FOO 1; BAR 2;\nSELECT 3;\nBAZ");
  ASSERT_EQ(Texts(st), (std::vector<std::string>{"FOO 1", "BAR 2", "SELECT 3", "BAZ"}));
  EXPECT_EQ(st[1].line, 1);
  EXPECT_EQ(st[1].column, 8);
  EXPECT_EQ(st[2].line, 2);
  EXPECT_EQ(st[2].column, 1);
  EXPECT_EQ(st[3].line, 3);
  EXPECT_EQ(st[3].column, 1);
}

// The semicolons inside the dollar-quoted body and the string after the
// unknown word do not end it: the real scanner cuts the skipped text too.
TEST(SplitPostgresTest, DollarQuotedBodyAfterUnknownWord) {
  const std::string body =
      "CREAT FUNCTION f() RETURNS int AS $fn$\n"
      "  SELECT 1; SELECT 2;\n"
      "$fn$ 'a;b'";
  std::vector<Statement> st = SplitPostgresOk(body + ";\nSELEC $$;$$; SELECT 3;\n");
  ASSERT_EQ(Texts(st), (std::vector<std::string>{body, "SELEC $$;$$", "SELECT 3"}));
  EXPECT_EQ(st[0].line, 1);
  EXPECT_EQ(st[1].line, 4);
  EXPECT_EQ(st[1].column, 1);
  EXPECT_EQ(st[2].line, 4);
  EXPECT_EQ(st[2].column, 14);
}

// A `)` without its `(` made the scanner split lose its count for the rest of
// the script, which then vanished whole, valid statements included.
TEST(SplitPostgresTest, UnbalancedCloseParenLosesNothing) {
  std::vector<Statement> st = SplitPostgresOk("SELECT 1);\nCREATE TABLE b (x int);\nSELECT 3");
  ASSERT_EQ(Texts(st),
            (std::vector<std::string>{"SELECT 1)", "CREATE TABLE b (x int)", "SELECT 3"}));
  EXPECT_EQ(st[1].line, 2);
  EXPECT_EQ(st[1].column, 1);
  EXPECT_EQ(st[2].line, 3);
}

// An unclosed `(` runs to the end, as in psql; PostgreSQL reports the error.
TEST(SplitPostgresTest, UnclosedParenRunsToTheEnd) {
  std::vector<Statement> st = SplitPostgresOk("SELECT 0;\nSELECT (1;\nSELECT 2;\n");
  ASSERT_EQ(Texts(st), (std::vector<std::string>{"SELECT 0", "SELECT (1;\nSELECT 2"}));
  EXPECT_EQ(st[1].line, 2);
  EXPECT_EQ(st[1].column, 1);
}

TEST(SplitPostgresTest, OnlySemicolonsAndCommentsBetweenStatementsAddNothing) {
  std::vector<Statement> st =
      SplitPostgresOk(";; -- a\nSELECT 1;;\n/* b; */ ; ;\nSELECT 2; ; -- c;\n;");
  ASSERT_EQ(Texts(st), (std::vector<std::string>{"SELECT 1", "SELECT 2"}));
  EXPECT_EQ(st[0].line, 2);
  EXPECT_EQ(st[1].line, 4);
}

// Valid scripts split exactly as libpg_query's scanner split them before the
// coverage check existed.
TEST(SplitPostgresTest, ValidScriptSplitsAsBefore) {
  std::vector<Statement> st = SplitPostgresOk(
      "-- migration: add orders\n"
      "SET lock_timeout = '5s';\n"
      "CREATE TABLE orders (\n"
      "  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
      "  note text DEFAULT 'a;b'\n"
      ");;\n"
      "CREATE FUNCTION touch() RETURNS trigger AS $$\n"
      "BEGIN NEW.note := E'x\\';'; RETURN NEW; END;\n"
      "$$ LANGUAGE plpgsql;\n"
      "/* c; */ DO $d$ BEGIN PERFORM 1; END $d$; (SELECT 1);\n"
      "  INSERT INTO \"my;table\" VALUES (1) -- done\n");
  ASSERT_EQ(Texts(st), (std::vector<std::string>{
                           "SET lock_timeout = '5s'",
                           "CREATE TABLE orders (\n"
                           "  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
                           "  note text DEFAULT 'a;b'\n"
                           ")",
                           "CREATE FUNCTION touch() RETURNS trigger AS $$\n"
                           "BEGIN NEW.note := E'x\\';'; RETURN NEW; END;\n"
                           "$$ LANGUAGE plpgsql",
                           "DO $d$ BEGIN PERFORM 1; END $d$",
                           "(SELECT 1)",
                           "INSERT INTO \"my;table\" VALUES (1) -- done",
                       }));
  const std::vector<std::pair<int, int>> positions = {{2, 1},   {3, 1},   {7, 1},
                                                      {10, 10}, {10, 43}, {11, 3}};
  for (size_t i = 0; i < st.size(); ++i) {
    EXPECT_EQ(std::make_pair(st[i].line, st[i].column), positions[i]) << "statement " << i;
  }
}

// ---------------------------------------------------------------------------
// MakeStatement

TEST(MakeStatementTest, SpanOfOnlyBlanksAndCommentsIsEmpty) {
  const std::string script = "SELECT 1; -- tail\n";
  Statement st = sql::MakeStatement(script, 9, script.size());
  EXPECT_EQ(st.text, "");
}

TEST(MakeStatementTest, PositionsAreRelativeToTheWholeScript) {
  const std::string script = "SELECT 1;\n\n  SELECT 2 ;  \n";
  Statement st = sql::MakeStatement(script, 9, script.size());
  EXPECT_EQ(st.text, "SELECT 2");
  EXPECT_EQ(st.line, 3);
  EXPECT_EQ(st.column, 3);
}

// ---------------------------------------------------------------------------
// Quoting helpers

TEST(QuoteTest, QuoteLiteral) {
  EXPECT_EQ(sql::QuoteLiteral(""), "''");
  EXPECT_EQ(sql::QuoteLiteral("abc"), "'abc'");
  EXPECT_EQ(sql::QuoteLiteral("it's"), "'it''s'");
  EXPECT_EQ(sql::QuoteLiteral("''"), "''''''");
  EXPECT_EQ(sql::QuoteLiteral("a\"b;c"), "'a\"b;c'");
}

TEST(QuoteTest, QuoteIdentifier) {
  EXPECT_EQ(sql::QuoteIdentifier("strata_ledger"), "\"strata_ledger\"");
  EXPECT_EQ(sql::QuoteIdentifier("a\"b"), "\"a\"\"b\"");
  EXPECT_EQ(sql::QuoteIdentifier("it's"), "\"it's\"");
  EXPECT_EQ(sql::QuoteIdentifier(""), "\"\"");
}

TEST(QuoteTest, IsPlainIdentifier) {
  EXPECT_TRUE(sql::IsPlainIdentifier("strata_ledger"));
  EXPECT_TRUE(sql::IsPlainIdentifier("_x1"));
  EXPECT_TRUE(sql::IsPlainIdentifier("Ledger2"));
  EXPECT_TRUE(sql::IsPlainIdentifier("a"));
  EXPECT_TRUE(sql::IsPlainIdentifier(std::string(63, 'a')));
  EXPECT_FALSE(sql::IsPlainIdentifier(std::string(64, 'a')));
  EXPECT_FALSE(sql::IsPlainIdentifier(""));
  EXPECT_FALSE(sql::IsPlainIdentifier("1abc"));
  EXPECT_FALSE(sql::IsPlainIdentifier("a-b"));
  EXPECT_FALSE(sql::IsPlainIdentifier("schema.table"));
  EXPECT_FALSE(sql::IsPlainIdentifier("a b"));
  EXPECT_FALSE(sql::IsPlainIdentifier("a\"b"));
  EXPECT_FALSE(sql::IsPlainIdentifier("x;drop"));
  EXPECT_FALSE(sql::IsPlainIdentifier("caf\xC3\xA9"));
}

}  // namespace
}  // namespace strata
