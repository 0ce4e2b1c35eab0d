#include "sql/pg_tree.h"

#include <algorithm>
#include <cstdlib>

#include "base/strings.h"

namespace strata::sql::tree {

namespace {

// Canonical names for the spellings the parser leaves as written.
std::string CanonicalTypeName(std::string name) {
  static const std::pair<std::string_view, std::string_view> kAliases[] = {
      {"bigint", "int8"},    {"boolean", "bool"},      {"decimal", "numeric"},
      {"double", "float8"},  {"float", "float8"},      {"int", "int4"},
      {"integer", "int4"},   {"real", "float4"},       {"serial2", "smallserial"},
      {"serial4", "serial"}, {"serial8", "bigserial"}, {"smallint", "int2"},
  };
  for (const auto& [alias, canonical] : kAliases) {
    if (name == alias) return std::string(canonical);
  }
  return name;
}

Volatility Worse(Volatility a, Volatility b) {
  auto rank = [](Volatility v) {
    switch (v) {
      case Volatility::kImmutable:
        return 0;
      case Volatility::kStable:
        return 1;
      case Volatility::kUnknown:
        return 2;
      case Volatility::kVolatile:
        return 3;
    }
    return 3;
  };
  return rank(a) >= rank(b) ? a : b;
}

// `col IS NOT NULL`, possibly AND-ed with more of the same.
void CollectNotNull(const PgQuery__Node* node, std::vector<std::string>& out) {
  if (node == nullptr) return;
  if (node->node_case == PG_QUERY__NODE__NODE_BOOL_EXPR &&
      node->bool_expr->boolop == PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR) {
    for (size_t i = 0; i < node->bool_expr->n_args; ++i) {
      CollectNotNull(node->bool_expr->args[i], out);
    }
    return;
  }
  if (node->node_case != PG_QUERY__NODE__NODE_NULL_TEST) return;
  const PgQuery__NullTest& test = *node->null_test;
  if (test.nulltesttype != PG_QUERY__NULL_TEST_TYPE__IS_NOT_NULL || test.arg == nullptr) return;
  if (test.arg->node_case != PG_QUERY__NODE__NODE_COLUMN_REF) return;
  const PgQuery__ColumnRef& ref = *test.arg->column_ref;
  if (ref.n_fields == 1) out.push_back(StringValue(ref.fields[0]));
}

}  // namespace

std::string StringValue(const PgQuery__Node* node) {
  if (node == nullptr || node->node_case != PG_QUERY__NODE__NODE_STRING) return {};
  return Str(node->string->sval);
}

QualifiedName NameOf(const PgQuery__RangeVar* range_var) {
  if (range_var == nullptr) return {};
  return {Str(range_var->schemaname), Str(range_var->relname)};
}

QualifiedName NameOfList(PgQuery__Node* const* items, size_t count) {
  if (count == 0) return {};
  QualifiedName name{.schema = {}, .name = StringValue(items[count - 1])};
  if (count >= 2) name.schema = StringValue(items[count - 2]);
  return name;
}

QualifiedName NameOfObject(const PgQuery__Node* node) {
  if (node == nullptr) return {};
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_LIST:
      return NameOfList(node->list->items, node->list->n_items);
    case PG_QUERY__NODE__NODE_TYPE_NAME:
      return NameOfList(node->type_name->names, node->type_name->n_names);
    case PG_QUERY__NODE__NODE_STRING:
      return {{}, StringValue(node)};
    default:
      return {};
  }
}

TypeInfo TypeOf(const PgQuery__TypeName* type_name) {
  TypeInfo type;
  if (type_name == nullptr || type_name->n_names == 0) return type;
  type.name = StringValue(type_name->names[type_name->n_names - 1]);
  if (type_name->n_names >= 2) type.schema = StringValue(type_name->names[type_name->n_names - 2]);
  if (type.schema == "pg_catalog") type.schema.clear();
  if (type.schema.empty()) type.name = CanonicalTypeName(type.name);
  for (size_t i = 0; i < type_name->n_typmods; ++i) {
    const PgQuery__Node* mod = type_name->typmods[i];
    if (mod->node_case == PG_QUERY__NODE__NODE_A_CONST &&
        mod->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL) {
      type.modifiers.push_back(mod->a_const->ival->ival);
    }
  }
  type.is_array = type_name->n_array_bounds > 0;
  return type;
}

