// libpg_query statement nodes -> ParsedStatement. Only the node types that
// migration-safety analysis distinguishes get a case; every other statement
// is kOther with its node name.
#include <pg_query/pg_query.pb-c.h>

#include "sql/pg_tree.h"

namespace strata::sql::tree {

namespace {

constexpr size_t kMaxIdentifierBytes = 63;

ObjectKind ObjectKindOf(PgQuery__ObjectType type) {
  switch (type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
      return ObjectKind::kTable;
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
      return ObjectKind::kIndex;
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
      return ObjectKind::kView;
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
      return ObjectKind::kMaterializedView;
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
      return ObjectKind::kSequence;
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA:
      return ObjectKind::kSchema;
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
      return ObjectKind::kType;
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN:
      return ObjectKind::kDomain;
    case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
    case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE:
      return ObjectKind::kFunction;
    case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER:
      return ObjectKind::kTrigger;
    case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN:
      return ObjectKind::kColumn;
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT:
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMCONSTRAINT:
      return ObjectKind::kConstraint;
    case PG_QUERY__OBJECT_TYPE__OBJECT_DATABASE:
      return ObjectKind::kDatabase;
    case PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION:
      return ObjectKind::kExtension;
    default:
      return ObjectKind::kOther;
  }
}

// The parser's scanner has already cut identifiers to 63 bytes (at a
// character boundary, so a cut name may be up to 3 bytes shorter): note the
// names that may have been cut; ParsePostgresScript keeps those whose text
// is longer.
void NoteLongName(const std::string& name, ParsedStatement& out) {
  if (name.size() + 3 >= kMaxIdentifierBytes) out.long_identifiers.push_back(name);
}

std::string ConstantText(const PgQuery__Node* node) {
  if (node == nullptr || node->node_case != PG_QUERY__NODE__NODE_A_CONST) return {};
  const PgQuery__AConst& constant = *node->a_const;
  switch (constant.val_case) {
    case PG_QUERY__A__CONST__VAL_SVAL:
      return Str(constant.sval->sval);
    case PG_QUERY__A__CONST__VAL_IVAL:
      return std::to_string(constant.ival->ival);
    case PG_QUERY__A__CONST__VAL_FVAL:
      return Str(constant.fval->fval);
    case PG_QUERY__A__CONST__VAL_BOOLVAL:
      return constant.boolval->boolval ? "true" : "false";
    default:
      return {};
  }
}

bool DefElemIsTrue(const PgQuery__DefElem& option) {
  // `(FULL)` has no argument; `(FULL false)` / `(FULL off)` / `(FULL 0)` turn it off.
  // The argument is a String node (`false`, `off`) or a constant (`0`).
  std::string value = ConstantText(option.arg);
  if (value.empty()) value = StringValue(option.arg);
  return value.empty() || (value != "false" && value != "off" && value != "0");
}

bool HasTrueOption(PgQuery__Node* const* options, size_t count, std::string_view name) {
  for (size_t i = 0; i < count; ++i) {
    if (options[i]->node_case != PG_QUERY__NODE__NODE_DEF_ELEM) continue;
    const PgQuery__DefElem& option = *options[i]->def_elem;
    if (Str(option.defname) == name && DefElemIsTrue(option)) return true;
  }
  return false;
}

void TranslateCreateTable(const PgQuery__CreateStmt& create, ParsedStatement& out) {
  out.kind = StatementKind::kCreateTable;
  out.relation = NameOf(create.relation);
  out.if_not_exists = create.if_not_exists;
  out.partitioned = create.partspec != nullptr;
  out.partition_of = create.partbound != nullptr;
  NoteLongName(out.relation.name, out);
  for (size_t i = 0; i < create.n_table_elts; ++i) {
    const PgQuery__Node* element = create.table_elts[i];
    if (element->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
      out.columns.push_back(ColumnOf(element->column_def));
      NoteLongName(out.columns.back().name, out);
    } else if (element->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
      out.constraints.push_back(ConstraintOf(element->constraint));
      NoteLongName(out.constraints.back().name, out);
    }
  }
}

AlterAction TranslateAlterCommand(const PgQuery__AlterTableCmd& command, size_t fallback_offset,
                                  ParsedStatement& out) {
  AlterAction action;
  action.offset = fallback_offset;
  action.column = Str(command.name);
  action.name = Str(command.name);
  action.cascade = command.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
  const PgQuery__Node* def = command.def;
  auto column_def = [&]() -> const PgQuery__ColumnDef* {
    return def != nullptr && def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF ? def->column_def
                                                                               : nullptr;
  };
  auto constraint = [&]() -> const PgQuery__Constraint* {
    return def != nullptr && def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT ? def->constraint
                                                                               : nullptr;
  };
  auto partition = [&]() -> const PgQuery__PartitionCmd* {
    return def != nullptr && def->node_case == PG_QUERY__NODE__NODE_PARTITION_CMD
               ? def->partition_cmd
               : nullptr;
  };
  switch (command.subtype) {
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumnRecurse:
      action.kind = AlterKind::kAddColumn;
      action.column_def = ColumnOf(column_def());
      action.column = action.column_def.name;
      if (column_def() != nullptr) action.offset = action.column_def.offset;
      NoteLongName(action.column, out);
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumnRecurse:
      action.kind = AlterKind::kDropColumn;
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
      action.kind = AlterKind::kAlterColumnType;
      if (const PgQuery__ColumnDef* new_type = column_def()) {
        action.column_def.name = action.column;
        action.column_def.type = TypeOf(new_type->type_name);
        action.has_using = new_type->raw_default != nullptr;
        if (new_type->location > 0) action.offset = static_cast<size_t>(new_type->location);
      }
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
      action.kind = AlterKind::kSetNotNull;
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull:
      action.kind = AlterKind::kDropNotNull;
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault:
      action.kind = def == nullptr ? AlterKind::kDropDefault : AlterKind::kSetDefault;
      action.column_def.name = action.column;
      action.column_def.default_value = ExpressionOf(def);
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraintRecurse:
      action.kind = AlterKind::kAddConstraint;
      action.constraint = ConstraintOf(constraint());
      action.name = action.constraint.name;
      if (constraint() != nullptr && constraint()->location > 0) {
        action.offset = action.constraint.offset;
      }
      NoteLongName(action.name, out);
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraintRecurse:
      action.kind = AlterKind::kDropConstraint;
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraintRecurse:
      action.kind = AlterKind::kValidateConstraint;
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetTableSpace:
      action.kind = AlterKind::kSetTablespace;
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetLogged:
      action.kind = AlterKind::kSetLogged;
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetUnLogged:
      action.kind = AlterKind::kSetUnlogged;
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetAccessMethod:
      action.kind = AlterKind::kSetAccessMethod;
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition:
      action.kind = command.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition
                        ? AlterKind::kAttachPartition
                        : AlterKind::kDetachPartition;
      if (const PgQuery__PartitionCmd* cmd = partition()) {
        action.partition = NameOf(cmd->name);
        action.concurrent = cmd->concurrent;
      }
      break;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity:
      action.kind = AlterKind::kAddIdentity;
      break;
    default:
      action.kind = AlterKind::kOther;
      break;
  }
  return action;
}

void TranslateAlterTable(const PgQuery__AlterTableStmt& alter, ParsedStatement& out) {
  out.kind = StatementKind::kAlterTable;
  out.relation = NameOf(alter.relation);
  out.object = ObjectKindOf(alter.objtype);
  out.if_exists = alter.missing_ok;
  for (size_t i = 0; i < alter.n_cmds; ++i) {
    if (alter.cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
    out.actions.push_back(TranslateAlterCommand(*alter.cmds[i]->alter_table_cmd, out.offset, out));
  }
}

void TranslateDrop(const PgQuery__DropStmt& drop, ParsedStatement& out) {
  out.kind = StatementKind::kDrop;
  out.object = ObjectKindOf(drop.remove_type);
  out.concurrent = drop.concurrent;
  out.if_exists = drop.missing_ok;
  out.cascade = drop.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
  for (size_t i = 0; i < drop.n_objects; ++i)
    out.relations.push_back(NameOfObject(drop.objects[i]));
  if (!out.relations.empty()) out.relation = out.relations.front();
}

std::string LockModeName(int mode) {
  static constexpr const char* kModes[] = {
      "",      "ACCESS SHARE",        "ROW SHARE", "ROW EXCLUSIVE",   "SHARE UPDATE EXCLUSIVE",
      "SHARE", "SHARE ROW EXCLUSIVE", "EXCLUSIVE", "ACCESS EXCLUSIVE"};
  return mode >= 1 && mode <= 8 ? kModes[mode] : "ACCESS EXCLUSIVE";
}

void AddRelations(PgQuery__Node* const* items, size_t count, ParsedStatement& out) {
  for (size_t i = 0; i < count; ++i) {
    if (items[i]->node_case == PG_QUERY__NODE__NODE_RANGE_VAR) {
      out.relations.push_back(NameOf(items[i]->range_var));
    } else if (items[i]->node_case == PG_QUERY__NODE__NODE_VACUUM_RELATION) {
      out.relations.push_back(NameOf(items[i]->vacuum_relation->relation));
    }
  }
  if (!out.relations.empty()) out.relation = out.relations.front();
}

void TranslateSet(const PgQuery__VariableSetStmt& set, ParsedStatement& out) {
  out.kind = StatementKind::kSet;
  SettingChange change;
  change.name = Str(set.name);
  change.is_local = set.is_local;
  switch (set.kind) {
    case PG_QUERY__VARIABLE_SET_KIND__VAR_SET_VALUE:
      if (set.n_args > 0) change.value = ConstantText(set.args[0]);
      break;
    case PG_QUERY__VARIABLE_SET_KIND__VAR_SET_DEFAULT:
    case PG_QUERY__VARIABLE_SET_KIND__VAR_RESET:
      change.reset = true;
      break;
    case PG_QUERY__VARIABLE_SET_KIND__VAR_RESET_ALL:
      change.name = "all";
      change.reset = true;
      break;
    default:
      return;  // SET TRANSACTION ..., SET ... FROM CURRENT: no setting we track
  }
  out.settings.push_back(std::move(change));
}

// SELECT set_config('lock_timeout', '2s', false) with constant arguments.
void CollectSetConfig(const PgQuery__Node& statement, ParsedStatement& out) {
  Walk(&statement.base, [&](const ProtobufCMessage& message) {
    if (message.descriptor != &pg_query__func_call__descriptor) return true;
    const auto& call = reinterpret_cast<const PgQuery__FuncCall&>(message);
    if (call.n_funcname == 0 || StringValue(call.funcname[call.n_funcname - 1]) != "set_config" ||
        call.n_args != 3) {
      return true;
    }
    SettingChange change;
    change.name = ConstantText(call.args[0]);
    change.value = ConstantText(call.args[1]);
    const std::string local = ConstantText(call.args[2]);
    change.is_local = local == "true" || local == "t" || local == "on";
    if (!change.name.empty()) out.settings.push_back(std::move(change));
    return true;
  });
}

TransactionKind TransactionKindOf(PgQuery__TransactionStmtKind kind) {
  switch (kind) {
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_BEGIN:
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_START:
      return TransactionKind::kBegin;
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT:
      return TransactionKind::kCommit;
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK:
      return TransactionKind::kRollback;
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_SAVEPOINT:
      return TransactionKind::kSavepoint;
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_RELEASE:
      return TransactionKind::kRelease;
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK_TO:
      return TransactionKind::kRollbackTo;
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_PREPARE:
      return TransactionKind::kPrepare;
    default:
      return TransactionKind::kOther;
  }
}

void TranslateRename(const PgQuery__RenameStmt& rename, ParsedStatement& out) {
  out.kind = StatementKind::kRename;
  out.object = ObjectKindOf(rename.rename_type);
  out.relation = rename.relation != nullptr ? NameOf(rename.relation) : NameOfObject(rename.object);
  out.old_name = Str(rename.subname);
  out.new_name = Str(rename.newname);
  out.if_exists = rename.missing_ok;
  NoteLongName(out.new_name, out);
}

void TranslateEnum(const PgQuery__AlterEnumStmt& alter, ParsedStatement& out) {
  out.kind = StatementKind::kAlterEnum;
  out.relation = NameOfList(alter.type_name, alter.n_type_name);
  if (alter.old_val != nullptr && *alter.old_val != '\0') {
    out.object = ObjectKind::kEnumValue;
    out.old_name = Str(alter.old_val);
    out.new_name = Str(alter.new_val);
  } else {
    out.enum_value = Str(alter.new_val);
  }
}

void AddConstraintNodes(PgQuery__Node* const* items, size_t count, ParsedStatement& out) {
  for (size_t i = 0; i < count; ++i) {
    if (items[i]->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
      out.constraints.push_back(ConstraintOf(items[i]->constraint));
    }
  }
}

}  // namespace

void Translate(const PgQuery__Node& node, ParsedStatement& out) {
  switch (node.node_case) {
    case PG_QUERY__NODE__NODE_CREATE_STMT:
      TranslateCreateTable(*node.create_stmt, out);
      break;
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
      TranslateAlterTable(*node.alter_table_stmt, out);
      break;
    case PG_QUERY__NODE__NODE_INDEX_STMT: {
      const PgQuery__IndexStmt& index = *node.index_stmt;
      out.kind = StatementKind::kCreateIndex;
      out.relation = NameOf(index.relation);
      out.index_name = Str(index.idxname);
      out.concurrent = index.concurrent;
      out.unique = index.unique;
      out.if_not_exists = index.if_not_exists;
      out.only = index.relation != nullptr && !index.relation->inh;
      NoteLongName(out.index_name, out);
      break;
    }
    case PG_QUERY__NODE__NODE_DROP_STMT:
      TranslateDrop(*node.drop_stmt, out);
      break;
    case PG_QUERY__NODE__NODE_REINDEX_STMT: {
      const PgQuery__ReindexStmt& reindex = *node.reindex_stmt;
      out.kind = StatementKind::kReindex;
      switch (reindex.kind) {
        case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_INDEX:
          out.object = ObjectKind::kIndex;
          break;
        case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_TABLE:
          out.object = ObjectKind::kTable;
          break;
        case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_SCHEMA:
          out.object = ObjectKind::kSchema;
          break;
        case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_DATABASE:
          out.object = ObjectKind::kDatabase;
          break;
        default:  // SYSTEM
          out.object = ObjectKind::kOther;
          break;
      }
      out.relation = reindex.relation != nullptr ? NameOf(reindex.relation)
                                                 : QualifiedName{{}, Str(reindex.name)};
      out.concurrent = HasTrueOption(reindex.params, reindex.n_params, "concurrently");
      break;
    }
    case PG_QUERY__NODE__NODE_RENAME_STMT:
      TranslateRename(*node.rename_stmt, out);
      break;
    case PG_QUERY__NODE__NODE_VACUUM_STMT: {
      const PgQuery__VacuumStmt& vacuum = *node.vacuum_stmt;
      out.kind = vacuum.is_vacuumcmd ? StatementKind::kVacuum : StatementKind::kOther;
      out.vacuum_full = HasTrueOption(vacuum.options, vacuum.n_options, "full");
      AddRelations(vacuum.rels, vacuum.n_rels, out);
      break;
    }
    case PG_QUERY__NODE__NODE_CLUSTER_STMT:
      out.kind = StatementKind::kCluster;
      out.relation = NameOf(node.cluster_stmt->relation);
      break;
    case PG_QUERY__NODE__NODE_REFRESH_MAT_VIEW_STMT:
      out.kind = StatementKind::kRefreshMatView;
      out.relation = NameOf(node.refresh_mat_view_stmt->relation);
      out.concurrent = node.refresh_mat_view_stmt->concurrent;
      out.with_no_data = node.refresh_mat_view_stmt->skip_data;
      break;
    case PG_QUERY__NODE__NODE_LOCK_STMT:
      out.kind = StatementKind::kLockTable;
      AddRelations(node.lock_stmt->relations, node.lock_stmt->n_relations, out);
      out.lock_mode = LockModeName(node.lock_stmt->mode);
      break;
    case PG_QUERY__NODE__NODE_TRUNCATE_STMT:
      out.kind = StatementKind::kTruncate;
      AddRelations(node.truncate_stmt->relations, node.truncate_stmt->n_relations, out);
      out.cascade = node.truncate_stmt->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
      break;
    case PG_QUERY__NODE__NODE_CREATEDB_STMT:
      out.kind = StatementKind::kCreateDatabase;
      break;
    case PG_QUERY__NODE__NODE_DROPDB_STMT:
      out.kind = StatementKind::kDropDatabase;
      out.object = ObjectKind::kDatabase;
      out.relation.name = Str(node.dropdb_stmt->dbname);
      break;
    case PG_QUERY__NODE__NODE_VARIABLE_SET_STMT:
      TranslateSet(*node.variable_set_stmt, out);
      break;
    case PG_QUERY__NODE__NODE_TRANSACTION_STMT:
      out.kind = StatementKind::kTransaction;
      out.transaction = TransactionKindOf(node.transaction_stmt->kind);
      break;
    case PG_QUERY__NODE__NODE_INSERT_STMT:
      out.kind = StatementKind::kInsert;
      out.relation = NameOf(node.insert_stmt->relation);
      break;
    case PG_QUERY__NODE__NODE_UPDATE_STMT:
      out.kind = StatementKind::kUpdate;
      out.relation = NameOf(node.update_stmt->relation);
      out.has_where = node.update_stmt->where_clause != nullptr;
      break;
    case PG_QUERY__NODE__NODE_DELETE_STMT:
      out.kind = StatementKind::kDelete;
      out.relation = NameOf(node.delete_stmt->relation);
      out.has_where = node.delete_stmt->where_clause != nullptr;
      break;
    case PG_QUERY__NODE__NODE_MERGE_STMT:
      out.kind = StatementKind::kMerge;
      out.relation = NameOf(node.merge_stmt->relation);
      break;
    case PG_QUERY__NODE__NODE_SELECT_STMT:
      out.kind = node.select_stmt->into_clause != nullptr ? StatementKind::kCreateTableAs
                                                          : StatementKind::kSelect;
      if (node.select_stmt->into_clause != nullptr) {
        out.relation = NameOf(node.select_stmt->into_clause->rel);
      }
      CollectSetConfig(node, out);
      break;
    case PG_QUERY__NODE__NODE_COPY_STMT:
      out.kind = StatementKind::kCopy;
      out.relation = NameOf(node.copy_stmt->relation);
      break;
    case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT:
      TranslateEnum(*node.alter_enum_stmt, out);
      break;
    case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT:
      out.kind = StatementKind::kCreateEnum;
      out.relation =
          NameOfList(node.create_enum_stmt->type_name, node.create_enum_stmt->n_type_name);
      NoteLongName(out.relation.name, out);
      break;
    case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT: {
      const PgQuery__CreateDomainStmt& domain = *node.create_domain_stmt;
      out.kind = StatementKind::kCreateDomain;
      out.relation = NameOfList(domain.domainname, domain.n_domainname);
      AddConstraintNodes(domain.constraints, domain.n_constraints, out);
      break;
    }
    case PG_QUERY__NODE__NODE_ALTER_DOMAIN_STMT: {
      const PgQuery__AlterDomainStmt& domain = *node.alter_domain_stmt;
      out.kind = StatementKind::kAlterDomain;
      out.relation = NameOfList(domain.type_name, domain.n_type_name);
      if (Str(domain.subtype) == "C" && domain.def != nullptr)
        AddConstraintNodes(&domain.def, 1, out);
      break;
    }
    case PG_QUERY__NODE__NODE_DO_STMT:
      out.kind = StatementKind::kDo;
      out.opaque_body = true;
      break;
    case PG_QUERY__NODE__NODE_CALL_STMT:
      out.opaque_body = true;
      break;
    case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT:
      out.kind = StatementKind::kCreateFunction;
      out.relation =
          NameOfList(node.create_function_stmt->funcname, node.create_function_stmt->n_funcname);
      break;
    case PG_QUERY__NODE__NODE_VIEW_STMT:
      out.kind = StatementKind::kCreateView;
      out.relation = NameOf(node.view_stmt->view);
      NoteLongName(out.relation.name, out);
      break;
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT: {
      const PgQuery__CreateTableAsStmt& create = *node.create_table_as_stmt;
      out.kind = StatementKind::kCreateTableAs;
      out.object = ObjectKindOf(create.objtype);
      out.if_not_exists = create.if_not_exists;
      if (create.into != nullptr) {
        out.relation = NameOf(create.into->rel);
        out.with_no_data = create.into->skip_data;
      }
      NoteLongName(out.relation.name, out);
      break;
    }
    case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT:
      out.kind = StatementKind::kCreateTrigger;
      out.relation = NameOf(node.create_trig_stmt->relation);
      break;
    case PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT:
      out.kind = StatementKind::kCreateSchema;
      out.relation.name = Str(node.create_schema_stmt->schemaname);  // empty: AUTHORIZATION role
      NoteLongName(out.relation.name, out);
      break;
    case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT:
      out.kind = StatementKind::kCreateSequence;
      out.relation = NameOf(node.create_seq_stmt->sequence);
      NoteLongName(out.relation.name, out);
      break;
    case PG_QUERY__NODE__NODE_CREATE_EXTENSION_STMT:
      out.kind = StatementKind::kCreateExtension;
      break;
    case PG_QUERY__NODE__NODE_COMMENT_STMT:
      out.kind = StatementKind::kComment;
      out.object = ObjectKindOf(node.comment_stmt->objtype);
      break;
    case PG_QUERY__NODE__NODE_GRANT_STMT:
      out.kind = StatementKind::kGrant;
      break;
    default:
      out.kind = StatementKind::kOther;
      break;
  }
}

void CollectStringLiterals(const PgQuery__Node& node, ParsedStatement& out) {
  Walk(&node.base, [&](const ProtobufCMessage& message) {
    if (message.descriptor == &pg_query__a__const__descriptor) {
      const auto& constant = reinterpret_cast<const PgQuery__AConst&>(message);
      if (constant.val_case == PG_QUERY__A__CONST__VAL_SVAL) {
        out.string_literals.push_back(Str(constant.sval->sval));
      }
    }
    return true;
  });
}

}  // namespace strata::sql::tree
