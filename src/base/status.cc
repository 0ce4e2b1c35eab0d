#include "strata/status.h"

#include <fmt/format.h>

namespace strata {

const char* CodeName(Code code) {
  switch (code) {
    case Code::kOk:
      return "ok";
    case Code::kInvalidArgument:
      return "invalid_argument";
    case Code::kNotFound:
      return "not_found";
    case Code::kIoError:
      return "io_error";
    case Code::kInvalidMigrations:
      return "invalid_migrations";
    case Code::kMultipleHeads:
      return "multiple_heads";
    case Code::kHistoryChanged:
      return "history_changed";
    case Code::kSqlError:
      return "sql_error";
    case Code::kLockTimeout:
      return "lock_timeout";
    case Code::kDirty:
      return "dirty";
    case Code::kLedgerCorrupt:
      return "ledger_corrupt";
    case Code::kConnection:
      return "connection";
    case Code::kUnsupported:
      return "unsupported";
    case Code::kUnsafeMigration:
      return "unsafe_migration";
    case Code::kInternal:
      return "internal";
    case Code::kVerifyFailed:
      return "verify_failed";
  }
  return "unknown";
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  std::string out;
  if (!context_.file.empty()) {
    out = context_.file;
    if (context_.line > 0) out += fmt::format(":{}", context_.line);
    if (context_.column > 0) out += fmt::format(":{}", context_.column);
    out += ": ";
  }
  out += fmt::format("{}: {}", CodeName(code_), message_);
  for (const Problem& p : problems_) {
    out += fmt::format("\n  {}:{}: {}", p.file, p.line, p.message);
  }
  return out;
}

}  // namespace strata
