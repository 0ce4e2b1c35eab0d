// Shape-by-shape tests of RevisionGraph::Build and its queries. Every expected
// value is written out by hand (or computed by a separate reference walk) so a
// wrong order, a missing problem or a wrong mask shows up as a failure.
#include "model/revision_graph.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "model/migration.h"
#include "strata/result.h"
#include "strata/status.h"

namespace strata::model {
namespace {

// gmock is not linked into the unit tests, so substring checks use this
// predicate, which prints both strings on failure.
::testing::AssertionResult Contains(const std::string& text, const std::string& part) {
  if (text.find(part) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "'" << text << "' does not contain '" << part << "'";
}

::testing::AssertionResult Lacks(const std::string& text, const std::string& part) {
  if (text.find(part) == std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "'" << text << "' contains '" << part << "'";
}

Migration M(const std::string& id, std::vector<std::string> parents = {}, int parents_line = 1) {
  Migration m;
  m.id = id;
  m.path = id + ".sql";
  m.parents = std::move(parents);
  m.parents_line = m.parents.empty() ? 0 : parents_line;
  m.has_down = true;
  return m;
}

// Builds and fails the test (with the status) when Build refuses the input.
RevisionGraph MustBuild(std::vector<Migration> ms) {
  Result<RevisionGraph> graph = RevisionGraph::Build(std::move(ms));
  EXPECT_TRUE(graph.ok()) << graph.status().ToString();
  if (!graph.ok()) return RevisionGraph::Build({}).value();
  return std::move(graph).value();
}

std::vector<std::string> Order(const RevisionGraph& graph) {
  std::vector<std::string> ids;
  for (const Migration& m : graph.migrations()) ids.push_back(m.id);
  return ids;
}

std::vector<std::string> Ids(const RevisionGraph& graph, const std::vector<size_t>& indices) {
  std::vector<std::string> ids;
  for (size_t i : indices) ids.push_back(graph.at(i).id);
  return ids;
}

std::vector<std::string> MaskIds(const RevisionGraph& graph, const std::vector<bool>& mask) {
  EXPECT_EQ(mask.size(), graph.size());
  std::vector<std::string> ids;
  for (size_t i = 0; i < mask.size() && i < graph.size(); ++i) {
    if (mask[i]) ids.push_back(graph.at(i).id);
  }
  return ids;
}

// Every migration must come after all of the parents its file names; checked
// from the input's parent ids, not from the graph's own adjacency lists.
void ExpectTopological(const RevisionGraph& graph) {
  for (size_t i = 0; i < graph.size(); ++i) {
    for (const std::string& parent : graph.at(i).parents) {
      int p = graph.IndexOf(parent);
      ASSERT_GE(p, 0) << parent;
      EXPECT_LT(static_cast<size_t>(p), i) << parent << " must precede " << graph.at(i).id;
    }
  }
}

// The single problem of a failed Build, checked to be the only one.
Problem OnlyProblem(const Result<RevisionGraph>& result) {
  EXPECT_FALSE(result.ok());
  if (result.ok()) return {};
  EXPECT_EQ(result.status().code(), Code::kInvalidMigrations) << result.status().ToString();
  EXPECT_EQ(result.status().problems().size(), 1u) << result.status().ToString();
  if (result.status().problems().empty()) return {};
  return result.status().problems()[0];
}

TEST(RevisionGraphTest, EmptyInputIsAnEmptyGraph) {
  RevisionGraph graph = MustBuild({});
  EXPECT_EQ(graph.size(), 0u);
  EXPECT_TRUE(graph.Roots().empty());
  EXPECT_TRUE(graph.Heads().empty());
  EXPECT_EQ(graph.Resolve("a").status().code(), Code::kNotFound);
}

TEST(RevisionGraphTest, LinearChain) {
  // Given out of order so the order must come from the parent links.
  RevisionGraph graph = MustBuild({M("c", {"b"}), M("a"), M("d", {"c"}), M("b", {"a"})});
  ASSERT_EQ(graph.size(), 4u);
  EXPECT_EQ(Order(graph), (std::vector<std::string>{"a", "b", "c", "d"}));
  ExpectTopological(graph);
  EXPECT_EQ(graph.Roots(), std::vector<std::string>{"a"});
  EXPECT_EQ(graph.Heads(), std::vector<std::string>{"d"});
  EXPECT_TRUE(graph.BranchPoints().empty());
  EXPECT_TRUE(graph.MergePoints().empty());
  for (size_t i = 0; i < graph.size(); ++i) {
    EXPECT_EQ(graph.IndexOf(graph.at(i).id), static_cast<int>(i));
    EXPECT_EQ(graph.parents(i).size(), i == 0 ? 0u : 1u);
    EXPECT_EQ(graph.children(i).size(), i == 3 ? 0u : 1u);
  }
  EXPECT_EQ(graph.parents(2), std::vector<size_t>{1});
  EXPECT_EQ(graph.children(2), std::vector<size_t>{3});
  EXPECT_EQ(graph.IndexOf("zz"), -1);
  // The migration data travels with its node.
  EXPECT_EQ(graph.at(graph.IndexOf("c")).path, "c.sql");
  EXPECT_EQ(graph.at(graph.IndexOf("c")).parents, std::vector<std::string>{"b"});
}

TEST(RevisionGraphTest, DiamondHasOneBranchPointAndOneMergePoint) {
  // base -> {left, right} -> merge.
  RevisionGraph graph = MustBuild(
      {M("merge", {"right", "left"}), M("left", {"base"}), M("right", {"base"}), M("base")});
  EXPECT_EQ(Order(graph), (std::vector<std::string>{"base", "left", "right", "merge"}));
  ExpectTopological(graph);
  EXPECT_EQ(graph.Roots(), std::vector<std::string>{"base"});
  EXPECT_EQ(graph.Heads(), std::vector<std::string>{"merge"});
  EXPECT_EQ(graph.BranchPoints(), std::vector<std::string>{"base"});
  EXPECT_EQ(graph.MergePoints(), std::vector<std::string>{"merge"});
  size_t base = graph.IndexOf("base");
  size_t merge = graph.IndexOf("merge");
  EXPECT_EQ(Ids(graph, graph.children(base)), (std::vector<std::string>{"left", "right"}));
  std::vector<std::string> merge_parents = Ids(graph, graph.parents(merge));
  std::sort(merge_parents.begin(), merge_parents.end());
  EXPECT_EQ(merge_parents, (std::vector<std::string>{"left", "right"}));
  EXPECT_EQ(MaskIds(graph, graph.AncestorsOf(merge)),
            (std::vector<std::string>{"base", "left", "right", "merge"}));
  EXPECT_EQ(MaskIds(graph, graph.AncestorsOf(graph.IndexOf("left"))),
            (std::vector<std::string>{"base", "left"}));
  EXPECT_EQ(MaskIds(graph, graph.DescendantsOf(graph.IndexOf("right"))),
            (std::vector<std::string>{"right", "merge"}));
  EXPECT_EQ(MaskIds(graph, graph.DescendantsOf(base)),
            (std::vector<std::string>{"base", "left", "right", "merge"}));
}

TEST(RevisionGraphTest, UnmergedBranchesGiveSeveralRootsAndHeads) {
  // Two roots; "x" branches into "y1" and "y2", which stay separate heads;
  // "j" merges the two roots' lines.
  RevisionGraph graph = MustBuild(
      {M("x"), M("w"), M("y1", {"x"}), M("y2", {"x"}), M("j", {"w", "x"}), M("k", {"j"})});
  ExpectTopological(graph);
  EXPECT_EQ(graph.Roots(), (std::vector<std::string>{"w", "x"}));
  EXPECT_EQ(graph.Heads(), (std::vector<std::string>{"k", "y1", "y2"}));
  EXPECT_EQ(graph.BranchPoints(), std::vector<std::string>{"x"});
  EXPECT_EQ(graph.MergePoints(), std::vector<std::string>{"j"});
}

TEST(RevisionGraphTest, TiesAreBrokenByIdNotByInputOrder) {
  // Ready sets along Kahn's algorithm: {y, z} -> y; {z, zz} -> z;
  // {a, zz} -> a; {b, zz} -> b; {zz} -> zz; {m} -> m. A plain id sort would put
  // "a" before its parent "z"; a depth-first walk would not interleave.
  const std::vector<std::string> expected = {"y", "z", "a", "b", "zz", "m"};
  std::vector<Migration> input = {M("z"),         M("y"),        M("a", {"z"}),
                                  M("zz", {"y"}), M("b", {"a"}), M("m", {"zz", "b"})};
  std::sort(input.begin(), input.end(),
            [](const Migration& l, const Migration& r) { return l.id < r.id; });
  int permutations = 0;
  do {
    RevisionGraph graph = MustBuild(input);
    ASSERT_EQ(Order(graph), expected) << "permutation " << permutations;
    ++permutations;
  } while (
      std::next_permutation(input.begin(), input.end(),
                            [](const Migration& l, const Migration& r) { return l.id < r.id; }));
  EXPECT_EQ(permutations, 720);
}

TEST(RevisionGraphTest, RootsComeInIdOrderWhenUnrelated) {
  RevisionGraph graph = MustBuild({M("c"), M("a"), M("b"), M("b2", {"c"})});
  // "b2" sorts before "c" by id but must wait for its parent.
  EXPECT_EQ(Order(graph), (std::vector<std::string>{"a", "b", "c", "b2"}));
}

TEST(RevisionGraphTest, DuplicateIdNamesBothFiles) {
  Migration first = M("a");
  first.path = "one/a.sql";
  Migration second = M("a");
  second.path = "two/a.sql";
  Result<RevisionGraph> result = RevisionGraph::Build({first, M("b", {"a"}), second});
  Problem problem = OnlyProblem(result);
  EXPECT_TRUE(Contains(problem.message, "duplicate"));
  EXPECT_TRUE(Contains(problem.message, "'a'"));
  // Whichever copy is reported, the problem's file and message together must
  // point at both files.
  std::string where = problem.file + " " + problem.message;
  EXPECT_TRUE(Contains(where, "one/a.sql"));
  EXPECT_TRUE(Contains(where, "two/a.sql"));
  EXPECT_TRUE(problem.file == "one/a.sql" || problem.file == "two/a.sql") << problem.file;
  EXPECT_EQ(result.status().context().file, problem.file);
}

TEST(RevisionGraphTest, UnknownParentPointsAtTheParentDirective) {
  Result<RevisionGraph> result =
      RevisionGraph::Build({M("a"), M("b", {"a", "ghost"}, /*parents_line=*/3)});
  Problem problem = OnlyProblem(result);
  EXPECT_EQ(problem.file, "b.sql");
  EXPECT_EQ(problem.line, 3);
  EXPECT_TRUE(Contains(problem.message, "'ghost'"));
  EXPECT_TRUE(Contains(problem.message, "'b'"));
  // The single problem is also the status' message and location.
  EXPECT_EQ(result.status().message(), problem.message);
  EXPECT_EQ(result.status().context().file, "b.sql");
  EXPECT_EQ(result.status().context().line, 3);
}

TEST(RevisionGraphTest, EveryProblemIsReportedAtOnce) {
  Migration dup = M("a");
  dup.path = "copy/a.sql";
  Result<RevisionGraph> result =
      RevisionGraph::Build({M("a"), dup, M("b", {"nope1"}, 2), M("c", {"a", "nope2"}, 5)});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), Code::kInvalidMigrations);
  const std::vector<Problem>& problems = result.status().problems();
  ASSERT_EQ(problems.size(), 3u) << result.status().ToString();
  EXPECT_TRUE(Contains(result.status().message(), "3 problems"));
  int duplicates = 0;
  int unknown = 0;
  for (const Problem& p : problems) {
    if (p.message.find("duplicate") != std::string::npos) ++duplicates;
    if (p.message.find("'nope1'") != std::string::npos) {
      ++unknown;
      EXPECT_EQ(p.file, "b.sql");
      EXPECT_EQ(p.line, 2);
    }
    if (p.message.find("'nope2'") != std::string::npos) {
      ++unknown;
      EXPECT_EQ(p.file, "c.sql");
      EXPECT_EQ(p.line, 5);
    }
  }
  EXPECT_EQ(duplicates, 1);
  EXPECT_EQ(unknown, 2);
}

TEST(RevisionGraphTest, CycleOfTwoNamesBothIds) {
  Result<RevisionGraph> result =
      RevisionGraph::Build({M("root"), M("b", {"a"}, 4), M("a", {"root", "b"}, 7)});
  Problem problem = OnlyProblem(result);
  EXPECT_TRUE(Contains(problem.message, "cycle"));
  EXPECT_TRUE(Contains(problem.message, "a -> b -> a"));
  EXPECT_TRUE(Lacks(problem.message, "root"));
  // Reported at the first id on the cycle.
  EXPECT_EQ(problem.file, "a.sql");
  EXPECT_EQ(problem.line, 7);
}

TEST(RevisionGraphTest, CycleOfThreeIsNamedInParentToChildOrder) {
  // Edges parent -> child: c -> a, a -> b, b -> c.
  Result<RevisionGraph> forward =
      RevisionGraph::Build({M("b", {"a"}), M("a", {"c"}), M("c", {"b"})});
  EXPECT_TRUE(Contains(OnlyProblem(forward).message, "a -> b -> c -> a"));
  // Edges parent -> child: b -> a, c -> b, a -> c.
  Result<RevisionGraph> backward =
      RevisionGraph::Build({M("a", {"b"}), M("b", {"c"}), M("c", {"a"})});
  EXPECT_TRUE(Contains(OnlyProblem(backward).message, "a -> c -> b -> a"));
}

TEST(RevisionGraphTest, CycleBehindAStuckDescendantIsStillNamed) {
  // "c0" is the smallest id that cannot be ordered, but it is only downstream
  // of the cycle m <-> n; the message must name the cycle, not "c0".
  Result<RevisionGraph> result = RevisionGraph::Build(
      {M("c0", {"m"}), M("m", {"n"}), M("n", {"m", "r"}), M("r"), M("z", {"r"})});
  Problem problem = OnlyProblem(result);
  EXPECT_TRUE(Contains(problem.message, "m -> n -> m"));
  EXPECT_TRUE(Lacks(problem.message, "c0"));
  EXPECT_EQ(problem.file, "m.sql");
}

TEST(RevisionGraphTest, SelfParentIsACycle) {
  // The file reader refuses this, but Build must not loop or accept it.
  Result<RevisionGraph> result = RevisionGraph::Build({M("a", {"a"})});
  EXPECT_TRUE(Contains(OnlyProblem(result).message, "a -> a"));
}

// Reference ancestor walk over the input's parent ids, independent of the
// graph's masks and of its topological sweep.
std::vector<bool> ReferenceAncestors(const RevisionGraph& graph, size_t index) {
  std::vector<bool> mask(graph.size(), false);
  std::vector<size_t> stack = {index};
  while (!stack.empty()) {
    size_t i = stack.back();
    stack.pop_back();
    if (mask[i]) continue;
    mask[i] = true;
    for (const std::string& p : graph.at(i).parents) stack.push_back(graph.IndexOf(p));
  }
  return mask;
}

void ExpectConsistentMasks(const RevisionGraph& graph) {
  const size_t n = graph.size();
  std::vector<std::vector<bool>> ancestors(n);
  std::vector<std::vector<bool>> descendants(n);
  for (size_t i = 0; i < n; ++i) {
    ancestors[i] = graph.AncestorsOf(i);
    descendants[i] = graph.DescendantsOf(i);
    ASSERT_EQ(ancestors[i].size(), n);
    ASSERT_EQ(descendants[i].size(), n);
    EXPECT_TRUE(ancestors[i][i]);
    EXPECT_TRUE(descendants[i][i]);
    EXPECT_EQ(ancestors[i], ReferenceAncestors(graph, i)) << graph.at(i).id;
  }
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < n; ++j) {
      // j is an ancestor of i exactly when i is a descendant of j.
      EXPECT_EQ(ancestors[i][j], descendants[j][i]) << graph.at(i).id << " / " << graph.at(j).id;
      // Only a node itself is both its ancestor and descendant (no cycles).
      if (i != j) {
        EXPECT_FALSE(ancestors[i][j] && descendants[i][j]);
      }
    }
  }
}

