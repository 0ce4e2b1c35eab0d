// The PostgreSQL Inspector's catalog queries, one per kind of object, kept
// apart from the code that decodes their rows. Each function documents the
// columns its query returns, in order: that list is the contract with
// pg_inspector.cc. Arrays come back in PostgreSQL's text form (ParsePgArray).
//
// Every query leaves out PostgreSQL's own schemas (pg_catalog,
// information_schema, pg_toast*, pg_temp*) and extension members; those over
// relations also leave out strata's ledger and lease tables.
#pragma once

#include <cstdint>
#include <string>

namespace strata::drivers::pg {

struct CatalogScope {
  std::string ledger_schema;   // strata's tables: ledger_schema.ledger_table
  std::string ledger_table;    // and ledger_schema.ledger_table_lease
  int64_t server_version = 0;  // server_version_num, e.g. 150004
};

// WHERE fragments shared by the catalog queries and the integrity checks.
// Schemas that are PostgreSQL's own are left out (n is pg_namespace).
extern const char* const kUserSchema;
// Not a member of an extension: `catalog` is the object's system catalog,
// `oid` the SQL expression of its oid.
std::string NotInExtension(const char* catalog, const char* oid);
// Relations that are the application's (c is pg_class, n its namespace):
// kUserSchema, not an extension's, not strata's ledger or lease table.
std::string Relations(const CatalogScope& scope);
// The names of the columns `keys` (an attnum array column of pg_constraint
// k) of relation `relid` (a column of k), in key order.
std::string ColumnNames(const char* keys, const char* relid);

// nspname
std::string SchemasQuery();
// extname, schema, extversion
std::string ExtensionsQuery();
// schema, name, typtype ('e'/'d'), enum labels[], domain base type, not null,
// default, collation (when not the base type's), checks[] ("name CHECK (...)")
std::string TypesQuery();
// schema, name, type, start, increment, min, max, cache, cycle, and the
// owning column (schema, table, column; NULL when none). Identity sequences
// are left out.
std::string SequencesQuery(const CatalogScope& scope);
// schema, name, relpersistence, partition key, parent schema, parent name,
// partition bound, row security, forced row security
std::string TablesQuery(const CatalogScope& scope);
// schema, table, name, position among live columns, type, not null, default,
// attidentity, generation expression, collation (when not the type's)
std::string ColumnsQuery(const CatalogScope& scope);
// schema, table, name, contype, columns[], definition, referenced schema,
// referenced table, referenced columns[], confupdtype, confdeltype,
// deferrable, deferred, validated. Partition clones are left out.
std::string ConstraintsQuery(const CatalogScope& scope);
// schema, table, name, access method, unique, keys[] (with opclass and
// ordering), include[], predicate, valid, nulls not distinct. Indexes that
// back a constraint and partitions of a partitioned index are left out.
std::string IndexesQuery(const CatalogScope& scope);
// schema, name, materialized, definition
std::string ViewsQuery(const CatalogScope& scope);
// schema, name, identity arguments, prokind, result, language, provolatile,
// strict, security definer, body source, CREATE text (functions, procedures)
std::string FunctionsQuery(const CatalogScope& scope);
// schema, table, name, CREATE text, tgenabled. Internal triggers and
// partition clones are left out.
std::string TriggersQuery(const CatalogScope& scope);
// schema, table, name, polcmd, permissive, roles[], USING, WITH CHECK
std::string PoliciesQuery(const CatalogScope& scope);

}  // namespace strata::drivers::pg
