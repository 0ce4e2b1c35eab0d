// A plan with every statement split and positioned, ready to run or to print.
// Splitting happens before anything runs, so a statement the engine cannot
// split is reported with file:line while the database is still untouched.
#pragma once

#include <vector>

#include "model/revision_graph.h"
#include "strata/driver.h"
#include "strata/strata.h"

namespace strata::engine {

struct PreparedStep {
  PlanStep step;
  const model::Migration* migration = nullptr;
  std::vector<Statement> statements;  // lines are file lines
  // Recorded in the ledger row that completes the step (e.g. the lint
  // findings that --allow-unsafe let through).
  std::string note;
  // The `-- strata:verify` statements (lines are file lines), run after
  // `statements` and before the ledger row; up steps only.
  std::vector<Statement> verify;
};

// kInvalidMigrations (with file:line) when a part cannot be split; kUnsupported
// when a down step has no down part, or when `single_transaction` meets a
// no-transaction migration.
Result<std::vector<PreparedStep>> PrepareSteps(const Driver& driver,
                                               const model::RevisionGraph& graph,
                                               const std::vector<PlanStep>& plan,
                                               bool single_transaction);

// Splits one migration part and shifts the statement lines to file lines.
Result<std::vector<Statement>> SplitPart(const Driver& driver, const model::Migration& migration,
                                         const model::MigrationBody& body, Direction direction);

// The same for the verify part; empty when the migration has none.
Result<std::vector<Statement>> SplitVerifyPart(const Driver& driver,
                                               const model::Migration& migration,
                                               const model::MigrationBody& body);

}  // namespace strata::engine
