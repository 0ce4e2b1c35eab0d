#include "lint/rules/registry.h"

namespace strata::lint {

std::unique_ptr<Rule> MakeVacuumFullCluster();
std::unique_ptr<Rule> MakeRefreshMatviewBlocking();
std::unique_ptr<Rule> MakeTableRewriteAlter();
std::unique_ptr<Rule> MakeLockTableExplicit();
std::unique_ptr<Rule> MakeSlowStmtAfterExclusiveLock();
std::unique_ptr<Rule> MakeBackfillInMigration();
std::unique_ptr<Rule> MakeTruncateTable();
std::unique_ptr<Rule> MakeTruncateCascade();
std::unique_ptr<Rule> MakeDropTable();
std::unique_ptr<Rule> MakeDropColumn();
std::unique_ptr<Rule> MakeDropSchema();
std::unique_ptr<Rule> MakeDropDatabase();
std::unique_ptr<Rule> MakeRenameColumn();
std::unique_ptr<Rule> MakeRenameTable();
std::unique_ptr<Rule> MakeRenameSchema();
std::unique_ptr<Rule> MakeRenameEnumValue();
std::unique_ptr<Rule> MakeDropNotNull();
std::unique_ptr<Rule> MakeDropConstraint();
std::unique_ptr<Rule> MakeAddJsonColumn();
std::unique_ptr<Rule> MakeEnumValueSameTx();
std::unique_ptr<Rule> MakeDomainConstraint();
std::unique_ptr<Rule> MakePreferBigint();
std::unique_ptr<Rule> MakePreferIdentity();
std::unique_ptr<Rule> MakePreferText();
std::unique_ptr<Rule> MakeCharField();
std::unique_ptr<Rule> MakeTimestampWithoutTz();
std::unique_ptr<Rule> MakeIdentifierTooLong();
std::unique_ptr<Rule> MakeTransactionNesting();
std::unique_ptr<Rule> MakeUncommittedTransaction();

// Hazards 20-23 and 25-49, in the order of shared/lint-hazards.md (24,
// missing-lock-timeout, is registered with the locking rules).
void AddCompatibilityRules(RuleList& rules) {
  rules.push_back(MakeVacuumFullCluster());
  rules.push_back(MakeRefreshMatviewBlocking());
  rules.push_back(MakeTableRewriteAlter());
  rules.push_back(MakeLockTableExplicit());
  rules.push_back(MakeSlowStmtAfterExclusiveLock());
  rules.push_back(MakeBackfillInMigration());
  rules.push_back(MakeTruncateTable());
  rules.push_back(MakeTruncateCascade());
  rules.push_back(MakeDropTable());
  rules.push_back(MakeDropColumn());
  rules.push_back(MakeDropSchema());
  rules.push_back(MakeDropDatabase());
  rules.push_back(MakeRenameColumn());
  rules.push_back(MakeRenameTable());
  rules.push_back(MakeRenameSchema());
  rules.push_back(MakeRenameEnumValue());
  rules.push_back(MakeDropNotNull());
  rules.push_back(MakeDropConstraint());
  rules.push_back(MakeAddJsonColumn());
  rules.push_back(MakeEnumValueSameTx());
  rules.push_back(MakeDomainConstraint());
  rules.push_back(MakePreferBigint());
  rules.push_back(MakePreferIdentity());
  rules.push_back(MakePreferText());
  rules.push_back(MakeCharField());
  rules.push_back(MakeTimestampWithoutTz());
  rules.push_back(MakeIdentifierTooLong());
  rules.push_back(MakeTransactionNesting());
  rules.push_back(MakeUncommittedTransaction());
}

}  // namespace strata::lint
