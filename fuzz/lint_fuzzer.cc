// libFuzzer target over the lint pipeline: the bytes are the text of one
// migration file. Each input goes through
//   ParseNativeMigration (the migration-file reader),
//   Linter::Lint on its up part (as `strata lint` / `strata up` do) and on
//     its down part as a plain script,
//   Linter::Lint on the whole text as a plain script, once per TxMode, with
//     and without live-table knowledge,
//   SplitPostgres and ParsePostgresScript on the whole text,
// and the results are checked for the invariants every caller relies on
// (positions inside the file, non-empty rule ids, statements in order, a
// syntax error pointing at the token it names, as many statements split as
// parsed).
// A violated invariant aborts, so the fuzzer reports it like a crash.
//
// Build and run: fuzz/run.sh SECONDS (or `make fuzz SECONDS=600`).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "lint/linter.h"
#include "model/checksum.h"
#include "source/native_format.h"
#include "sql/pg_splitter.h"
#include "sql/pg_statement.h"
#include "strata/lint.h"
#include "strata/status.h"

namespace {

using namespace strata;

[[noreturn]] void Fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "lint_fuzzer: invariant violated: %s: %s\n", what, detail.c_str());
  std::abort();
}

int LineCount(std::string_view text) {
  int lines = 1;
  for (char c : text) lines += c == '\n';
  return lines;
}

// Every finding names a rule and points inside the file: lines from 1 to the
// file's last line, columns from 1.
void CheckFindings(const std::vector<LintFinding>& findings, int file_lines) {
  for (const LintFinding& f : findings) {
    if (f.rule.empty()) Fail("finding without a rule id", f.message);
    if (f.message.empty()) Fail("finding without a message", f.rule);
    if (f.line < 1 || f.line > file_lines) {
      Fail("finding line outside the file",
           f.rule + " line " + std::to_string(f.line) + " of " + std::to_string(file_lines));
    }
    if (f.column < 1) Fail("finding column < 1", f.rule + " column " + std::to_string(f.column));
  }
}

std::vector<LintFinding> LintOnce(const LintOptions& options, const lint::LintInput& input) {
  lint::Linter linter(options);  // fresh per input: no state carried between runs
  return linter.Lint(input);
}

LintOptions LiveOptions() {
  LintOptions options;
  options.assume_lock_timeout = true;
  options.live_tables = std::map<std::string, TableEstimate>{
      {"public.users", {5'000'000}}, {"public.orders", {20'000'000}}, {"public.t", {1'000'000}},
      {"public.small", {10}},        {"app.users", {3'000'000}},
  };
  return options;
}

void LintMigration(std::string_view text) {
  std::vector<Problem> problems;
  model::ParsedMigration m =
      source::ParseNativeMigration("20250101T000000_fuzz", "fuzz.sql", text, problems);
  for (const Problem& p : problems) {
    if (p.message.empty()) Fail("problem without a message", p.file);
    if (p.line < 0) Fail("problem with a negative line", p.message);
  }
  if (!problems.empty()) return;
  if (m.up_line < 1) Fail("up part begins before line 1", std::to_string(m.up_line));

  // Positions refer to the lines of the file as the reader normalized it
  // (no BOM, LF line ends).
  const int file_lines = LineCount(model::NormalizeForChecksum(text));

  lint::LintInput up;
  up.path = m.path;
  up.migration_id = m.id;
  up.sql = m.up_sql;
  up.first_line = m.up_line;
  up.header = m.header;
  up.mode = m.transactional ? lint::TxMode::kWrapped : lint::TxMode::kNone;
  up.has_down = m.has_down;
  up.transactional = m.transactional;
  CheckFindings(LintOnce(LintOptions{}, up), file_lines);
  CheckFindings(LintOnce(LiveOptions(), up), file_lines);

  if (m.down_sql) {
    if (m.down_line < 1) Fail("down part begins before line 1", std::to_string(m.down_line));
    lint::LintInput down;
    down.path = m.path;
    down.sql = *m.down_sql;
    down.first_line = m.down_line;
    down.mode = up.mode;
    down.transactional = up.transactional;
    CheckFindings(LintOnce(LintOptions{}, down), file_lines);
  }
}

void LintScript(std::string_view text) {
  const int file_lines = LineCount(text);
  for (lint::TxMode mode : {lint::TxMode::kWrapped, lint::TxMode::kNone}) {
    lint::LintInput input;
    input.path = "fuzz.sql";
    input.sql = std::string(text);
    input.mode = mode;
    input.transactional = mode == lint::TxMode::kWrapped;
    CheckFindings(LintOnce(LintOptions{}, input), file_lines);
    CheckFindings(LintOnce(LiveOptions(), input), file_lines);
  }
}

// The byte offset of 1-based `line`:`column` in `text`.
size_t OffsetOf(std::string_view text, int line, int column) {
  size_t offset = 0;
  for (int l = 1; l < line; ++l) {
    const size_t end = text.find('\n', offset);
    if (end == std::string_view::npos) return std::string_view::npos;
    offset = end + 1;
  }
  return offset + static_cast<size_t>(column - 1);
}

// The statement model: a syntax error "at or near "TOKEN"" must point at
// TOKEN in the text (PostgreSQL counts positions in characters, strata in
// bytes); a script that parses splits into as many statements as it parses
// into (the engine runs what SplitPostgres cuts, lint checks what
// ParsePostgresScript reads).
void SplitAndParse(std::string_view text) {
  // libpg_query reads a C string: the script ends at the first NUL byte.
  const std::string_view script = text.substr(0, std::min(text.find('\0'), text.size()));
  auto split = sql::SplitPostgres(text);
  if (!split.ok() && split.status().message().empty()) Fail("split error without a message", "");
  if (split.ok()) {
    const int file_lines = LineCount(text);
    int last_line = 0;
    for (const Statement& s : *split) {
      if (s.text.empty()) Fail("empty statement", "");
      if (s.line < 1 || s.line > file_lines || s.column < 1) {
        Fail("statement position outside the script",
             std::to_string(s.line) + ":" + std::to_string(s.column));
      }
      if (s.line < last_line) Fail("statements out of order", s.text);
      last_line = s.line;
    }
  }

  auto parsed = sql::ParsePostgresScript(text);
  if (!parsed.ok()) {
    const std::string& message = parsed.status().message();
    static constexpr std::string_view kNear = "at or near \"";
    const size_t near = message.find(kNear);
    if (near == std::string::npos || message.back() != '"') return;
    const std::string token =
        message.substr(near + kNear.size(), message.size() - 1 - near - kNear.size());
    const size_t at =
        OffsetOf(script, parsed.status().context().line, parsed.status().context().column);
    if (at == std::string_view::npos || script.substr(at, token.size()) != token) {
      Fail("syntax error position does not point at its token",
           message + " reported at " + std::to_string(parsed.status().context().line) + ":" +
               std::to_string(parsed.status().context().column));
    }
    return;
  }
  for (const sql::ParsedStatement& s : *parsed) {
    if (s.offset < s.preamble || s.offset > script.size() || s.length > script.size() - s.offset) {
      Fail("parsed statement outside the script", s.node);
    }
  }
  if (split.ok() && split->size() != parsed->size()) {
    Fail("split and parse disagree on the statement count",
         std::to_string(split->size()) + " vs " + std::to_string(parsed->size()));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  LintMigration(text);
  LintScript(text);
  SplitAndParse(text);
  return 0;
}
