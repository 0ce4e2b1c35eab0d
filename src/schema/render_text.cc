// CatalogSummary and DiffToText (schema/render.h): text for people.
#include <fmt/format.h>

#include "base/strings.h"
#include "schema/render.h"

namespace strata::schema {

namespace {

std::string Count(size_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

// A section: a title, then one indented line per item; nothing when empty.
void Section(std::string& out, const char* title, const std::vector<std::string>& lines) {
  if (lines.empty()) return;
  out += fmt::format("\n{}:\n", title);
  for (const std::string& line : lines) out += "  " + line + "\n";
}

std::string Shown(const std::string& value) { return value.empty() ? "(none)" : value; }

// One changed attribute: "name: old -> new", or the old and new lines of a
// long or multi-line value (a view or trigger definition) one below the other.
void AttributeLines(std::string& out, const AttributeChange& a) {
  bool long_value = a.old_value.size() + a.new_value.size() > 80 ||
                    a.old_value.find('\n') != std::string::npos ||
                    a.new_value.find('\n') != std::string::npos;
  if (!long_value) {
    out += fmt::format("    {}: {} -> {}\n", a.name, Shown(a.old_value), Shown(a.new_value));
    return;
  }
  out += fmt::format("    {}:\n", a.name);
  auto lines = [&](const std::string& value, char mark) {
    size_t start = 0;
    while (start <= value.size()) {
      size_t end = value.find('\n', start);
      if (end == std::string::npos) end = value.size();
      out += fmt::format("      {} {}\n", mark, value.substr(start, end - start));
      start = end + 1;
    }
  };
  lines(Shown(a.old_value), '-');
  lines(Shown(a.new_value), '+');
}

}  // namespace

std::string CatalogSummary(const Catalog& c) {
  size_t columns = 0, constraints = 0;
  for (const Table& t : c.tables) {
    columns += t.columns.size();
    constraints += t.constraints.size();
  }
  std::vector<std::string> counts;
  auto count = [&](size_t n, const char* one, const char* many) {
    if (n > 0) counts.push_back(Count(n, one, many));
  };
  count(c.schemas.size(), "schema", "schemas");
  count(c.extensions.size(), "extension", "extensions");
  count(c.types.size(), "type", "types");
  count(c.sequences.size(), "sequence", "sequences");
  count(c.tables.size(), "table", "tables");
  count(columns, "column", "columns");
  count(constraints, "constraint", "constraints");
  count(c.indexes.size(), "index", "indexes");
  count(c.views.size(), "view", "views");
  count(c.functions.size(), "function", "functions");
  count(c.triggers.size(), "trigger", "triggers");
  count(c.policies.size(), "policy", "policies");
  std::string out =
      fmt::format("{}: {}\n", c.dialect, counts.empty() ? "empty" : base::Join(counts, ", "));

  std::vector<std::string> lines;
  for (const Namespace& n : c.schemas) lines.push_back(QuoteName(n.name));
  Section(out, "schemas", lines);
  lines.clear();
  for (const Extension& e : c.extensions) {
    lines.push_back(fmt::format("{} {} (in {})", QuoteName(e.name), e.version, e.schema));
  }
  Section(out, "extensions", lines);
  lines.clear();
  for (const Type& t : c.types) {
    lines.push_back(fmt::format("{} ({})", QualifiedName({t.schema, t.name}), t.kind));
  }
  Section(out, "types", lines);
  lines.clear();
  for (const Sequence& s : c.sequences) lines.push_back(QualifiedName({s.schema, s.name}));
  Section(out, "sequences", lines);
  lines.clear();
  for (const Table& t : c.tables) {
    std::string notes = Count(t.columns.size(), "column", "columns");
    if (!t.constraints.empty())
      notes += ", " + Count(t.constraints.size(), "constraint", "constraints");
    if (t.persistence != "permanent") notes += ", " + t.persistence;
    if (!t.partition_key.empty()) notes += ", partitioned by " + t.partition_key;
    if (!t.partition_of.empty()) notes += ", partition of " + t.partition_of;
    if (t.rls_enabled) notes += ", row-level security";
    if (t.strict) notes += ", strict";
    if (t.without_rowid) notes += ", without rowid";
    lines.push_back(fmt::format("{} ({})", QualifiedName({t.schema, t.name}), notes));
  }
  Section(out, "tables", lines);
  lines.clear();
  for (const Index& i : c.indexes) {
    lines.push_back(fmt::format("{} on {} ({}){}{}", QualifiedName({i.schema, i.name}),
                                QualifiedName({i.schema, i.table}), base::Join(i.keys, ", "),
                                i.unique ? " unique" : "", i.valid ? "" : " INVALID"));
  }
  Section(out, "indexes", lines);
  lines.clear();
  for (const View& v : c.views) {
    lines.push_back(QualifiedName({v.schema, v.name}) + (v.materialized ? " (materialized)" : ""));
  }
  Section(out, "views", lines);
  lines.clear();
  for (const Function& f : c.functions) {
    lines.push_back(fmt::format("{}({}){} {}, {}", QualifiedName({f.schema, f.name}), f.arguments,
                                f.result.empty() ? "" : " -> " + f.result, f.kind, f.language));
  }
  Section(out, "functions", lines);
  lines.clear();
  for (const Trigger& t : c.triggers) {
    lines.push_back(fmt::format("{} on {}", QuoteName(t.name), QualifiedName({t.schema, t.table})));
  }
  Section(out, "triggers", lines);
  lines.clear();
  for (const Policy& p : c.policies) {
    lines.push_back(fmt::format("{} on {} (for {})", QuoteName(p.name),
                                QualifiedName({p.schema, p.table}), p.command));
  }
  Section(out, "policies", lines);
  return out;
}

std::string DiffToText(const std::vector<Difference>& differences) {
  if (differences.empty()) return "no differences\n";
  std::string out;
  int added = 0, removed = 0, changed = 0;
  for (const Difference& d : differences) {
    char mark = d.change == ChangeKind::kAdded ? '+' : d.change == ChangeKind::kRemoved ? '-' : '~';
    out += fmt::format("{} {} {}\n", mark, d.kind, d.name);
    for (const AttributeChange& a : d.attributes) AttributeLines(out, a);
    (mark == '+' ? added : mark == '-' ? removed : changed)++;
  }
  out +=
      fmt::format("{}: {} added, {} removed, {} changed\n",
                  Count(differences.size(), "difference", "differences"), added, removed, changed);
  return out;
}

}  // namespace strata::schema
