#include "engine/prepared_plan.h"

#include <fmt/format.h>

#include "source/directory_reader.h"

namespace strata::engine {

namespace {

// `text` starts on file line `first_line`.
Result<std::vector<Statement>> SplitText(const Driver& driver, const model::Migration& m,
                                         const std::string& text, int first_line) {
  auto split = driver.Split(text);
  if (!split.ok()) {
    Status status = split.status();
    ErrorContext& ctx = status.mutable_context();
    ctx.migration_id = m.id;
    ctx.file = m.path;
    ctx.line = ctx.line > 0 ? first_line + ctx.line - 1 : first_line;
    return status;
  }
  std::vector<Statement> statements = std::move(split).value();
  for (Statement& st : statements) st.line += first_line - 1;
  Status checked = driver.CheckStatements(statements, m.transactional);
  if (!checked.ok()) {
    checked.mutable_context().migration_id = m.id;
    checked.mutable_context().file = m.path;
    return checked;
  }
  return statements;
}

}  // namespace

Result<std::vector<Statement>> SplitPart(const Driver& driver, const model::Migration& m,
                                         const model::MigrationBody& body, Direction direction) {
  const bool up = direction == Direction::kUp;
  if (!up && !body.down_sql) {
    return Status(Code::kUnsupported,
                  fmt::format("migration '{}' has no down part, so it cannot be reverted", m.id));
  }
  return up ? SplitText(driver, m, body.up_sql, body.up_line)
            : SplitText(driver, m, *body.down_sql, body.down_line);
}

Result<std::vector<Statement>> SplitVerifyPart(const Driver& driver, const model::Migration& m,
                                               const model::MigrationBody& body) {
  if (!body.verify_sql) return std::vector<Statement>{};
  return SplitText(driver, m, *body.verify_sql, body.verify_line);
}

Result<std::vector<PreparedStep>> PrepareSteps(const Driver& driver,
                                               const model::RevisionGraph& graph,
                                               const std::vector<PlanStep>& plan,
                                               bool single_transaction) {
  std::vector<PreparedStep> prepared;
  prepared.reserve(plan.size());
  for (const PlanStep& step : plan) {
    const model::Migration& m = graph.at(static_cast<size_t>(graph.IndexOf(step.migration_id)));
    if (step.direction == Direction::kDown && !m.has_down) {
      Status status(Code::kUnsupported,
                    fmt::format("migration '{}' has no down part, so it cannot be reverted", m.id));
      status.mutable_context().migration_id = m.id;
      status.mutable_context().file = m.path;
      return status;
    }
    if (single_transaction && !m.transactional) {
      return Status(Code::kUnsupported,
                    fmt::format("--single-transaction cannot include '{}': it is marked "
                                "-- strata:no-transaction",
                                m.id));
    }
    STRATA_ASSIGN_OR_RETURN(model::MigrationBody body, source::LoadMigrationBody(m));
    STRATA_ASSIGN_OR_RETURN(std::vector<Statement> statements,
                            SplitPart(driver, m, body, step.direction));
    std::vector<Statement> verify;
    if (step.direction == Direction::kUp) {
      STRATA_ASSIGN_OR_RETURN(verify, SplitVerifyPart(driver, m, body));
    }
    prepared.push_back({step, &m, std::move(statements), {}, std::move(verify)});
  }
  return prepared;
}

}  // namespace strata::engine
