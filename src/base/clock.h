// Wall-clock and elapsed-time helpers.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace strata::base {

// Now in UTC as "2026-11-21T23:12:28.123Z".
std::string UtcTimestamp();

// Milliseconds since `start` on the steady clock.
int64_t MillisSince(std::chrono::steady_clock::time_point start);

}  // namespace strata::base
