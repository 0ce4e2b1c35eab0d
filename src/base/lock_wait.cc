#include "base/lock_wait.h"

#include <fmt/format.h>

#include <algorithm>
#include <thread>

namespace strata::base {

Status WaitForLock(std::chrono::milliseconds timeout, std::string_view what,
                   const std::function<Result<LockAttempt>()>& attempt,
                   const std::function<void(const std::string&)>& on_wait,
                   std::chrono::milliseconds first_pause, std::chrono::milliseconds max_pause) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  auto pause = first_pause;
  bool told = false;
  for (;;) {
    STRATA_ASSIGN_OR_RETURN(LockAttempt result, attempt());
    if (result.taken) return Status::Ok();
    if (std::chrono::steady_clock::now() >= deadline) {
      return Status(Code::kLockTimeout, fmt::format("{} stayed taken for longer than {} ms: {}",
                                                    what, timeout.count(), result.holder));
    }
    if (!told && on_wait) {
      on_wait(result.holder);
      told = true;
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, max_pause);
  }
}

}  // namespace strata::base
