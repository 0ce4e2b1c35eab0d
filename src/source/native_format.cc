#include "source/native_format.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/strings.h"
#include "model/checksum.h"

namespace strata::source {

namespace {

// Where one part's text lies in the file: from the line after its directive
// to the next part's directive (or the end of the file).
struct PartBounds {
  bool seen = false;
  size_t begin = 0;
  size_t end = 0;
};

// "-- strata:NAME ARGS" -> NAME and ARGS; false for any other line.
bool ParseDirective(std::string_view line, std::string_view& name, std::string_view& args) {
  line = base::Trim(line);
  if (!base::StartsWith(line, "--")) return false;
  std::string_view rest = base::Trim(line.substr(2));
  if (!base::StartsWith(rest, "strata:")) return false;
  rest.remove_prefix(7);
  size_t end = rest.find_first_of(" \t");
  name = rest.substr(0, end);
  args = end == std::string_view::npos ? std::string_view() : base::Trim(rest.substr(end));
  return true;
}

// True when the text holds something besides blanks and `--` comments.
bool HasSql(std::string_view text) {
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    std::string_view line = base::Trim(text.substr(pos, end - pos));
    if (!line.empty() && !base::StartsWith(line, "--")) return true;
    if (end == std::string_view::npos) break;
    pos = end + 1;
  }
  return false;
}

}  // namespace

model::ParsedMigration ParseNativeMigration(const std::string& id, const std::string& path,
                                            std::string_view raw, std::vector<Problem>& problems) {
  model::ParsedMigration m;
  m.id = id;
  m.path = path;
  const std::string text = model::NormalizeForChecksum(raw);
  m.checksum = model::ChecksumOfNormalized(text);
  auto fail = [&](int line, std::string message) {
    problems.push_back({path, line, std::move(message)});
  };
  // Databases read SQL as C strings: whatever follows a NUL would silently not run.
  if (const size_t nul = text.find('\0'); nul != std::string::npos) {
    fail(static_cast<int>(std::count(text.begin(), text.begin() + nul, '\n')) + 1,
         "NUL byte in the file; a migration is text, and everything after it would not run");
  } else if (const int line = base::FirstInvalidUtf8Line(text); line > 0) {
    fail(line, "invalid UTF-8");
  }

  PartBounds up, down, verify;
  PartBounds* open_part = nullptr;  // null while in the header
  int up_directive_line = 0;
  int line_no = 0;
  size_t pos = 0;
  // Opens `part` at the directive on the current line, closing the open one.
  auto open = [&](PartBounds& part, size_t next) {
    if (open_part != nullptr) open_part->end = pos;
    part.seen = true;
    part.begin = next;
    open_part = &part;
  };
  while (pos < text.size()) {
    ++line_no;
    size_t end = text.find('\n', pos);
    size_t next = end == std::string::npos ? text.size() : end + 1;
    std::string_view line(text.data() + pos, (end == std::string::npos ? text.size() : end) - pos);
    std::string_view name, args;
    if (ParseDirective(line, name, args)) {
      if (name == "up") {
        if (up.seen) {
          fail(line_no, "duplicate '-- strata:up'");
        } else {
          open(up, next);
          up_directive_line = line_no;
          m.up_line = line_no + 1;
        }
      } else if (name == "down" || name == "verify") {
        PartBounds& part = name == "down" ? down : verify;
        if (!up.seen) {
          fail(line_no, fmt::format("'-- strata:{}' before '-- strata:up'", name));
        } else if (part.seen) {
          fail(line_no, fmt::format("duplicate '-- strata:{}'", name));
        } else {
          if (name == "verify" && !args.empty()) {
            fail(line_no, "'-- strata:verify' takes no arguments");
          }
          open(part, next);
          if (name == "down") {
            m.down_line = line_no + 1;
          } else {
            m.verify_line = line_no + 1;
          }
        }
      } else if (name == "ignore" || name == "ignore-file") {
        // Lint directives: silence rules for a statement or the whole file.
      } else if (name == "parent" || name == "no-transaction") {
        if (up.seen) {
          fail(line_no,
               fmt::format("directive '{}' after '-- strata:up'; directives go before it", name));
        } else if (name == "no-transaction") {
          if (!args.empty()) fail(line_no, "'-- strata:no-transaction' takes no arguments");
          m.transactional = false;
        } else {
          std::vector<std::string> ids = base::SplitWords(args);
          if (ids.empty()) fail(line_no, "'-- strata:parent' needs at least one migration id");
          for (std::string& parent : ids) {
            if (!model::IsValidMigrationId(parent)) {
              fail(line_no, fmt::format("invalid parent id '{}'", parent));
            } else if (std::find(m.parents.begin(), m.parents.end(), parent) != m.parents.end()) {
              fail(line_no, fmt::format("parent '{}' named twice", parent));
            } else if (parent == id) {
              fail(line_no, "a migration cannot be its own parent");
            } else {
              m.parents.push_back(std::move(parent));
            }
          }
          if (m.parents_line == 0) m.parents_line = line_no;
        }
      } else {
        fail(line_no, fmt::format("unknown directive 'strata:{}' (known: parent, no-transaction, "
                                  "up, down, verify, ignore, ignore-file)",
                                  name));
      }
    } else if (!up.seen) {
      std::string_view trimmed = base::Trim(line);
      if (!trimmed.empty() && !base::StartsWith(trimmed, "--")) {
        fail(line_no, "SQL before '-- strata:up'; the up part starts after that directive");
      }
    }
    pos = next;
  }

  if (!up.seen) {
    fail(1, "missing '-- strata:up'");
    return m;
  }
  open_part->end = text.size();
  auto part_text = [&](const PartBounds& part) {
    return text.substr(part.begin, part.end - part.begin);
  };
  m.up_sql = part_text(up);
  m.header = text.substr(0, up.begin);
  if (down.seen) m.down_sql = part_text(down);
  // An empty verify part checks nothing: it is no verify part.
  if (verify.seen && HasSql(part_text(verify))) {
    m.verify_sql = part_text(verify);
  } else {
    m.verify_line = 0;
  }
  // A merge migration joins branches and may carry no SQL of its own.
  if (!HasSql(m.up_sql) && m.parents.size() < 2) {
    fail(up_directive_line, "the up part is empty");
  }
  // An empty down part is no down part, except for a merge: it has nothing
  // to undo and must stay revertible.
  if (m.down_sql && !HasSql(*m.down_sql) && m.parents.size() < 2) m.down_sql.reset();
  m.has_down = m.down_sql.has_value();
  return m;
}

std::string RenderNativeMigration(const std::vector<std::string>& parents, bool transactional,
                                  std::string_view up_sql, std::string_view down_sql) {
  std::string out;
  if (!parents.empty()) out += fmt::format("-- strata:parent {}\n", base::Join(parents, " "));
  if (!transactional) out += "-- strata:no-transaction\n";
  out += "-- strata:up\n";
  out += up_sql;
  out += "\n-- strata:down\n";
  out += down_sql;
  out += "\n";
  return out;
}

}  // namespace strata::source