TEST(RevisionGraphTest, AncestorsAndDescendantsAgreeOnFixedShapes) {
  ExpectConsistentMasks(MustBuild({M("a")}));
  ExpectConsistentMasks(MustBuild({M("a"), M("b", {"a"}), M("c", {"b"})}));
  ExpectConsistentMasks(
      MustBuild({M("base"), M("l", {"base"}), M("r", {"base"}), M("m", {"l", "r"})}));
  RevisionGraph forest = MustBuild({M("a"), M("b"), M("c", {"a"}), M("d", {"b"})});
  ExpectConsistentMasks(forest);
  // Separate trees share nothing.
  EXPECT_EQ(MaskIds(forest, forest.AncestorsOf(forest.IndexOf("d"))),
            (std::vector<std::string>{"b", "d"}));
  EXPECT_EQ(MaskIds(forest, forest.DescendantsOf(forest.IndexOf("a"))),
            (std::vector<std::string>{"a", "c"}));
}

TEST(RevisionGraphTest, AncestorsAndDescendantsAgreeOnRandomShapes) {
  std::mt19937 rng(20240611);
  for (int round = 0; round < 60 && !HasFailure(); ++round) {
    std::uniform_int_distribution<int> size_dist(1, 25);
    const int n = size_dist(rng);
    std::vector<Migration> ms;
    for (int i = 0; i < n; ++i) {
      std::vector<std::string> parents;
      for (int j = 0; j < i; ++j) {
        if (std::uniform_int_distribution<int>(0, 5)(rng) == 0) parents.push_back(ms[j].id);
      }
      // Ids in reverse creation order so id order disagrees with topo order.
      ms.push_back(M("n" + std::to_string(100 - i), parents));
    }
    std::shuffle(ms.begin(), ms.end(), rng);
    RevisionGraph graph = MustBuild(ms);
    SCOPED_TRACE("round " + std::to_string(round));
    ASSERT_EQ(graph.size(), static_cast<size_t>(n));
    ExpectTopological(graph);
    ExpectConsistentMasks(graph);
  }
}

