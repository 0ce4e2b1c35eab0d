#include "drivers/postgres/pg_connection.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "base/strings.h"

namespace strata::drivers::pg {

namespace {
std::string Field(const PGresult* r, int code) {
  const char* value = r ? PQresultErrorField(r, code) : nullptr;
  return value ? value : "";
}
}  // namespace

Status ResultError(const PGresult* result, PGconn* conn, std::string_view query) {
  std::string message = Field(result, PG_DIAG_MESSAGE_PRIMARY);
  if (message.empty()) {
    message = std::string(base::Trim(conn ? PQerrorMessage(conn) : "connection lost"));
  }
  if (message.empty()) message = "the server reported an error";
  Status status(Code::kSqlError, message);
  ErrorContext& ctx = status.mutable_context();
  ctx.sqlstate = Field(result, PG_DIAG_SQLSTATE);
  ctx.detail = Field(result, PG_DIAG_MESSAGE_DETAIL);
  ctx.hint = Field(result, PG_DIAG_MESSAGE_HINT);
  std::string position = Field(result, PG_DIAG_STATEMENT_POSITION);
  if (!position.empty()) {
    // The server counts characters from 1; strata's texts are UTF-8, so walk
    // code points to find the byte offset.
    long chars = std::strtol(position.c_str(), nullptr, 10) - 1;
    size_t offset = 0;
    while (offset < query.size() && chars > 0) {
      ++offset;
      while (offset < query.size() && (static_cast<unsigned char>(query[offset]) & 0xC0) == 0x80) {
        ++offset;
      }
      --chars;
    }
    auto pos = base::PositionOf(query, offset);
    ctx.line = pos.line;
    ctx.column = pos.column;
  }
  return status;
}

Outcome Exec(PGconn* conn, const std::string& sql, const std::vector<std::string>& params) {
  Outcome out;
  if (params.empty()) {
    out.result.reset(PQexec(conn, sql.c_str()));
  } else {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const std::string& p : params) values.push_back(p.c_str());
    out.result.reset(PQexecParams(conn, sql.c_str(), static_cast<int>(values.size()), nullptr,
                                  values.data(), nullptr, nullptr, 0));
  }
  ExecStatusType st = out.result ? PQresultStatus(out.result.get()) : PGRES_FATAL_ERROR;
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_EMPTY_QUERY) {
    out.status = ResultError(out.result.get(), conn, sql);
  }
  return out;
}

PipelineOutcome ExecPipeline(PGconn* conn, const std::vector<Query>& queries) {
  PipelineOutcome out;
  if (PQenterPipelineMode(conn) != 1) {
    out.status = Status(Code::kConnection, "cannot enter pipeline mode");
    return out;
  }
  size_t sent = 0;
  for (const Query& q : queries) {
    std::vector<const char*> values;
    for (const std::string& p : q.params) values.push_back(p.c_str());
    if (PQsendQueryParams(conn, q.sql.c_str(), static_cast<int>(values.size()), nullptr,
                          values.empty() ? nullptr : values.data(), nullptr, nullptr, 0) != 1) {
      break;
    }
    ++sent;
  }
  PQpipelineSync(conn);
  // One result (then a NULL separator) per query, then the sync point.
  size_t index = 0;
  for (;;) {
    ResultPtr r(PQgetResult(conn));
    if (!r) {
      // A lost connection yields NULL forever and never the sync point.
      if (PQstatus(conn) == CONNECTION_BAD) {
        if (out.failed < 0) {
          out.failed = static_cast<int>(std::min(index, sent > 0 ? sent - 1 : 0));
          out.status = ResultError(nullptr, conn, "");
        }
        break;
      }
      if (index < sent) ++index;  // end of one query's results
      continue;
    }
    ExecStatusType st = PQresultStatus(r.get());
    if (st == PGRES_PIPELINE_SYNC) break;
    if (st == PGRES_PIPELINE_ABORTED) continue;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_EMPTY_QUERY &&
        out.failed < 0) {
      out.failed = static_cast<int>(index);
      out.status = ResultError(r.get(), conn, queries[index].sql);
    }
  }
  if (sent < queries.size() && out.failed < 0) {
    out.failed = static_cast<int>(sent);
    out.status = Status(Code::kConnection, PQerrorMessage(conn));
  }
  PQexitPipelineMode(conn);
  return out;
}

// The password in a connection string, if any, so it can be scrubbed from
// libpq's messages as well as from the URL.
std::string PasswordOf(const std::string& url) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  PQfreemem(error);
  std::string password;
  for (PQconninfoOption* o = options; o != nullptr && o->keyword != nullptr; ++o) {
    if (std::strcmp(o->keyword, "password") == 0 && o->val != nullptr) password = o->val;
  }
  PQconninfoFree(options);
  return password;
}

// The password in "scheme://user:password@host", found by position alone,
// for URLs that libpq cannot parse.
std::string TextualPassword(std::string_view url) {
  size_t start = url.find("://");
  if (start == std::string_view::npos) return {};
  start += 3;
  size_t at = url.find('@', start);
  if (at == std::string_view::npos) return {};
  size_t colon = url.find(':', start);
  if (colon == std::string_view::npos || colon > at) return {};
  return std::string(url.substr(colon + 1, at - colon - 1));
}

Row RowAt(const PGresult* r, int i) {
  const int columns = PQnfields(r);
  Row row;
  row.reserve(columns);
  for (int c = 0; c < columns; ++c) {
    if (PQgetisnull(r, i, c)) {
      row.emplace_back(std::nullopt);
    } else {
      row.emplace_back(std::string(PQgetvalue(r, i, c), PQgetlength(r, i, c)));
    }
  }
  return row;
}

std::vector<Row> Rows(const PGresult* r) {
  std::vector<Row> rows;
  const int n = PQntuples(r);
  rows.reserve(n);
  for (int i = 0; i < n; ++i) rows.push_back(RowAt(r, i));
  return rows;
}

}  // namespace strata::drivers::pg
