// strata/result.h: Result<T>, a value or a failed Status (g++ 12 has no
// std::expected). Accessing value() of a failed Result is a programming error.
#pragma once

#include <cassert>
#include <optional>
#include <utility>

#include "strata/status.h"

namespace strata {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    assert(!status_.ok() && "a Result built from a Status must carry an error");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  T& value() & {
    assert(ok());
    return *value_;
  }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace strata

// Propagate a failed Status from an expression returning Status.
#define STRATA_RETURN_IF_ERROR(expr)                 \
  do {                                               \
    ::strata::Status strata_status_ = (expr);        \
    if (!strata_status_.ok()) return strata_status_; \
  } while (0)

#define STRATA_CONCAT_INNER(a, b) a##b
#define STRATA_CONCAT(a, b) STRATA_CONCAT_INNER(a, b)

// Declare `lhs` from a Result expression, or return its Status on failure.
#define STRATA_ASSIGN_OR_RETURN(lhs, expr)                   \
  auto STRATA_CONCAT(strata_result_, __LINE__) = (expr);     \
  if (!STRATA_CONCAT(strata_result_, __LINE__).ok())         \
    return STRATA_CONCAT(strata_result_, __LINE__).status(); \
  lhs = std::move(STRATA_CONCAT(strata_result_, __LINE__)).value()
