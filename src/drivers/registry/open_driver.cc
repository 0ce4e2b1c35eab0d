// OpenDriver: picks a driver by URL scheme. The only place that knows every
// driver; the engine sees just strata/driver.h.
#include <fmt/format.h>

#include "base/strings.h"
#include "drivers/postgres/postgres_driver.h"
#include "drivers/sqlite/sqlite_driver.h"
#include "sql/statement_text.h"
#include "strata/driver.h"

namespace strata {

namespace {

// scheme://user:password@host... -> scheme://user:***@host...
std::string RedactUserInfo(std::string_view url, size_t authority) {
  size_t end = url.find_first_of("/?#", authority);
  std::string_view auth =
      url.substr(authority, end == std::string_view::npos ? url.npos : end - authority);
  size_t at = auth.rfind('@');
  if (at == std::string_view::npos) return std::string(url);
  size_t colon = auth.substr(0, at).find(':');
  if (colon == std::string_view::npos) return std::string(url);
  return std::string(url.substr(0, authority + colon + 1)) + "***" +
         std::string(url.substr(authority + at));
}

}  // namespace

std::string RedactUrl(std::string_view url) {
  size_t scheme = url.find("://");
  std::string out =
      scheme == std::string_view::npos ? std::string(url) : RedactUserInfo(url, scheme + 3);
  // A password may also come as a parameter: ...?password=secret, or
  // "host=h password=secret" in libpq's keyword/value form.
  for (size_t p = out.find("password="); p != std::string::npos; p = out.find("password=", p + 1)) {
    size_t value = p + 9;
    size_t stop = out.find_first_of("&# ", value);
    out.replace(value, (stop == std::string::npos ? out.size() : stop) - value, "***");
  }
  return out;
}

Result<std::unique_ptr<Driver>> OpenDriver(const std::string& url, const DriverOptions& options) {
  if (!sql::IsPlainIdentifier(options.ledger_table)) {
    return Status(Code::kInvalidArgument,
                  fmt::format("invalid ledger table name '{}': use letters, digits and '_'",
                              options.ledger_table));
  }
  if (base::StartsWith(url, "sqlite:")) {
    std::string path = url.substr(7);
    if (base::StartsWith(path, "//")) path = path.substr(2);  // sqlite:///abs or sqlite://rel
    return drivers::OpenSqlite(path, options);
  }
  std::string scheme = url.substr(0, url.find(':'));
  // libpq's keyword/value form ("host=db user=app dbname=shop") has no scheme.
  bool conninfo = url.find("://") == std::string::npos && url.find('=') != std::string::npos;
  if (scheme == "postgres" || scheme == "postgresql" || conninfo) {
    return drivers::OpenPostgres(url, options);
  }
  return Status(
      Code::kInvalidArgument,
      fmt::format("unsupported database URL '{}' (expected sqlite:PATH or postgres://...)",
                  RedactUrl(url)));
}

}  // namespace strata