ExpressionInfo ExpressionOf(const PgQuery__Node* expression) {
  ExpressionInfo info;
  if (expression == nullptr) return info;
  info.present = true;
  Walk(&expression->base, [&](const ProtobufCMessage& message) {
    if (message.descriptor == &pg_query__func_call__descriptor) {
      const auto& call = reinterpret_cast<const PgQuery__FuncCall&>(message);
      if (call.n_funcname == 0) return true;
      std::string name = StringValue(call.funcname[call.n_funcname - 1]);
      std::string schema =
          call.n_funcname >= 2 ? StringValue(call.funcname[call.n_funcname - 2]) : "";
      Volatility volatility = (schema.empty() || schema == "pg_catalog") ? FunctionVolatility(name)
                                                                         : Volatility::kUnknown;
      info.volatility = Worse(info.volatility, volatility);
      info.functions.push_back(std::move(name));
    } else if (message.descriptor == &pg_query__sqlvalue_function__descriptor) {
      // CURRENT_TIMESTAMP, CURRENT_DATE, CURRENT_USER...: fixed per statement.
      info.volatility = Worse(info.volatility, Volatility::kStable);
    } else if (message.descriptor == &pg_query__sub_link__descriptor) {
      info.volatility = Worse(info.volatility, Volatility::kUnknown);
    }
    return true;
  });
  CollectNotNull(expression, info.not_null_columns);
  return info;
}

ConstraintInfo ConstraintOf(const PgQuery__Constraint* constraint) {
  ConstraintInfo info;
  if (constraint == nullptr) return info;
  switch (constraint->contype) {
    case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
      info.kind = ConstraintKind::kPrimaryKey;
      break;
    case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
      info.kind = ConstraintKind::kUnique;
      break;
    case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN:
      info.kind = ConstraintKind::kForeignKey;
      break;
    case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
      info.kind = ConstraintKind::kCheck;
      break;
    case PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION:
      info.kind = ConstraintKind::kExclusion;
      break;
    case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL:
      info.kind = ConstraintKind::kNotNull;
      break;
    default:
      info.kind = ConstraintKind::kOther;
      break;
  }
  info.name = Str(constraint->conname);
  info.not_valid = constraint->skip_validation;
  info.using_index = Str(constraint->indexname);
  auto strings = [](PgQuery__Node* const* items, size_t count) {
    std::vector<std::string> out;
    for (size_t i = 0; i < count; ++i) out.push_back(StringValue(items[i]));
    return out;
  };
  info.columns = info.kind == ConstraintKind::kForeignKey
                     ? strings(constraint->fk_attrs, constraint->n_fk_attrs)
                     : strings(constraint->keys, constraint->n_keys);
  info.references = NameOf(constraint->pktable);
  if (info.kind == ConstraintKind::kCheck) info.check = ExpressionOf(constraint->raw_expr);
  info.offset = constraint->location >= 0 ? static_cast<size_t>(constraint->location) : 0;
  return info;
}

ColumnInfo ColumnOf(const PgQuery__ColumnDef* column) {
  ColumnInfo info;
  if (column == nullptr) return info;
  info.name = Str(column->colname);
  info.type = TypeOf(column->type_name);
  info.not_null = column->is_not_null;
  if (column->raw_default != nullptr) info.default_value = ExpressionOf(column->raw_default);
  info.offset = column->location >= 0 ? static_cast<size_t>(column->location) : 0;
  for (size_t i = 0; i < column->n_constraints; ++i) {
    const PgQuery__Node* node = column->constraints[i];
    if (node->node_case != PG_QUERY__NODE__NODE_CONSTRAINT) continue;
    const PgQuery__Constraint* constraint = node->constraint;
    switch (constraint->contype) {
      case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL:
        info.not_null = true;
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT:
        info.default_value = ExpressionOf(constraint->raw_expr);
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY:
        info.identity = true;
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED:
        info.generated_stored = true;
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
        info.primary_key = true;
        info.not_null = true;
        [[fallthrough]];
      case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
      case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN:
      case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
      case PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION: {
        ConstraintInfo inline_constraint = ConstraintOf(constraint);
        if (inline_constraint.columns.empty()) inline_constraint.columns.push_back(info.name);
        info.constraints.push_back(std::move(inline_constraint));
        break;
      }
      default:
        break;
    }
  }
  return info;
}

void Walk(const ProtobufCMessage* message,
          const std::function<bool(const ProtobufCMessage&)>& visit) {
  if (message == nullptr || !visit(*message)) return;
  const ProtobufCMessageDescriptor& descriptor = *message->descriptor;
  const char* base = reinterpret_cast<const char*>(message);
  for (unsigned i = 0; i < descriptor.n_fields; ++i) {
    const ProtobufCFieldDescriptor& field = descriptor.fields[i];
    if (field.type != PROTOBUF_C_TYPE_MESSAGE) continue;
    if ((field.flags & PROTOBUF_C_FIELD_FLAG_ONEOF) != 0) {
      // Union members share storage: only the active one may be read.
      const auto active = *reinterpret_cast<const uint32_t*>(base + field.quantifier_offset);
      if (active != field.id) continue;
    }
    if (field.label == PROTOBUF_C_LABEL_REPEATED) {
      const size_t count = *reinterpret_cast<const size_t*>(base + field.quantifier_offset);
      const auto* items = *reinterpret_cast<ProtobufCMessage* const* const*>(base + field.offset);
      for (size_t k = 0; k < count; ++k) Walk(items[k], visit);
    } else {
      Walk(*reinterpret_cast<ProtobufCMessage* const*>(base + field.offset), visit);
    }
  }
}

}  // namespace strata::sql::tree
