#include "engine/authoring.h"

#include <fmt/format.h>

#include <filesystem>

#include "source/directory_reader.h"

namespace strata::engine {

namespace {

Result<std::vector<std::string>> CurrentHeads(const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::exists(dir, ec)) return std::vector<std::string>{};
  STRATA_ASSIGN_OR_RETURN(model::RevisionGraph graph, source::ReadMigrationDirectory(dir));
  return graph.Heads();
}

Result<std::vector<std::string>> ResolveParents(const std::string& dir,
                                                const std::vector<std::string>& given) {
  std::error_code ec;
  if (given.empty() || !std::filesystem::exists(dir, ec)) return given;
  STRATA_ASSIGN_OR_RETURN(model::RevisionGraph graph, source::ReadMigrationDirectory(dir));
  std::vector<std::string> ids;
  for (const std::string& p : given) {
    STRATA_ASSIGN_OR_RETURN(size_t index, graph.Resolve(p));
    ids.push_back(graph.at(index).id);
  }
  return ids;
}

Result<NewMigration> Write(const NewMigrationRequest& request, std::vector<std::string> parents,
                           const std::string& up, const std::string& down) {
  std::string slug = SlugFromName(request.name);
  if (slug.empty()) return Status(Code::kInvalidArgument, "the migration needs a name");
  NewMigration created;
  created.id = request.timestamp.empty() ? slug : request.timestamp + "_" + slug;
  created.parents = std::move(parents);
  STRATA_ASSIGN_OR_RETURN(created.path,
                          source::WriteNewMigration(request.dir, created.id, created.parents,
                                                    request.transactional, up, down));
  return created;
}

}  // namespace

std::string SlugFromName(const std::string& name) {
  std::string slug;
  for (char c : name) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (c >= 'A' && c <= 'Z') {
      slug += static_cast<char>(c - 'A' + 'a');
    } else if (alnum || c == '.' || c == '-') {
      slug += c;
    } else if (!slug.empty() && slug.back() != '_') {
      slug += '_';
    }
  }
  while (!slug.empty() && slug.back() == '_') slug.pop_back();
  return slug;
}

Result<NewMigration> CreateMigration(const NewMigrationRequest& request) {
  std::vector<std::string> parents;
  if (request.parents.empty()) {
    STRATA_ASSIGN_OR_RETURN(parents, CurrentHeads(request.dir));
    if (parents.size() > 1) {
      return Status(Code::kMultipleHeads,
                    fmt::format("{} heads ({}); name the parent with --parent or join the heads "
                                "with 'strata merge' first",
                                parents.size(), fmt::join(parents, ", ")));
    }
  } else {
    STRATA_ASSIGN_OR_RETURN(parents, ResolveParents(request.dir, request.parents));
  }
  return Write(request, std::move(parents), "-- Write the change here.\n",
               "-- Write the statements that undo it here.");
}

Result<NewMigration> CreateMerge(const NewMigrationRequest& request) {
  std::vector<std::string> parents;
  if (request.parents.empty()) {
    STRATA_ASSIGN_OR_RETURN(parents, CurrentHeads(request.dir));
  } else {
    STRATA_ASSIGN_OR_RETURN(parents, ResolveParents(request.dir, request.parents));
  }
  if (parents.size() < 2) {
    return Status(
        Code::kInvalidArgument,
        fmt::format("nothing to merge: {} head(s); a merge joins two or more", parents.size()));
  }
  return Write(request, std::move(parents), "-- Merge of the branches; no SQL needed.\n",
               "-- Nothing to undo.");
}

}  // namespace strata::engine
