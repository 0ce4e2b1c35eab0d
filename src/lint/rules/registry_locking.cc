#include "lint/rules/registry.h"

namespace strata::lint {

std::unique_ptr<Rule> MakeIndexNotConcurrent();
std::unique_ptr<Rule> MakeDropIndexNotConcurrent();
std::unique_ptr<Rule> MakeReindexNotConcurrent();
std::unique_ptr<Rule> MakeConcurrentInTransaction();
std::unique_ptr<Rule> MakeAddFkValidating();
std::unique_ptr<Rule> MakeAddCheckValidating();
std::unique_ptr<Rule> MakeValidateSameTx();
std::unique_ptr<Rule> MakeSetNotNull();
std::unique_ptr<Rule> MakeAddColumnRequired();
std::unique_ptr<Rule> MakeAddColumnVolatileDefault();
std::unique_ptr<Rule> MakeAddColumnSerial();
std::unique_ptr<Rule> MakeAddColumnIdentity();
std::unique_ptr<Rule> MakeAddColumnGeneratedStored();
std::unique_ptr<Rule> MakeChangeColumnType();
std::unique_ptr<Rule> MakeAddUniqueConstraint();
std::unique_ptr<Rule> MakeAddPrimaryKey();
std::unique_ptr<Rule> MakeAddExclusionConstraint();
std::unique_ptr<Rule> MakeDetachPartitionNotConcurrent();
std::unique_ptr<Rule> MakeAttachPartitionScan();
std::unique_ptr<Rule> MakeMissingLockTimeout();

// Hazards 1-19 and 24, in the order of shared/lint-hazards.md.
void AddLockingRules(RuleList& rules) {
  rules.push_back(MakeIndexNotConcurrent());
  rules.push_back(MakeDropIndexNotConcurrent());
  rules.push_back(MakeReindexNotConcurrent());
  rules.push_back(MakeConcurrentInTransaction());
  rules.push_back(MakeAddFkValidating());
  rules.push_back(MakeAddCheckValidating());
  rules.push_back(MakeValidateSameTx());
  rules.push_back(MakeSetNotNull());
  rules.push_back(MakeAddColumnRequired());
  rules.push_back(MakeAddColumnVolatileDefault());
  rules.push_back(MakeAddColumnSerial());
  rules.push_back(MakeAddColumnIdentity());
  rules.push_back(MakeAddColumnGeneratedStored());
  rules.push_back(MakeChangeColumnType());
  rules.push_back(MakeAddUniqueConstraint());
  rules.push_back(MakeAddPrimaryKey());
  rules.push_back(MakeAddExclusionConstraint());
  rules.push_back(MakeDetachPartitionNotConcurrent());
  rules.push_back(MakeAttachPartitionScan());
  rules.push_back(MakeMissingLockTimeout());
}

}  // namespace strata::lint
