#include "render/render.h"

#include <gtest/gtest.h>

#include "pack_test_support.h"

namespace infragen {
namespace {

using nlohmann::json;
using testing::printed;

// A pack held in memory: folder "packs/demo", one format "f" with the given files.
struct PackBuilder {
  Pack pack;
  PackBuilder() {
    pack.name = "demo";
    pack.folder = "packs/demo";
    PackFormat format;
    format.name = "f";
    format.output_dir = "out";
    pack.formats.push_back(format);
  }
  PackBuilder& file(const std::string& path, const std::string& template_path,
                    const std::string& text, const std::string& kind = "text",
                    const std::string& each = "") {
    PackFile file;
    file.path = path;
    file.template_path = template_path;
    file.kind = kind;
    file.each = each;
    file.location.file =
        std::make_shared<const SourceFile>("packs/demo/pack.yaml", "formats:\n  f:\n");
    file.location.line = 2;
    file.location.column = 3;
    pack.formats[0].files.push_back(file);
    pack.templates[template_path] = text;
    return *this;
  }
  // Sets `when:` on the file added last.
  PackBuilder& when(const std::string& path) {
    pack.formats[0].files.back().when = path;
    return *this;
  }
  PackBuilder& partial(const std::string& name, const std::string& text) {
    pack.partials[name] = text;
    pack.partial_files[name] = "templates/_shared/" + name + ".mustache";
    return *this;
  }
};

struct Result {
  std::vector<RenderedFile> files;
  std::string diagnostics;
};

Result render(const PackBuilder& builder, const json& view) {
  Diagnostics diagnostics;
  Result result;
  result.files = render_format(builder.pack, builder.pack.formats[0], view, diagnostics);
  result.diagnostics = printed(diagnostics);
  return result;
}

std::string render_one(const std::string& text, const json& view,
                       const std::string& kind = "text") {
  Result result = render(PackBuilder().file("a.txt", "a.mustache", text, kind), view);
  EXPECT_EQ(result.diagnostics, "");
  return result.files.empty() ? "<no file>" : result.files[0].text;
}

TEST(Render, ValuesNumbersAndBooleans) {
  json view = {{"name", "vote"}, {"port", 8080}, {"ratio", 0.5}, {"whole", 3.0}, {"on", true}};
  EXPECT_EQ(render_one("{{name}}:{{port}} {{ratio}} {{whole}} {{on}}\n", view),
            "vote:8080 0.5 3 true\n");
}

TEST(Render, MissingValueIsAnErrorAtTemplateLineWithSuggestion) {
  Result result = render(PackBuilder().file("a.txt", "a.mustache", "ok\nname = {{nmae}}\n"),
                         json{{"name", "x"}});
  EXPECT_TRUE(result.files.empty());
  EXPECT_EQ(result.diagnostics,
            "packs/demo/a.mustache:2:8: error: missing value 'nmae'\n"
            "name = {{nmae}}\n"
            "       ^~~~~~~~\n"
            "  hint: did you mean 'name'?\n"
            "1 error generated.\n");
}

TEST(Render, MissingSectionAndInvertedSectionAreErrors) {
  Result result = render(PackBuilder().file("a.txt", "a.mustache",
                                            "{{#enabled}}x{{/enabled}}\n{{^public}}y{{/public}}\n"),
                         json{{"enable", true}});
  EXPECT_EQ(result.diagnostics,
            "packs/demo/a.mustache:1:1: error: missing value 'enabled'\n"
            "{{#enabled}}x{{/enabled}}\n"
            "^~~~~~~~~~~~\n"
            "  hint: did you mean 'enable'?\n"
            "packs/demo/a.mustache:2:1: error: missing value 'public'\n"
            "{{^public}}y{{/public}}\n"
            "^~~~~~~~~~~\n"
            "2 errors generated.\n");
}

TEST(Render, MissingValueInsideLoopIsReportedOnceWithItemKeys) {
  json view = {{"services", json::array({{{"name", "a"}}, {{"name", "b"}}})}};
  Result result = render(
      PackBuilder().file("a.txt", "a.mustache", "{{#services}}\n{{nam}}\n{{/services}}\n"), view);
  EXPECT_EQ(result.diagnostics,
            "packs/demo/a.mustache:2:1: error: missing value 'nam'\n"
            "{{nam}}\n"
            "^~~~~~~\n"
            "  hint: did you mean 'name'?\n"
            "1 error generated.\n");
}

TEST(Render, DottedNamesResolveStrictly) {
  json view = {{"db", {{"host", "h"}}}, {"host", "outer"}};
  EXPECT_EQ(render_one("{{db.host}}\n", view), "h\n");
  Result result = render(PackBuilder().file("a.txt", "a.mustache", "{{db.hots}}\n"), view);
  EXPECT_EQ(result.diagnostics,
            "packs/demo/a.mustache:1:1: error: missing value 'db.hots'\n"
            "{{db.hots}}\n"
            "^~~~~~~~~~~\n"
            "  hint: did you mean 'db.host'?\n"
            "1 error generated.\n");
}

TEST(Render, NullListOrMappingAsValueIsAnError) {
  Result result = render(PackBuilder().file("a.txt", "a.mustache", "{{domain}} {{tags}}\n"),
                         json{{"domain", nullptr}, {"tags", json::array()}});
  EXPECT_EQ(result.diagnostics,
            "packs/demo/a.mustache:1:1: error: value 'domain' is null, not text\n"
            "{{domain}} {{tags}}\n"
            "^~~~~~~~~~\n"
            "  hint: test or loop over it with {{#domain}}...{{/domain}}\n"
            "packs/demo/a.mustache:1:12: error: value 'tags' is a list, not text\n"
            "{{domain}} {{tags}}\n"
            "           ^~~~~~~~\n"
            "  hint: test or loop over it with {{#tags}}...{{/tags}}\n"
            "2 errors generated.\n");
}

TEST(Render, FalsyValuesAndStandaloneLines) {
  json view = {
      {"none", nullptr}, {"no", false}, {"empty", ""}, {"list", json::array()}, {"yes", "y"}};
  EXPECT_EQ(render_one("a\n{{#none}}\nN\n{{/none}}\n{{#no}}\nF\n{{/no}}\n  {{#empty}}\nE\n"
                       "  {{/empty}}\n{{#list}}\nL\n{{/list}}\n{{^list}}\nempty list\n{{/list}}\n"
                       "{{#yes}}\n{{.}}\n{{/yes}}\n{{! a comment line }}\nz\n",
                       view),
            "a\nempty list\ny\nz\n");
}

TEST(Render, InlineSectionsKeepTheirLine) {
  EXPECT_EQ(
      render_one("[{{#on}}x{{/on}}]\n{{#off}}y{{/off}}\nend\n", json{{"on", true}, {"off", false}}),
      "[x]\n\nend\n");
}

TEST(Render, ListOfScalarsAndNestedContext) {
  json view = {{"env", "prod"},
               {"zones", {"a", "b"}},
               {"services", json::array({{{"name", "vote"}}, {{"name", "result"}}})}};
  EXPECT_EQ(
      render_one("{{#zones}}{{.}},{{/zones}}\n{{#services}}\n{{name}}-{{env}}\n{{/services}}\n",
                 view),
      "a,b,\nvote-prod\nresult-prod\n");
}

TEST(Render, SectionOverMappingPushesIt) {
  json view = {{"db", {{"host", "h"}, {"port", 5432}}}, {"name", "app"}};
  EXPECT_EQ(render_one("{{#db}}{{host}}:{{port}}/{{name}}{{/db}}\n", view), "h:5432/app\n");
}

TEST(Render, EachItemShadowsTheRoot) {
  json view = {{"name", "root"}, {"items", json::array({{{"name", "item"}}})}};
  Result result =
      render(PackBuilder().file("{{name}}.txt", "a.mustache", "{{name}}\n", "text", "items"), view);
  ASSERT_EQ(result.files.size(), 1u);
  EXPECT_EQ(result.files[0].path, "item.txt");
  EXPECT_EQ(result.files[0].text, "item\n");
}

TEST(Render, IndentedPartialLeavesEmptyLinesEmpty) {
  PackBuilder builder;
  builder.partial("block", "a: 1\n\nb: 2\n").file("a.yaml", "a.mustache", "root:\n  {{>block}}\n");
  Result result = render(builder, json::object());
  ASSERT_EQ(result.diagnostics, "");
  EXPECT_EQ(result.files[0].text, "root:\n  a: 1\n\n  b: 2\n");
}

TEST(Render, MissingValueInOutputPathIsReportedAtThePackEntry) {
  Result result =
      render(PackBuilder().file("{{nmae}}.txt", "a.mustache", "x\n"), json{{"name", "a"}});
  EXPECT_EQ(result.diagnostics,
            "packs/demo/pack.yaml:2:3: error: missing value 'nmae'\n  f:\n  ^\n"
            "  hint: did you mean 'name'?\n1 error generated.\n");
}

TEST(Render, EscapingPerKind) {
  json view = {{"v", "a\"b\\c\nd\t${x} %{y} $z"}};
  EXPECT_EQ(render_one("x = \"{{v}}\"\n", view, "hcl"),
            "x = \"a\\\"b\\\\c\\nd\\t$${x} %%{y} $z\"\n");
  EXPECT_EQ(render_one("{\"x\": \"{{v}}\"}\n", view, "json"),
            "{\"x\": \"a\\\"b\\\\c\\nd\\t${x} %{y} $z\"}\n");
  EXPECT_EQ(render_one("x: \"{{v}}\"\n", view, "cloudformation"),
            "x: \"a\\\"b\\\\c\\nd\\t${x} %{y} $z\"\n");
  EXPECT_EQ(render_one("x: \"{{v}}\"\n", json{{"v", "q\"\x1f\a\xe2\x80\xa8"}}, "yaml"),
            "x: \"q\\\"\\x1f\\a\\L\"\n");
  EXPECT_EQ(render_one("{{v}}\n", json{{"v", "<b> & \"c\""}}, "markdown"), "<b> & \"c\"\n");
}

TEST(Render, TripleMustacheAndAmpersandAreRaw) {
  json view = {{"expr", "aws_db_instance.main.address"}, {"q", "\"x\""}};
  EXPECT_EQ(render_one("host = {{{expr}}}\nq = {{&q}}\n", view, "hcl"),
            "host = aws_db_instance.main.address\nq = \"x\"\n");
}

TEST(Render, EachRendersOneFilePerItemWithItsPath) {
  json view = {{"app", "shop"},
               {"groups", {{"services", json::array({{{"name", "vote"}}, {{"name", "result"}}})}}}};
  Result result = render(PackBuilder().file("services/{{name}}.tf", "service.mustache",
                                            "# {{app}}/{{name}}\n", "text", "groups.services"),
                         view);
  ASSERT_EQ(result.diagnostics, "");
  ASSERT_EQ(result.files.size(), 2u);
  EXPECT_EQ(result.files[0].path, "services/vote.tf");
  EXPECT_EQ(result.files[0].text, "# shop/vote\n");
  EXPECT_EQ(result.files[1].path, "services/result.tf");
  EXPECT_EQ(result.files[1].template_path, "packs/demo/service.mustache");
}

TEST(Render, EachProblemsAreReportedAtThePackEntry) {
  Result missing = render(PackBuilder().file("{{name}}.tf", "s.mustache", "x\n", "text", "servces"),
                          json{{"services", json::array()}});
  EXPECT_EQ(missing.diagnostics,
            "packs/demo/pack.yaml:2:3: error: each: missing value 'servces'\n"
            "  f:\n"
            "  ^\n"
            "  hint: did you mean 'services'?\n"
            "1 error generated.\n");
  Result not_list = render(PackBuilder().file("{{name}}.tf", "s.mustache", "x\n", "text", "app"),
                           json{{"app", "x"}});
  EXPECT_EQ(not_list.diagnostics,
            "packs/demo/pack.yaml:2:3: error: each: 'app' is not a list\n  f:\n  ^\n"
            "1 error generated.\n");
}

// {{{value | filter}}} escapes a value for where it lands, whatever the file's kind.
TEST(Render, FiltersEscapeForWhereTheValueLands) {
  json view = {{"v", "a${b} %{c} \"q\" $d {{e}} it's"}};
  EXPECT_EQ(render_one("{{{v | hcl_heredoc}}}\n", view), "a$${b} %%{c} \"q\" $d {{e}} it's\n");
  EXPECT_EQ(render_one("{{{v|hcl_string}}}\n", view), "a$${b} %%{c} \\\"q\\\" $d {{e}} it's\n");
  EXPECT_EQ(render_one("{{{v | fn_sub}}}\n", view), "a${!b} %{c} \\\"q\\\" $d {{e}} it's\n");
  // Escaped twice: the text of a JSON string inside a JSON document that is itself a string.
  EXPECT_EQ(render_one("{{{v | json_in_json}}}\n", json{{"v", "\"q\" \\ \n"}}),
            "\\\\\\\"q\\\\\\\" \\\\\\\\ \\\\n\n");
  EXPECT_EQ(render_one("{{{v | compose}}}\n", view), "a$${b} %{c} \\\"q\\\" $$d {{e}} it's\n");
  EXPECT_EQ(render_one("{{{v | helm}}}\n", view), "a${b} %{c} \\\"q\\\" $d {{ \"{{\" }}e}} it's\n");
  EXPECT_EQ(render_one("{{{v | shell}}}\n", view),
            "$'a$\\x7bb} %\\x7bc} \"q\" $d \\x7b\\x7be}} it\\'s'\n");
}

TEST(Render, AFilterOnAnEscapedValueOrUnknownIsAnError) {
  Result escaped =
      render(PackBuilder().file("a.txt", "a.mustache", "{{v | fn_sub}}\n"), json{{"v", "x"}});
  EXPECT_NE(
      escaped.diagnostics.find("error: a filter applies to a value written raw: {{{v | fn_sub}}}"),
      std::string::npos)
      << escaped.diagnostics;
  Result unknown =
      render(PackBuilder().file("a.txt", "a.mustache", "{{{v | fn_sup}}}\n"), json{{"v", "x"}});
  EXPECT_NE(unknown.diagnostics.find("error: unknown filter 'fn_sup'"), std::string::npos)
      << unknown.diagnostics;
  EXPECT_NE(unknown.diagnostics.find("did you mean 'fn_sub'?"), std::string::npos)
      << unknown.diagnostics;
}

// The template is parsed once per file entry; an item whose render fails reports its own error
// and the items after it render from a fresh parse.
TEST(Render, EachItemRendersOnItsOwnAfterAFailedOne) {
  json view = {
      {"items",
       json::array({{{"name", "a"}, {"x", "1"}}, {{"name", "b"}}, {{"name", "c"}, {"x", "3"}}})}};
  Result result =
      render(PackBuilder().file("{{name}}.txt", "s.mustache", "{{x}}\n", "text", "items"), view);
  EXPECT_EQ(result.diagnostics,
            "packs/demo/s.mustache:1:1: error: missing value 'x'\n"
            "{{x}}\n"
            "^~~~~\n"
            "1 error generated.\n");
  ASSERT_EQ(result.files.size(), 2u);
  EXPECT_EQ(result.files[0].text, "1\n");
  EXPECT_EQ(result.files[1].path, "c.txt");
  EXPECT_EQ(result.files[1].text, "3\n");
}

// `when:` keeps a file only where its value is set, the way a section is true (and {} too).
TEST(Render, WhenRendersAFileOnlyWhereItsValueIsSet) {
  json view = {{"caches", json::array({{{"name", "c"}}})},
               {"buckets", json::array()},
               {"pipeline", false},
               {"network", {{"creates", true}, {"existing", json::object()}}}};
  PackBuilder builder;
  builder.file("cache.tf", "cache.mustache", "c\n").when("caches");
  builder.file("bucket.tf", "bucket.mustache", "b\n").when("buckets");
  builder.file("workflow.yml", "workflow.mustache", "w\n").when("pipeline.github_actions");
  builder.file("network.tf", "network.mustache", "n\n").when("network.creates");
  builder.file("existing.tf", "existing.mustache", "e\n").when("network.existing");
  Result result = render(builder, view);
  ASSERT_EQ(result.diagnostics, "");
  ASSERT_EQ(result.files.size(), 2u);
  EXPECT_EQ(result.files[0].path, "cache.tf");
  EXPECT_EQ(result.files[1].path, "network.tf");
}

TEST(Render, WhenNamingAMissingKeyIsAnError) {
  Result result = render(PackBuilder().file("cache.tf", "c.mustache", "x\n").when("network.create"),
                         json{{"network", {{"creates", true}}}});
  EXPECT_EQ(result.diagnostics,
            "packs/demo/pack.yaml:2:3: error: when: missing value 'network.create'\n"
            "  f:\n"
            "  ^\n"
            "  hint: did you mean 'network.creates'?\n"
            "1 error generated.\n");
  EXPECT_TRUE(result.files.empty());
}

TEST(Render, RenderedPathMustStayInside) {
  Result result = render(
      PackBuilder().file("{{name}}.tf", "s.mustache", "x\n", "text", "items"),
      json{{"items", json::array({{{"name", "../up"}}, {{"name", "ok"}}, {{"name", "ok"}}})}});
  EXPECT_EQ(result.diagnostics,
            "packs/demo/pack.yaml:2:3: error: invalid output path '../up.tf': the path must not "
            "contain '..'\n  f:\n  ^\n"
            "packs/demo/pack.yaml:2:3: error: two files of format 'f' render to the same path "
            "'ok.tf'\n  f:\n  ^\n"
            "2 errors generated.\n");
  ASSERT_EQ(result.files.size(), 1u);
}

TEST(Render, PartialsSharedAndOwnWithIndentation) {
  PackBuilder builder;
  builder.partial("terraform/tags", "tags = {\n  app = \"{{app}}\"\n}\n")
      .partial("partials/list", "{{#items}}\n- {{.}}\n{{/items}}\n")
      .file("a.tf", "a.mustache",
            "resource \"x\" \"y\" {\n  {{> terraform/tags}}\n}\nitems:\n    "
            "{{>partials/list}}\nend\n");
  Result result = render(builder, json{{"app", "shop"}, {"items", {"a", "b"}}});
  ASSERT_EQ(result.diagnostics, "");
  EXPECT_EQ(result.files[0].text,
            "resource \"x\" \"y\" {\n  tags = {\n    app = \"shop\"\n  }\n}\nitems:\n    - a\n    "
            "- b\nend\n");
}

// Every output line's origin, as the finishers see them.
std::vector<std::string> origins_of(const RenderedFile& file) {
  std::vector<std::string> origins;
  for (size_t line = 1; line <= file.line_origin_ids.size(); ++line) {
    origins.emplace_back(file.origin_of_line(static_cast<int>(line)));
  }
  return origins;
}

TEST(Render, LineOriginsThroughLoopsAndPartials) {
  PackBuilder builder;
  builder.partial("p", "p1 {{x}}\np2\n")
      .file("a.txt", "a.mustache", "head\n{{#items}}\nitem {{.}}\n{{/items}}\n{{>p}}\ntail");
  Result result = render(builder, json{{"items", {"a", "b"}}, {"x", "X"}});
  ASSERT_EQ(result.diagnostics, "");
  EXPECT_EQ(result.files[0].text, "head\nitem a\nitem b\np1 X\np2\ntail");
  EXPECT_EQ(
      origins_of(result.files[0]),
      (std::vector<std::string>{"packs/demo/a.mustache:1", "packs/demo/a.mustache:3",
                                "packs/demo/a.mustache:3", "templates/_shared/p.mustache:1",
                                "templates/_shared/p.mustache:2", "packs/demo/a.mustache:6"}));
}

TEST(Render, ValueWithNewlinesBelongsToItsTemplateLine) {
  Result result =
      render(PackBuilder().file("a.md", "a.mustache", "# title\n{{text}}\nend\n", "markdown"),
             json{{"text", "one\ntwo"}});
  EXPECT_EQ(result.files[0].text, "# title\none\ntwo\nend\n");
  EXPECT_EQ(origins_of(result.files[0]),
            (std::vector<std::string>{"packs/demo/a.mustache:1", "packs/demo/a.mustache:2",
                                      "packs/demo/a.mustache:2", "packs/demo/a.mustache:3"}));
}

TEST(Render, SetDelimitersLetTemplatesEmitBraces) {
  EXPECT_EQ(render_one("{{=<% %>=}}\nimage: {{ .Values.image }}\nname: <%name%>\n",
                       json{{"name", "vote"}}, "text"),
            "image: {{ .Values.image }}\nname: vote\n");
}

TEST(Render, TemplateSyntaxErrors) {
  PackBuilder builder;
  builder.partial("terraform/network", "")
      .file("a.txt", "a.mustache",
            "{{#a}}\n{{/b}}\n{{>terraform/netwrok}}\n{{bad name}}\n{{/c}}\n{{#open}}\n");
  Result result = render(builder, json::object());
  EXPECT_EQ(result.diagnostics,
            "packs/demo/a.mustache:1:1: error: section 'a' is not closed\n{{#a}}\n^~~~~~\n"
            "packs/demo/a.mustache:2:1: error: closing tag {{/b}} does not match {{#a}} opened on "
            "line 1\n{{/b}}\n^~~~~~\n"
            "packs/demo/a.mustache:3:1: error: unknown partial 'terraform/netwrok'\n"
            "{{>terraform/netwrok}}\n^~~~~~~~~~~~~~~~~~~~~~\n"
            "  hint: did you mean 'terraform/network'?\n"
            "packs/demo/a.mustache:4:1: error: invalid name 'bad name' in {{bad name}}\n"
            "{{bad name}}\n^~~~~~~~~~~~\n"
            "  hint: names are letters, digits, '_' and '-', joined by '.'\n"
            "packs/demo/a.mustache:5:1: error: closing tag {{/c}} does not match {{#a}} opened on "
            "line 1\n{{/c}}\n^~~~~~\n"
            "packs/demo/a.mustache:6:1: error: section 'open' is not closed\n{{#open}}\n^~~~~~~~~\n"
            "6 errors generated.\n");
}

// Names are dot-joined runs of letters, digits, '_' and '-'; partial names '/'-joined runs that
// may also hold '.'.
TEST(Render, NamesAndPartialNamesAreChecked) {
  for (const char* bad : {"a..b", ".a", "a.", "a b", "a/b", "\u00e9"}) {
    Result result =
        render(PackBuilder().file("a.txt", "a.mustache", std::string("{{") + bad + "}}\n"),
               json{{"a", "x"}});
    EXPECT_NE(result.diagnostics.find("error: invalid name"), std::string::npos) << bad;
  }
  for (const char* good : {".", "a", "a.b-c", "_x.y_2", "-"}) {
    Result result =
        render(PackBuilder().file("a.txt", "a.mustache", std::string("{{") + good + "}}\n"),
               json{{"a", {{"b-c", "x"}}}, {"_x", {{"y_2", "y"}}}, {"-", "z"}});
    EXPECT_EQ(result.diagnostics.find("invalid name"), std::string::npos) << good;
  }
  for (const char* bad : {"a//b", "/a", "a/", "a b"}) {
    Result result = render(
        PackBuilder().file("a.txt", "a.mustache", std::string("{{>") + bad + "}}\n"), json{});
    EXPECT_NE(result.diagnostics.find("error: invalid partial name"), std::string::npos) << bad;
  }
}

TEST(Render, UnclosedTagAndRecursivePartial) {
  Result unclosed =
      render(PackBuilder().file("a.txt", "a.mustache", "x\n  {{name\n"), json::object());
  EXPECT_EQ(unclosed.diagnostics,
            "packs/demo/a.mustache:2:3: error: tag is not closed: missing '}}'\n  {{name\n  ^~\n"
            "1 error generated.\n");
  PackBuilder builder;
  builder.partial("loop", "again\n{{>loop}}\n").file("a.txt", "a.mustache", "{{>loop}}\n");
  EXPECT_EQ(render(builder, json::object()).diagnostics,
            "templates/_shared/loop.mustache:2:1: error: partial 'loop' includes itself\n"
            "{{>loop}}\n^~~~~~~~~\n1 error generated.\n");
}

TEST(Render, ViewModelMayNotHoldMarkerCharacters) {
  Result result = render(PackBuilder().file("a.txt", "a.mustache", "{{v}}\n"),
                         json{{"list", {"ok", "bad\x01"}}});
  EXPECT_EQ(result.diagnostics,
            "infragen: error: view model value at '/list/1' contains a control character "
            "U+0001..U+0004\n1 error generated.\n");
}

}  // namespace
}  // namespace infragen
