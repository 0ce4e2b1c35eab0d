// Text and JSON rendering, and the one place that maps error codes to exit
// codes. Nothing here decides anything about migrations.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "strata/strata.h"

namespace strata::cli {

// Documented in README.md ("Exit codes").
enum ExitCode : int {
  kExitOk = 0,
  kExitError = 1,
  kExitUsage = 2,
  kExitValidation = 3,
  kExitLockTimeout = 4,
  kExitDirty = 5,
};

int ExitCodeFor(Code code);

// Prints the error (stderr for text; stdout as {"ok":false,...} for JSON) and
// returns its exit code.
// `extra` (JSON mode): more top-level fields for the error document, e.g. the
// lint findings that made `up` refuse.
int ReportError(const Status& status, bool json, const nlohmann::json& extra = nullptr);
// The error object of ReportError's JSON document, and its text (each line
// prefixed with `indent`), for reports that carry errors without failing.
nlohmann::json ErrorJson(const Status& status);
std::string ErrorText(const Status& status, std::string_view indent);

void PrintJson(const nlohmann::json& document);

// Renders engine events as progress lines on stdout (text mode only).
EventListener TextProgress();

// One lint finding: `file:line:col  severity  rule  message`, then why and
// the fix, indented (to stderr when `to_stderr`).
void PrintLintFinding(const LintFinding& finding, bool to_stderr = false);
nlohmann::json LintFindingJson(const LintFinding& finding);

nlohmann::json PlanToJson(const std::vector<PlanStep>& plan);
nlohmann::json LedgerEntryToJson(const LedgerEntry& entry);
nlohmann::json StatusToJson(const StatusReport& report);

std::string DescribeStep(const PlanStep& step);

}  // namespace strata::cli
