#include "drivers/postgres/pg_catalog_queries.h"

#include <fmt/format.h>

#include "sql/statement_text.h"

namespace strata::drivers::pg {

const char* const kUserSchema =
    "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_(toast|temp_)'";

std::string NotInExtension(const char* catalog, const char* oid) {
  return fmt::format(
      "NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '{}'::regclass AND e.objid = {} "
      "AND e.deptype = 'e')",
      catalog, oid);
}

std::string Relations(const CatalogScope& scope) {
  return fmt::format("{} AND {} AND NOT (n.nspname = {} AND c.relname IN ({}, {}))", kUserSchema,
                     NotInExtension("pg_class", "c.oid"), sql::QuoteLiteral(scope.ledger_schema),
                     sql::QuoteLiteral(scope.ledger_table),
                     sql::QuoteLiteral(scope.ledger_table + "_lease"));
}

std::string ColumnNames(const char* keys, const char* relid) {
  return fmt::format(
      "ARRAY(SELECT a.attname FROM unnest(k.{0}) WITH ORDINALITY u(num, ord) "
      "JOIN pg_attribute a ON a.attrelid = k.{1} AND a.attnum = u.num ORDER BY u.ord)",
      keys, relid);
}

namespace {

// A collation's name as COLLATE takes it; `oid` is the collation's oid.
std::string CollationName(const char* oid) {
  return fmt::format(
      "(SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN quote_ident(co.collname) ELSE "
      "quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END FROM pg_collation co "
      "JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = {})",
      oid);
}

}  // namespace

std::string SchemasQuery() {
  return fmt::format("SELECT n.nspname FROM pg_namespace n WHERE {} AND {}", kUserSchema,
                     NotInExtension("pg_namespace", "n.oid"));
}

std::string ExtensionsQuery() {
  return "SELECT e.extname, n.nspname, e.extversion FROM pg_extension e "
         "JOIN pg_namespace n ON n.oid = e.extnamespace";
}

std::string TypesQuery() {
  return fmt::format(
      "SELECT n.nspname, t.typname, t.typtype, "
      "ARRAY(SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = t.oid "
      "ORDER BY e.enumsortorder), "
      "CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END, "
      "t.typnotnull, pg_get_expr(t.typdefaultbin, 0), "
      "CASE WHEN t.typcollation <> bt.typcollation THEN {} END, "
      "ARRAY(SELECT quote_ident(k.conname) || ' ' || pg_get_constraintdef(k.oid, true) "
      "FROM pg_constraint k WHERE k.contypid = t.oid ORDER BY k.conname) "
      "FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
      "LEFT JOIN pg_type bt ON bt.oid = t.typbasetype "
      "WHERE t.typtype IN ('e', 'd') AND {} AND {}",
      CollationName("t.typcollation"), kUserSchema, NotInExtension("pg_type", "t.oid"));
}

std::string SequencesQuery(const CatalogScope& scope) {
  return fmt::format(
      "SELECT n.nspname, c.relname, format_type(s.seqtypid, NULL), s.seqstart, "
      "s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle, tn.nspname, tc.relname, "
      "ta.attname FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid "
      "JOIN pg_namespace n ON n.oid = c.relnamespace "
      "LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid "
      "AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a' AND d.refobjsubid > 0 "
      "LEFT JOIN pg_class tc ON tc.oid = d.refobjid "
      "LEFT JOIN pg_namespace tn ON tn.oid = tc.relnamespace "
      "LEFT JOIN pg_attribute ta ON ta.attrelid = d.refobjid AND ta.attnum = d.refobjsubid "
      "WHERE {} AND NOT EXISTS (SELECT 1 FROM pg_depend i WHERE i.classid = "
      "'pg_class'::regclass AND i.objid = c.oid AND i.deptype = 'i')",
      Relations(scope));
}

std::string TablesQuery(const CatalogScope& scope) {
  return fmt::format(
      "SELECT n.nspname, c.relname, c.relpersistence, "
      "CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END, pn.nspname, pc.relname, "
      "CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END, "
      "c.relrowsecurity, c.relforcerowsecurity "
      "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
      "LEFT JOIN pg_inherits i ON c.relispartition AND i.inhrelid = c.oid "
      "LEFT JOIN pg_class pc ON pc.oid = i.inhparent "
      "LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace "
      "WHERE c.relkind IN ('r', 'p') AND {}",
      Relations(scope));
}

std::string ColumnsQuery(const CatalogScope& scope) {
  return fmt::format(
      "SELECT n.nspname, c.relname, a.attname, "
      "row_number() OVER (PARTITION BY a.attrelid ORDER BY a.attnum), "
      "format_type(a.atttypid, a.atttypmod), a.attnotnull, "
      "CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END, "
      "a.attidentity, "
      "CASE WHEN a.attgenerated <> '' THEN pg_get_expr(d.adbin, d.adrelid) END, "
      "CASE WHEN a.attcollation <> t.typcollation THEN {} END "
      "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
      "JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_type t ON t.oid = a.atttypid "
      "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
      "WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND {}",
      CollationName("a.attcollation"), Relations(scope));
}

std::string ConstraintsQuery(const CatalogScope& scope) {
  return fmt::format(
      "SELECT n.nspname, c.relname, k.conname, k.contype, {}, "
      "pg_get_constraintdef(k.oid, true), fn.nspname, fc.relname, {}, k.confupdtype, "
      "k.confdeltype, k.condeferrable, k.condeferred, k.convalidated "
      "FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid "
      "JOIN pg_namespace n ON n.oid = c.relnamespace "
      "LEFT JOIN pg_class fc ON fc.oid = k.confrelid "
      "LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace "
      "WHERE k.contype IN ('p', 'u', 'c', 'x', 'f') AND k.conparentid = 0 "
      "AND c.relkind IN ('r', 'p') AND {}",
      ColumnNames("conkey", "conrelid"), ColumnNames("confkey", "confrelid"), Relations(scope));
}

std::string IndexesQuery(const CatalogScope& scope) {
  // Each key as CREATE INDEX would write it: the column or expression, a
  // non-default operator class, and DESC / NULLS when not the default
  // (indoption bit 1: DESC, bit 2: NULLS FIRST). A join, not a subquery per
  // key: that is ten times slower on a thousand indexes.
  const char* keys =
      "ARRAY(SELECT pg_get_indexdef(i.indexrelid, u.k::int, true) || CASE WHEN o.opcdefault "
      "THEN '' ELSE ' ' || quote_ident(o.opcname) END || CASE WHEN (u.opt & 1) = 1 THEN ' DESC' "
      "ELSE '' END || CASE WHEN (u.opt & 3) = 1 THEN ' NULLS LAST' WHEN (u.opt & 3) = 2 THEN "
      "' NULLS FIRST' ELSE '' END FROM unnest(i.indclass, i.indoption) WITH ORDINALITY "
      "u(cls, opt, k) JOIN pg_opclass o ON o.oid = u.cls ORDER BY u.k)";
  return fmt::format(
      "SELECT n.nspname, c.relname, ic.relname, am.amname, i.indisunique, {}, "
      "ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true) "
      "FROM generate_series(i.indnkeyatts + 1, i.indnatts) k ORDER BY k), "
      "pg_get_expr(i.indpred, i.indrelid), i.indisvalid, {} "
      "FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid "
      "JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
      "JOIN pg_am am ON am.oid = ic.relam "
      "WHERE c.relkind IN ('r', 'p', 'm') AND NOT ic.relispartition AND {} "
      "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid "
      "AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x'))",
      keys, scope.server_version >= 150000 ? "i.indnullsnotdistinct" : "false", Relations(scope));
}

std::string ViewsQuery(const CatalogScope& scope) {
  return fmt::format(
      "SELECT n.nspname, c.relname, c.relkind = 'm', pg_get_viewdef(c.oid, true) "
      "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
      "WHERE c.relkind IN ('v', 'm') AND {}",
      Relations(scope));
}

std::string FunctionsQuery(const CatalogScope& scope) {
  // A SQL-standard body (BEGIN ATOMIC, PostgreSQL 14+) is not in prosrc.
  const char* body = scope.server_version >= 140000
                         ? "CASE WHEN p.prosqlbody IS NOT NULL THEN "
                           "pg_get_function_sqlbody(p.oid) ELSE p.prosrc END"
                         : "p.prosrc";
  return fmt::format(
      "SELECT n.nspname, p.proname, pg_get_function_identity_arguments(p.oid), p.prokind, "
      "CASE WHEN p.prokind <> 'p' THEN pg_get_function_result(p.oid) END, l.lanname, "
      "p.provolatile, p.proisstrict, p.prosecdef, {}, "
      "CASE WHEN p.prokind IN ('f', 'p') THEN pg_get_functiondef(p.oid) END "
      "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
      "JOIN pg_language l ON l.oid = p.prolang WHERE {} AND {}",
      body, kUserSchema, NotInExtension("pg_proc", "p.oid"));
}

std::string TriggersQuery(const CatalogScope& scope) {
  return fmt::format(
      "SELECT n.nspname, c.relname, t.tgname, pg_get_triggerdef(t.oid, true), t.tgenabled "
      "FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
      "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT t.tgisinternal AND {}{}",
      Relations(scope), scope.server_version >= 130000 ? " AND t.tgparentid = 0" : "");
}

std::string PoliciesQuery(const CatalogScope& scope) {
  return fmt::format(
      "SELECT n.nspname, c.relname, p.polname, p.polcmd, p.polpermissive, "
      "ARRAY(SELECT CASE WHEN r = 0 THEN 'public' ELSE pg_get_userbyid(r) END "
      "FROM unnest(p.polroles) r), pg_get_expr(p.polqual, p.polrelid), "
      "pg_get_expr(p.polwithcheck, p.polrelid) "
      "FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid "
      "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE {}",
      Relations(scope));
}

}  // namespace strata::drivers::pg
