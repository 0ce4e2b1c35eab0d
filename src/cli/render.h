// Text and JSON rendering, and the one place that maps error codes to exit
// codes. Nothing here decides anything about migrations.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
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
int ReportError(const Status& status, bool json);

void PrintJson(const nlohmann::json& document);

// Renders engine events as progress lines on stdout (text mode only).
EventListener TextProgress();

nlohmann::json PlanToJson(const std::vector<PlanStep>& plan);
nlohmann::json LedgerEntryToJson(const LedgerEntry& entry);
nlohmann::json StatusToJson(const StatusReport& report);

std::string DescribeStep(const PlanStep& step);

}  // namespace strata::cli
