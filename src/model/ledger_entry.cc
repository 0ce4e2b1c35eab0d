#include "strata/ledger_entry.h"

#include <array>
#include <utility>

namespace strata {

namespace {
constexpr std::array<std::pair<LedgerEvent, const char*>, 8> kEventNames = {{
    {LedgerEvent::kApplied, "applied"},
    {LedgerEvent::kReverted, "reverted"},
    {LedgerEvent::kStamped, "stamped"},
    {LedgerEvent::kUnstamped, "unstamped"},
    {LedgerEvent::kStarted, "started"},
    {LedgerEvent::kFailed, "failed"},
    {LedgerEvent::kRepairedApplied, "repaired_applied"},
    {LedgerEvent::kRepairedReverted, "repaired_reverted"},
}};
}  // namespace

const char* DirectionName(Direction direction) {
  return direction == Direction::kUp ? "up" : "down";
}

const char* LedgerEventName(LedgerEvent event) {
  for (const auto& [value, name] : kEventNames) {
    if (value == event) return name;
  }
  return "unknown";
}

std::optional<LedgerEvent> ParseLedgerEvent(std::string_view name) {
  for (const auto& [value, text] : kEventNames) {
    if (name == text) return value;
  }
  return std::nullopt;
}

std::optional<Direction> ParseDirection(std::string_view name) {
  if (name == "up") return Direction::kUp;
  if (name == "down") return Direction::kDown;
  return std::nullopt;
}

}  // namespace strata
