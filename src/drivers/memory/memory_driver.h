// An in-memory Driver for fast engine tests with injected faults. It does not
// interpret SQL: it records the statements that "ran" and keeps a ledger.
// Transactions are modelled (a rollback discards the statements and ledger
// rows since Begin), so engine logic around failures can be checked exactly.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "strata/driver.h"

namespace strata::drivers {

// The state behind one or more MemoryDriver instances (one "database").
struct MemoryDatabase {
  std::vector<std::string> executed;  // committed statements, in order
  std::vector<LedgerEntry> ledger;    // committed ledger rows
  bool locked = false;
  int syncs = 0;
  // Fault injection: the statement whose text contains `fail_on` fails with
  // `fail_message` (once per matching statement, every time it is run).
  std::string fail_on;
  std::string fail_message = "injected failure";
  // Fails AppendLedger after this many successful appends (-1: never).
  int fail_ledger_after = -1;
  // QueryFirstRow: a statement whose text contains a key here is a query
  // returning those rows; any other statement is a command (no result set).
  // Either way it is recorded in `executed` like Execute's statements.
  std::map<std::string, std::vector<Row>> query_rows;
};

std::unique_ptr<Driver> MakeMemoryDriver(std::shared_ptr<MemoryDatabase> database);

}  // namespace strata::drivers
