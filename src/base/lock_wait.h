// The wait every migration lock shares (SQLite's file lock, PostgreSQL's
// advisory lock and lease): try; while someone else holds it, say who (once),
// back off, and give up at the deadline with kLockTimeout naming the holder.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

#include "strata/result.h"

namespace strata::base {

struct LockAttempt {
  bool taken = false;
  std::string holder;  // who has it, when not taken
};

// `attempt` is called until it takes the lock or fails; `what` names the lock
// in the timeout message ("the migration lock on 'app.db'"). The pause between
// attempts doubles from `first_pause` up to `max_pause`.
Status WaitForLock(std::chrono::milliseconds timeout, std::string_view what,
                   const std::function<Result<LockAttempt>()>& attempt,
                   const std::function<void(const std::string&)>& on_wait,
                   std::chrono::milliseconds first_pause = std::chrono::milliseconds(20),
                   std::chrono::milliseconds max_pause = std::chrono::milliseconds(500));

}  // namespace strata::base