TEST(RevisionGraphTest, ResolveByIdAndPrefix) {
  RevisionGraph graph = MustBuild({M("m001_init"), M("m002_users", {"m001_init"}),
                                   M("m002_orders", {"m001_init"}), M("m1"), M("m10", {"m1"})});
  auto resolved_id = [&](std::string_view query) -> std::string {
    Result<size_t> r = graph.Resolve(query);
    if (!r.ok()) return "error: " + r.status().ToString();
    return graph.at(*r).id;
  };
  // Exact ids, including one that is also a prefix of another id.
  EXPECT_EQ(resolved_id("m001_init"), "m001_init");
  EXPECT_EQ(resolved_id("m1"), "m1");
  EXPECT_EQ(resolved_id("m10"), "m10");
  // Unique prefixes.
  EXPECT_EQ(resolved_id("m001"), "m001_init");
  EXPECT_EQ(resolved_id("m002_u"), "m002_users");
  EXPECT_EQ(resolved_id("m002_o"), "m002_orders");

  Result<size_t> ambiguous = graph.Resolve("m002");
  ASSERT_FALSE(ambiguous.ok());
  EXPECT_EQ(ambiguous.status().code(), Code::kInvalidArgument);
  EXPECT_TRUE(Contains(ambiguous.status().message(), "m002_users"));
  EXPECT_TRUE(Contains(ambiguous.status().message(), "m002_orders"));

  Result<size_t> prefix_of_many = graph.Resolve("m");
  ASSERT_FALSE(prefix_of_many.ok());
  EXPECT_EQ(prefix_of_many.status().code(), Code::kInvalidArgument);

  for (std::string_view missing : {"m003", "x", "m001_init_extra", "M001"}) {
    Result<size_t> r = graph.Resolve(missing);
    ASSERT_FALSE(r.ok()) << missing;
    EXPECT_EQ(r.status().code(), Code::kNotFound) << missing;
    EXPECT_TRUE(Contains(r.status().message(), std::string(missing)));
  }
  // An empty query never picks a migration.
  EXPECT_FALSE(graph.Resolve("").ok());
}

TEST(RevisionGraphTest, EmptyPrefixDoesNotPickTheOnlyMigration) {
  RevisionGraph graph = MustBuild({M("only")});
  Result<size_t> r = graph.Resolve("");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kNotFound);
  EXPECT_EQ(*graph.Resolve("on"), 0u);
}

}  // namespace
}  // namespace strata::model
