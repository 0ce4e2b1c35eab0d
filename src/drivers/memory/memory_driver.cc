#include "drivers/memory/memory_driver.h"

#include "sql/ledger_sql.h"
#include "sql/statement_text.h"

namespace strata::drivers {

namespace {

class MemoryDriver final : public Driver {
 public:
  explicit MemoryDriver(std::shared_ptr<MemoryDatabase> db) : db_(std::move(db)) {}

  std::string_view dialect() const override { return "memory"; }
  std::string redacted_url() const override { return "memory:"; }

  Result<std::vector<Statement>> Split(std::string_view script) const override {
    std::vector<Statement> out;
    size_t start = 0;
    for (size_t i = 0; i <= script.size(); ++i) {
      if (i < script.size() && script[i] != ';') continue;
      Statement st = sql::MakeStatement(script, start, i == script.size() ? i : i + 1);
      if (!st.text.empty()) out.push_back(std::move(st));
      start = i + 1;
    }
    return out;
  }

  Status Execute(std::string_view sql) override {
    if (!db_->fail_on.empty() && sql.find(db_->fail_on) != std::string_view::npos) {
      return Status(Code::kSqlError, db_->fail_message);
    }
    (in_tx_ ? pending_statements_ : db_->executed).emplace_back(sql);
    return Status::Ok();
  }
  Result<std::vector<Row>> Query(std::string_view) override { return std::vector<Row>{}; }
  Result<FirstRow> QueryFirstRow(std::string_view sql) override {
    STRATA_RETURN_IF_ERROR(Execute(sql));
    FirstRow first;
    for (const auto& [needle, rows] : db_->query_rows) {
      if (sql.find(needle) == std::string_view::npos) continue;
      first.has_result_set = true;
      if (!rows.empty()) first.row = rows.front();
      break;
    }
    return first;
  }

  Status Begin() override {
    if (in_tx_) return Status(Code::kInternal, "nested transaction");
    in_tx_ = true;
    return Status::Ok();
  }
  Status Commit() override {
    for (std::string& s : pending_statements_) db_->executed.push_back(std::move(s));
    for (LedgerEntry& e : pending_ledger_) db_->ledger.push_back(std::move(e));
    Clear();
    return Status::Ok();
  }
  Status Rollback() override {
    Clear();
    return Status::Ok();
  }

  Status Lock(std::chrono::milliseconds, const LockWaitCallback&) override {
    if (db_->locked && !holds_lock_) return Status(Code::kLockTimeout, "memory database is locked");
    db_->locked = holds_lock_ = true;
    return Status::Ok();
  }
  Status Unlock() override {
    if (holds_lock_) db_->locked = holds_lock_ = false;
    return Status::Ok();
  }

  Status EnsureLedger() override { return Status::Ok(); }
  Result<std::vector<LedgerEntry>> ReadLedger() override { return db_->ledger; }
  Status AppendLedger(const LedgerEntry& entry) override {
    if (db_->fail_ledger_after == 0) return Status(Code::kSqlError, "injected ledger failure");
    if (db_->fail_ledger_after > 0) --db_->fail_ledger_after;
    (in_tx_ ? pending_ledger_ : db_->ledger).push_back(entry);
    return Status::Ok();
  }
  std::string LedgerDdlSql() const override { return "-- memory ledger"; }
  std::string LedgerInsertSql(const LedgerEntry& entry) const override {
    return sql::RenderLedgerInsert("memory_ledger", entry);
  }
  Status Sync() override {
    ++db_->syncs;
    return Status::Ok();
  }

  ~MemoryDriver() override { (void)Unlock(); }

 private:
  void Clear() {
    pending_statements_.clear();
    pending_ledger_.clear();
    in_tx_ = false;
  }

  std::shared_ptr<MemoryDatabase> db_;
  bool in_tx_ = false;
  bool holds_lock_ = false;
  std::vector<std::string> pending_statements_;
  std::vector<LedgerEntry> pending_ledger_;
};

}  // namespace

std::unique_ptr<Driver> MakeMemoryDriver(std::shared_ptr<MemoryDatabase> database) {
  return std::make_unique<MemoryDriver>(std::move(database));
}

}  // namespace strata::drivers
