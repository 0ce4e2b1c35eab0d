// Reading libpg_query's protobuf parse tree (private to src/sql): small
// accessors over the generated C structs, and a walker that visits every
// message below a node using protobuf-c's own descriptors, so expression
// searches need no hand-written case for each of PostgreSQL's node types.
#pragma once

#include <pg_query/pg_query.pb-c.h>

#include <functional>
#include <string>

#include "sql/pg_statement.h"

namespace strata::sql::tree {

inline std::string Str(const char* text) { return text == nullptr ? std::string() : text; }

// The text of a String node; empty for any other node.
std::string StringValue(const PgQuery__Node* node);

QualifiedName NameOf(const PgQuery__RangeVar* range_var);
// A dotted name given as a list of String nodes (DROP TABLE a.b, types).
QualifiedName NameOfList(PgQuery__Node* const* items, size_t count);
// A DROP/COMMENT object: a List of Strings, a TypeName, or a bare String.
QualifiedName NameOfObject(const PgQuery__Node* node);

TypeInfo TypeOf(const PgQuery__TypeName* type_name);
ExpressionInfo ExpressionOf(const PgQuery__Node* expression);
ConstraintInfo ConstraintOf(const PgQuery__Constraint* constraint);
ColumnInfo ColumnOf(const PgQuery__ColumnDef* column);

// Fills `out` (kind, targets, actions...) from one top-level statement node.
void Translate(const PgQuery__Node& statement, ParsedStatement& out);

// Every string literal in the statement, into out.string_literals.
void CollectStringLiterals(const PgQuery__Node& statement, ParsedStatement& out);

// Calls `visit` for `message` and every message reachable from it (only the
// active member of each oneof). Stops descending below a message when
// `visit` returns false.
void Walk(const ProtobufCMessage* message,
          const std::function<bool(const ProtobufCMessage&)>& visit);

}  // namespace strata::sql::tree
