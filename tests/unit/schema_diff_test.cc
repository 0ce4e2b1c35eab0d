// The pure schema layer: Diff shape by shape, name matching per engine, and
// the JSON, text and SQL renderings.
#include <gtest/gtest.h>

#include <algorithm>

#include "schema/diff.h"
#include "schema/render.h"

namespace strata::schema {
namespace {

Column Col(std::string name, int64_t position, std::string type) {
  Column c;
  c.name = std::move(name);
  c.position = position;
  c.type = std::move(type);
  return c;
}

// public.users (id, email, name) with a primary key, an index, a trigger and
// a policy; public.orders (id, user_id) with a foreign key; a view, a
// function and an enum.
Catalog Shop(const std::string& dialect = "postgres") {
  Catalog c;
  c.dialect = dialect;
  c.schemas.push_back({"public"});
  Table users;
  users.schema = "public";
  users.name = "users";
  users.columns = {Col("id", 1, "bigint"), Col("email", 2, "text"), Col("name", 3, "text")};
  users.columns[0].not_null = true;
  Constraint pk;
  pk.name = "users_pkey";
  pk.kind = ConstraintKind::kPrimaryKey;
  pk.columns = {"id"};
  pk.definition = "PRIMARY KEY (id)";
  users.constraints.push_back(pk);
  Table orders;
  orders.schema = "public";
  orders.name = "orders";
  orders.columns = {Col("id", 1, "bigint"), Col("user_id", 2, "bigint")};
  Constraint fk;
  fk.name = "orders_user_fk";
  fk.kind = ConstraintKind::kForeignKey;
  fk.columns = {"user_id"};
  fk.ref_schema = "public";
  fk.ref_table = "users";
  fk.ref_columns = {"id"};
  fk.on_update = "no action";
  fk.on_delete = "cascade";
  fk.definition = "FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE";
  orders.constraints.push_back(fk);
  c.tables = {users, orders};
  Index index;
  index.schema = "public";
  index.table = "users";
  index.name = "users_email_idx";
  index.method = "btree";
  index.keys = {"lower(email)"};
  c.indexes.push_back(index);
  c.views.push_back({"public", "active_users", false, "SELECT id FROM public.users"});
  Function f;
  f.schema = "public";
  f.name = "add";
  f.arguments = "a integer, b integer";
  f.kind = "function";
  f.result = "integer";
  f.language = "sql";
  f.volatility = "immutable";
  f.body_sha256 = "aa";
  c.functions.push_back(f);
  c.triggers.push_back(
      {"public", "users", "users_touch", "CREATE TRIGGER users_touch ...", "origin"});
  Policy p;
  p.schema = "public";
  p.table = "users";
  p.name = "own_rows";
  p.roles = {"public"};
  p.using_expr = "(id > 0)";
  c.policies.push_back(p);
  Type mood;
  mood.schema = "public";
  mood.name = "mood";
  mood.kind = "enum";
  mood.labels = {"sad", "ok"};
  c.types.push_back(mood);
  Normalize(c);
  return c;
}

Table* FindTable(Catalog& c, const std::string& name) {
  for (Table& t : c.tables) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

std::vector<std::string> Lines(const std::vector<Difference>& diffs) {
  std::vector<std::string> out;
  for (const Difference& d : diffs) {
    out.push_back(std::string(ChangeKindName(d.change)) + " " + d.kind + " " + d.name);
  }
  return out;
}

TEST(SchemaDiff, EqualSchemasHaveNoDifferencesWhateverTheInputOrder) {
  Catalog a = Shop(), b = Shop();
  std::reverse(b.tables.begin(), b.tables.end());
  std::reverse(b.tables[0].columns.begin(), b.tables[0].columns.end());
  EXPECT_TRUE(Diff(a, b).empty());
  EXPECT_TRUE(Diff(Catalog{}, Catalog{}).empty());
  Normalize(b);
  EXPECT_EQ(CatalogToJson(a).dump(), CatalogToJson(b).dump());
}

TEST(SchemaDiff, AddedAndRemovedTablesCarryTheirChildren) {
  Catalog a = Shop(), b = Shop();
  std::erase_if(b.tables, [](const Table& t) { return t.name == "users"; });
  b.indexes.clear();
  b.triggers.clear();
  b.policies.clear();
  // users and everything on it are one removal; the reverse is one addition.
  EXPECT_EQ(Lines(Diff(a, b)), std::vector<std::string>{"removed table public.users"});
  EXPECT_EQ(Lines(Diff(b, a)), std::vector<std::string>{"added table public.users"});
}

TEST(SchemaDiff, ChangedColumnListsEachChangedAttributeWithOldAndNewValues) {
  Catalog a = Shop(), b = Shop();
  Column& email = FindTable(b, "users")->columns[1];
  email.type = "character varying(200)";
  email.not_null = true;
  email.default_expr = "'x'::text";
  auto diffs = Diff(a, b);
  ASSERT_EQ(diffs.size(), 1u);
  EXPECT_EQ(diffs[0].change, ChangeKind::kChanged);
  EXPECT_EQ(diffs[0].kind, "column");
  EXPECT_EQ(diffs[0].name, "public.users.email");
  ASSERT_EQ(diffs[0].attributes.size(), 3u);
  EXPECT_EQ(diffs[0].attributes[0].name, "type");
  EXPECT_EQ(diffs[0].attributes[0].old_value, "text");
  EXPECT_EQ(diffs[0].attributes[0].new_value, "character varying(200)");
  EXPECT_EQ(diffs[0].attributes[1].name, "not_null");
  EXPECT_EQ(diffs[0].attributes[1].old_value, "false");
  EXPECT_EQ(diffs[0].attributes[1].new_value, "true");
  EXPECT_EQ(diffs[0].attributes[2].name, "default");
  EXPECT_EQ(diffs[0].attributes[2].old_value, "");
}

TEST(SchemaDiff, ADroppedColumnDoesNotMoveTheOthersButAReorderDoes) {
  Catalog a = Shop(), b = Shop();
  Table* users = FindTable(b, "users");
  users->columns.erase(users->columns.begin() + 1);  // email
  users->columns[1].position = 2;                    // name moves up
  EXPECT_EQ(Lines(Diff(a, b)), std::vector<std::string>{"removed column public.users.email"});

  Catalog c = Shop();
  std::swap(FindTable(c, "users")->columns[1].position, FindTable(c, "users")->columns[2].position);
  auto diffs = Diff(a, c);
  ASSERT_EQ(diffs.size(), 2u);
  EXPECT_EQ(diffs[0].attributes[0].name, "position");
}

TEST(SchemaDiff, EveryKindOfObjectIsComparedAndOrderedByKindThenName) {
  Catalog a = Shop(), b = Shop();
  b.schemas.push_back({"app"});
  b.types[0].labels.push_back("happy");
  FindTable(b, "orders")->constraints[0].on_delete = "restrict";
  FindTable(b, "orders")->constraints[0].valid = false;
  b.indexes[0].predicate = "(email IS NOT NULL)";
  b.views[0].definition = "SELECT id, email FROM public.users";
  b.functions[0].body_sha256 = "bb";
  b.triggers[0].enabled = "disabled";
  b.policies[0].roles = {"app"};
  Sequence seq;
  seq.schema = "public";
  seq.name = "counter";
  b.sequences.push_back(seq);
  b.extensions.push_back({"pgcrypto", "public", "1.3"});
  EXPECT_EQ(Lines(Diff(a, b)), (std::vector<std::string>{
                                   "added schema app",
                                   "added extension pgcrypto",
                                   "changed type public.mood",
                                   "added sequence public.counter",
                                   "changed constraint public.orders.orders_user_fk",
                                   "changed index public.users_email_idx",
                                   "changed view public.active_users",
                                   "changed function public.add(a integer, b integer)",
                                   "changed trigger public.users.users_touch",
                                   "changed policy public.users.own_rows",
                               }));
  auto fk = Diff(a, b)[4].attributes;
  ASSERT_EQ(fk.size(), 2u);
  EXPECT_EQ(fk[0].name, "on_delete");
  EXPECT_EQ(fk[0].old_value, "cascade");
  EXPECT_EQ(fk[0].new_value, "restrict");
  EXPECT_EQ(fk[1].name, "valid");
}

TEST(SchemaDiff, FunctionOverloadsAreDistinctObjects) {
  Catalog a = Shop(), b = Shop();
  Function overload = b.functions[0];
  overload.arguments = "a bigint, b bigint";
  b.functions.push_back(overload);
  EXPECT_EQ(Lines(Diff(a, b)),
            std::vector<std::string>{"added function public.add(a bigint, b bigint)"});
}

TEST(SchemaDiff, SqliteNamesMatchWhateverTheirCasePostgresNamesDoNot) {
  Catalog a = Shop("sqlite"), b = Shop("sqlite");
  FindTable(b, "users")->name = "Users";
  b.indexes[0].table = "Users";
  b.triggers[0].table = "USERS";
  b.policies[0].table = "Users";
  EXPECT_TRUE(Diff(a, b).empty());

  Catalog pa = Shop(), pb = Shop();
  FindTable(pb, "orders")->name = "Orders";
  EXPECT_EQ(Lines(Diff(pa, pb)), (std::vector<std::string>{"added table public.\"Orders\"",
                                                           "removed table public.orders"}));
}

TEST(SchemaNames, QuotedOnlyWhenSqlNeedsIt) {
  EXPECT_EQ(QuoteName("users"), "users");
  EXPECT_EQ(QuoteName("Users"), "\"Users\"");
  EXPECT_EQ(QuoteName("order items"), "\"order items\"");
  EXPECT_EQ(QuoteName("user"), "\"user\"");  // reserved
  EXPECT_EQ(QuoteName("say\"hi"), "\"say\"\"hi\"");
  EXPECT_EQ(QualifiedName({"public", "Order", "id"}), "public.\"Order\".id");
}

TEST(SchemaRender, JsonHasEveryAttributeWithNullForNone) {
  nlohmann::json j = CatalogToJson(Shop());
  EXPECT_EQ(j["dialect"], "postgres");
  const auto& users = j["tables"][1];
  EXPECT_EQ(users["name"], "users");
  EXPECT_EQ(users["columns"][0]["name"], "id");
  EXPECT_EQ(users["columns"][0]["not_null"], true);
  EXPECT_TRUE(users["columns"][0]["default"].is_null());
  EXPECT_EQ(users["constraints"][0]["kind"], "primary_key");
  EXPECT_EQ(j["functions"][0]["arguments"], "a integer, b integer");
  EXPECT_EQ(j["indexes"][0]["table"], "users");
  for (const char* key : {"schemas", "extensions", "types", "sequences", "tables", "indexes",
                          "views", "functions", "triggers", "policies"}) {
    EXPECT_TRUE(j[key].is_array()) << key;
  }
}

TEST(SchemaRender, DiffAsJsonAndText) {
  Catalog a = Shop(), b = Shop();
  FindTable(b, "users")->columns[1].type = "varchar";
  b.indexes.clear();
  b.views[0].definition = "SELECT id,\n    email\n   FROM public.users";
  auto diffs = Diff(a, b);
  nlohmann::json j = DiffToJson(diffs);
  EXPECT_EQ(j["equal"], false);
  EXPECT_EQ(j["summary"]["removed"], 1);
  EXPECT_EQ(j["summary"]["changed"], 2);
  EXPECT_EQ(j["differences"][0]["kind"], "column");
  EXPECT_EQ(j["differences"][0]["attributes"][0]["old"], "text");
  EXPECT_EQ(j["differences"][0]["attributes"][0]["new"], "varchar");
  EXPECT_EQ(DiffToText(diffs),
            "~ column public.users.email\n"
            "    type: text -> varchar\n"
            "- index public.users_email_idx\n"
            "~ view public.active_users\n"
            "    definition:\n"
            "      - SELECT id FROM public.users\n"
            "      + SELECT id,\n"
            "      +     email\n"
            "      +    FROM public.users\n"
            "3 differences: 0 added, 1 removed, 2 changed\n");
  EXPECT_EQ(DiffToText({}), "no differences\n");
  EXPECT_EQ(DiffToJson({})["equal"], true);
}

TEST(SchemaRender, SqlListsTablesThenForeignKeysThenTheRest) {
  std::string sql = CatalogToSql(Shop());
  size_t users = sql.find("CREATE TABLE public.users (\n    id bigint NOT NULL,\n");
  size_t fk = sql.find("ALTER TABLE public.orders ADD CONSTRAINT orders_user_fk FOREIGN KEY");
  size_t index = sql.find("CREATE INDEX users_email_idx ON public.users USING btree");
  size_t policy =
      sql.find("CREATE POLICY own_rows ON public.users AS PERMISSIVE FOR ALL TO public");
  ASSERT_NE(users, std::string::npos) << sql;
  ASSERT_NE(fk, std::string::npos) << sql;
  ASSERT_NE(index, std::string::npos) << sql;
  ASSERT_NE(policy, std::string::npos) << sql;
  EXPECT_LT(users, fk);
  EXPECT_LT(fk, index);
  EXPECT_NE(sql.find("CREATE TYPE public.mood AS ENUM ('sad', 'ok');"), std::string::npos);
}

}  // namespace
}  // namespace strata::schema
