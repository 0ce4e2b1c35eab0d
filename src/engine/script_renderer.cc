#include "engine/script_renderer.h"

#include <fmt/format.h>

namespace strata::engine {

namespace {

void AppendStatement(std::string& out, const std::string& text) {
  out += text;
  // A trailing line comment would swallow the semicolon.
  size_t last_line = text.rfind('\n');
  bool comment_at_end =
      text.find("--", last_line == std::string::npos ? 0 : last_line) != std::string::npos;
  out += comment_at_end ? "\n;\n" : ";\n";
}

// Rows are chained in memory as if appended, so the script's ledger stays a
// valid chain when run by hand.
std::string LedgerRow(const Driver& driver, LedgerWriter& ledger, const PreparedStep& step,
                      LedgerEvent event) {
  LedgerEntry row = ledger.Next(*step.migration, event, step.step.direction);
  ledger.Stage(row);
  return driver.LedgerInsertSql(row) + "\n";
}

}  // namespace

std::string RenderScript(const Driver& driver, LedgerWriter& ledger,
                         const std::vector<PreparedStep>& steps, bool single_transaction) {
  std::string out =
      fmt::format("-- strata: {} step(s) for {}\n", steps.size(), driver.redacted_url());
  if (steps.empty()) return out;
  out += driver.LedgerDdlSql() + "\n";
  if (single_transaction) out += driver.BeginSql() + "\n";
  for (const PreparedStep& step : steps) {
    out +=
        fmt::format("\n-- {} {} ({})\n", step.step.direction == Direction::kUp ? "apply" : "revert",
                    step.migration->id, step.migration->path);
    const LedgerEvent done =
        step.step.direction == Direction::kUp ? LedgerEvent::kApplied : LedgerEvent::kReverted;
    const bool own_tx = step.migration->transactional && !single_transaction;
    if (!step.migration->transactional) {
      out += LedgerRow(driver, ledger, step, LedgerEvent::kStarted);
    }
    if (own_tx) out += driver.BeginSql() + "\n";
    for (const Statement& st : step.statements) AppendStatement(out, st.text);
    if (!step.verify.empty()) {
      // The statements run where strata runs them, but a script cannot judge
      // a query's answer: whoever runs it by hand checks those.
      out += "-- strata:verify (checked by strata up, not by this script)\n";
      for (const Statement& st : step.verify) AppendStatement(out, st.text);
    }
    out += LedgerRow(driver, ledger, step, done);
    if (own_tx) out += driver.CommitSql() + "\n";
  }
  if (single_transaction) out += driver.CommitSql() + "\n";
  return out;
}

}  // namespace strata::engine
