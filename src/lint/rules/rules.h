// What every rule file needs. A rule file defines one Rule in an anonymous
// namespace and one factory, `std::unique_ptr<Rule> MakeRuleName()`, which
// its registry file declares and adds.
#pragma once

#include <fmt/format.h>

#include <memory>
#include <string>

#include "lint/lint_state.h"
#include "lint/rule.h"
#include "sql/pg_statement.h"

namespace strata::lint {

using sql::AlterKind;
using sql::ConstraintKind;
using sql::ObjectKind;
using sql::StatementKind;

}  // namespace strata::lint
