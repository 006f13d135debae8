#include <gtest/gtest.h>

#include "pack_test_support.h"
#include "render/pack.h"

namespace infragen {
namespace {

using testing::printed;
using testing::TempFolder;
using testing::write_files;

const char* kGoodPack = R"(name: demo
description: A demo pack
supports: [services.public, databases.postgres]
references:
  terraform:
    databases.host: "aws_db_instance.{{resource}}.address"
formats:
  terraform:
    output_dir: terraform
    files:
      - path: main.tf
        template: terraform/main.tf.mustache
        kind: hcl
      - path: "services/{{name}}.tf"
        template: terraform/service.tf.mustache
        each: services
        kind: hcl
  docs:
    output_dir: docs
    files:
      - {path: README.md, template: README.md.mustache, kind: markdown}
)";

TEST(PackRegistry, LoadsAGoodPackWithPartials) {
  TempFolder temp;
  write_files(temp, {{"demo/pack.yaml", kGoodPack},
                     {"demo/terraform/main.tf.mustache", "# main\r\n"},
                     {"demo/terraform/service.tf.mustache", "# {{name}}\n"},
                     {"demo/README.md.mustache", "# readme\n"},
                     {"demo/partials/tags.mustache", "tags = {}\n"},
                     {"_shared/terraform/network.mustache", "# network\n"}});
  PackRegistry registry;
  Diagnostics diagnostics;
  ASSERT_TRUE(registry.load_folder(temp.str(), diagnostics)) << printed(diagnostics);
  const Pack* pack = registry.find("demo");
  ASSERT_NE(pack, nullptr);
  EXPECT_EQ(pack->description, "A demo pack");
  EXPECT_EQ(pack->supports, (std::vector<std::string>{"services.public", "databases.postgres"}));
  EXPECT_EQ(pack->references["terraform"]["databases.host"],
            "aws_db_instance.{{resource}}.address");
  ASSERT_EQ(pack->formats.size(), 2u);
  const PackFormat* terraform = pack->find_format("terraform");
  ASSERT_NE(terraform, nullptr);
  EXPECT_EQ(terraform->output_dir, "terraform");
  ASSERT_EQ(terraform->files.size(), 2u);
  EXPECT_EQ(terraform->files[1].path, "services/{{name}}.tf");
  EXPECT_EQ(terraform->files[1].each, "services");
  EXPECT_EQ(terraform->files[1].kind, "hcl");
  EXPECT_EQ(terraform->files[1].location.line, 14);
  EXPECT_EQ(pack->find_format("helm"), nullptr);
  EXPECT_EQ(pack->templates.at("terraform/main.tf.mustache"), "# main\n");  // CRLF -> LF
  EXPECT_EQ(pack->partials.at("terraform/network"), "# network\n");
  EXPECT_EQ(pack->partials.at("partials/tags"), "tags = {}\n");
  EXPECT_EQ(pack->partial_files.at("partials/tags"), temp.str() + "/demo/partials/tags.mustache");
  EXPECT_EQ(pack->folder, temp.str() + "/demo");
}

TEST(PackRegistry, SharedReferencesUnderThePacksOwnKindByKind) {
  TempFolder temp;
  std::string pack = kGoodPack;
  pack.replace(pack.find("references:"), 0,
               "sections: [instance_capacity]\nreferences_from: aws\n");
  write_files(temp, {{"demo/pack.yaml", pack},
                     {"demo/terraform/main.tf.mustache", "# main\n"},
                     {"demo/terraform/service.tf.mustache", "# {{name}}\n"},
                     {"demo/README.md.mustache", "# readme\n"},
                     {"_shared/references/aws.yaml",
                      "terraform:\n  databases.host: shared-host\n  caches.host: shared-cache\n"
                      "cloudformation:\n  caches.host: cfn-cache\n"}});
  PackRegistry registry;
  Diagnostics diagnostics;
  ASSERT_TRUE(registry.load_folder(temp.str(), diagnostics)) << printed(diagnostics);
  const Pack* loaded = registry.find("demo");
  ASSERT_NE(loaded, nullptr);
  EXPECT_EQ(loaded->sections, (std::vector<std::string>{"instance_capacity"}));
  EXPECT_EQ(loaded->references["terraform"]["databases.host"],
            "aws_db_instance.{{resource}}.address");  // the pack's own wins
  EXPECT_EQ(loaded->references["terraform"]["caches.host"], "shared-cache");
  EXPECT_EQ(loaded->references["cloudformation"]["caches.host"], "cfn-cache");
}

TEST(PackRegistry, UnknownSharedReferencesAndSectionAreErrors) {
  TempFolder temp;
  std::string pack = kGoodPack;
  pack.replace(pack.find("references:"), 0, "references_from: ecz\n");
  write_files(temp, {{"demo/pack.yaml", pack},
                     {"demo/terraform/main.tf.mustache", "# main\n"},
                     {"demo/terraform/service.tf.mustache", "# {{name}}\n"},
                     {"demo/README.md.mustache", "# readme\n"},
                     {"_shared/references/ecs.yaml", "terraform: {caches.host: x}\n"}});
  PackRegistry registry;
  Diagnostics diagnostics;
  EXPECT_FALSE(registry.load_folder(temp.str(), diagnostics));
  EXPECT_NE(printed(diagnostics).find("pack.yaml:4:18: error: unknown shared reference file 'ecz'"),
            std::string::npos)
      << printed(diagnostics);
  EXPECT_NE(printed(diagnostics).find("did you mean 'ecs'?"), std::string::npos)
      << printed(diagnostics);

  TempFolder other;
  pack = kGoodPack;
  pack.replace(pack.find("references:"), 0, "sections: [gpu_sizing]\n");
  write_files(other, {{"demo/pack.yaml", pack},
                      {"demo/terraform/main.tf.mustache", "# main\n"},
                      {"demo/terraform/service.tf.mustache", "# {{name}}\n"},
                      {"demo/README.md.mustache", "# readme\n"}});
  Diagnostics bad_section;
  EXPECT_FALSE(registry.load_folder(other.str(), bad_section));
  EXPECT_NE(printed(bad_section).find("pack.yaml:4:"), std::string::npos) << printed(bad_section);
}

TEST(PackRegistry, LaterFolderReplacesPackAndSharedPartials) {
  TempFolder builtin, extra;
  write_files(builtin, {{"demo/pack.yaml", kGoodPack},
                        {"demo/terraform/main.tf.mustache", "builtin\n"},
                        {"demo/terraform/service.tf.mustache", ""},
                        {"demo/README.md.mustache", ""},
                        {"_shared/terraform/network.mustache", "builtin network\n"},
                        {"other/pack.yaml",
                         "name: other\ndescription: x\nformats:\n  text:\n"
                         "    output_dir: t\n    files:\n"
                         "      - {path: a.txt, template: a.mustache, kind: text}\n"},
                        {"other/a.mustache", "a\n"}});
  write_files(extra, {{"demo/pack.yaml",
                       "name: demo\ndescription: override\nformats:\n  text:\n"
                       "    output_dir: t\n    files:\n"
                       "      - {path: b.txt, template: b.mustache, kind: text}\n"},
                      {"demo/b.mustache", "b\n"},
                      {"_shared/terraform/network.mustache", "extra network\n"}});
  PackRegistry registry;
  Diagnostics diagnostics;
  ASSERT_TRUE(registry.load_folder(builtin.str(), diagnostics));
  ASSERT_TRUE(registry.load_folder(extra.str(), diagnostics)) << printed(diagnostics);
  ASSERT_EQ(registry.all().size(), 2u);
  EXPECT_EQ(registry.all()[0]->name, "demo");
  EXPECT_EQ(registry.all()[1]->name, "other");
  EXPECT_EQ(registry.find("demo")->description, "override");
  EXPECT_EQ(registry.find("other")->partials.at("terraform/network"), "extra network\n");
}

// Loads one pack folder "demo" holding `pack_yaml` and an empty template t.mustache.
std::string load_errors(const std::string& pack_yaml) {
  TempFolder temp;
  write_files(temp, {{"demo/pack.yaml", pack_yaml}, {"demo/t.mustache", ""}});
  PackRegistry registry;
  Diagnostics diagnostics;
  EXPECT_FALSE(registry.load_folder(temp.str(), diagnostics));
  EXPECT_EQ(registry.find("demo"), nullptr);
  std::string text = printed(diagnostics);
  // Paths differ per run; the tests compare the rest.
  for (size_t at; (at = text.find(temp.str())) != std::string::npos;)
    text.replace(at, temp.str().size(), "T");
  return text;
}

const char* kHeader = "name: demo\ndescription: d\n";

TEST(PackRegistry, UnknownFieldWithSuggestion) {
  EXPECT_EQ(load_errors(std::string(kHeader) +
                        "formats:\n  text:\n    output_dir: out\n    files:\n"
                        "      - path: a.txt\n        template: t.mustache\n        kind: text\n"
                        "        eahc: items\n"),
            "T/demo/pack.yaml:10:9: error: unknown field 'eahc'\n"
            "        eahc: items\n"
            "        ^~~~\n"
            "  hint: did you mean 'each'?\n"
            "1 error generated.\n");
}

TEST(PackRegistry, UnknownTopLevelFieldListsAllowedFields) {
  EXPECT_EQ(
      load_errors(std::string(kHeader) + "colour: blue\nformats: {t: {output_dir: o, files: "
                                         "[{path: a, template: t.mustache, kind: text}]}}\n"),
      "T/demo/pack.yaml:3:1: error: unknown field 'colour'\n"
      "colour: blue\n"
      "^~~~~~\n"
      "  hint: allowed fields: description, formats, name, references, references_from, sections, "
      "supports\n"
      "1 error generated.\n");
}

TEST(PackRegistry, InvalidKindAndMissingField) {
  EXPECT_EQ(load_errors(std::string(kHeader) +
                        "formats:\n  text:\n    output_dir: out\n    files:\n"
                        "      - path: a.txt\n        template: t.mustache\n        kind: jsno\n"
                        "      - path: b.txt\n        kind: text\n"),
            "T/demo/pack.yaml:9:15: error: invalid value 'jsno'; expected one of: hcl, json, yaml, "
            "cloudformation, markdown, text, shell\n"
            "        kind: jsno\n"
            "              ^~~~\n"
            "  hint: did you mean 'json'?\n"
            "T/demo/pack.yaml:10:9: error: missing required field 'template'\n"
            "      - path: b.txt\n"
            "        ^\n"
            "2 errors generated.\n");
}

TEST(PackRegistry, WrongTypeAndEmptyList) {
  EXPECT_EQ(
      load_errors(std::string(kHeader) + "supports: services.public\n"
                                         "formats:\n  text:\n    output_dir: out\n    files: []\n"),
      "T/demo/pack.yaml:3:11: error: expected a list, found a string\n"
      "supports: services.public\n"
      "          ^~~~~~~~~~~~~~~\n"
      "T/demo/pack.yaml:7:12: error: 'files' must not be empty\n"
      "    files: []\n"
      "           ^\n"
      "2 errors generated.\n");
}

TEST(PackRegistry, MissingTemplateFileAndEscapingPaths) {
  EXPECT_EQ(load_errors(std::string(kHeader) +
                        "formats:\n  text:\n    output_dir: out\n    files:\n"
                        "      - {path: a.txt, template: missing.mustache, kind: text}\n"
                        "      - {path: ../b.txt, template: t.mustache, kind: text}\n"
                        "      - {path: c.txt, template: ../t.mustache, kind: text}\n"),
            "T/demo/pack.yaml:7:33: error: template file 'missing.mustache' not found\n"
            "      - {path: a.txt, template: missing.mustache, kind: text}\n"
            "                                ^~~~~~~~~~~~~~~~\n"
            "  hint: looked for T/demo/missing.mustache\n"
            "T/demo/pack.yaml:8:16: error: invalid output path '../b.txt': the path must not "
            "contain '..'\n"
            "      - {path: ../b.txt, template: t.mustache, kind: text}\n"
            "               ^~~~~~~~\n"
            "T/demo/pack.yaml:9:33: error: invalid template path '../t.mustache': the path must "
            "not contain '..'\n"
            "      - {path: c.txt, template: ../t.mustache, kind: text}\n"
            "                                ^~~~~~~~~~~~~\n"
            "3 errors generated.\n");
}

TEST(PackRegistry, NameMustMatchFolder) {
  EXPECT_EQ(load_errors("name: other\ndescription: d\nformats: {t: {output_dir: o, files: "
                        "[{path: a, template: t.mustache, kind: text}]}}\n"),
            "T/demo/pack.yaml:1:7: error: pack name 'other' does not match its folder 'demo'\n"
            "name: other\n"
            "      ^~~~~\n"
            "  hint: a pack is selected with -t by its folder name; make them equal\n"
            "1 error generated.\n");
}

TEST(PackRegistry, YamlSyntaxErrorAndDuplicateKey) {
  EXPECT_EQ(load_errors("name: demo\ndescription: [unclosed\n"),
            "T/demo/pack.yaml:2:23: error: invalid YAML: end of sequence flow not found\n"
            "description: [unclosed\n"
            "                      ^\n"
            "1 error generated.\n");
  EXPECT_EQ(load_errors("name: demo\nname: demo\n"),
            "T/demo/pack.yaml:2:1: error: duplicate key 'name'\n"
            "name: demo\n"
            "^~~~\n"
            "1 error generated.\n");
}

TEST(PackRegistry, InvalidFormatName) {
  EXPECT_EQ(load_errors(std::string(kHeader) + "formats: {Terraform: {output_dir: o, files: "
                                               "[{path: a, template: t.mustache, kind: text}]}}\n"),
            "T/demo/pack.yaml:3:11: error: invalid format name 'Terraform'\n"
            "formats: {Terraform: {output_dir: o, files: [{path: a, template: t.mustache, kind: "
            "text}]}}\n"
            "          ^~~~~~~~~\n"
            "  hint: use lower-case letters, digits and '-', e.g. terraform\n"
            "1 error generated.\n");
}

TEST(PackRegistry, FormatNamesAreLowercaseWordsJoinedBySingleHyphens) {
  auto rejected = [](const std::string& name) {
    TempFolder temp;
    write_files(temp, {{"demo/pack.yaml", std::string(kHeader) + "formats: {" + name +
                                              ": {output_dir: o, files: [{path: a, template: "
                                              "t.mustache, kind: text}]}}\n"},
                       {"demo/t.mustache", ""}});
    PackRegistry registry;
    Diagnostics diagnostics;
    registry.load_folder(temp.str(), diagnostics);
    return printed(diagnostics).find("invalid format name '" + name + "'") != std::string::npos;
  };
  for (const std::string bad : {"1tf", "-tf", "tf-", "tf--x", "t_f", "tF"}) {
    EXPECT_TRUE(rejected(bad)) << bad;
  }
  for (const std::string good : {"tf", "t2", "docker-compose", "a-1-b"}) {
    EXPECT_FALSE(rejected(good)) << good;
  }
}

// A problem in a shared reference file is reported where yaml-cpp places it, also inside a flow
// mapping (where the plain reader records no position of its own).
TEST(PackRegistry, SharedReferenceSnippetThatIsNoString) {
  TempFolder temp;
  write_files(temp, {{"_shared/references/ecs.yaml",
                      "# shared\nterraform: {caches.host: x, databases.host: [a]}\n"}});
  PackRegistry registry;
  Diagnostics diagnostics;
  EXPECT_FALSE(registry.load_folder(temp.str(), diagnostics));
  std::string text = printed(diagnostics);
  for (size_t at; (at = text.find(temp.str())) != std::string::npos;)
    text.replace(at, temp.str().size(), "T");
  EXPECT_EQ(text,
            "T/_shared/references/ecs.yaml:2:45: error: the snippet of reference kind "
            "'databases.host' must be a string\n"
            "terraform: {caches.host: x, databases.host: [a]}\n"
            "                                            ^\n"
            "1 error generated.\n");
}

TEST(PackRegistry, MissingFolder) {
  PackRegistry registry;
  Diagnostics diagnostics;
  EXPECT_FALSE(registry.load_folder("/nonexistent/templates", diagnostics));
  EXPECT_EQ(printed(diagnostics),
            "/nonexistent/templates: error: templates folder not found\n1 error generated.\n");
}

TEST(PackRegistry, FolderWithoutPacksIsFine) {
  TempFolder temp;
  write_files(temp, {{"_shared/x.mustache", "x\n"}, {"notes/readme.txt", "not a pack\n"}});
  PackRegistry registry;
  Diagnostics diagnostics;
  EXPECT_TRUE(registry.load_folder(temp.str(), diagnostics));
  EXPECT_TRUE(registry.all().empty());
}

TEST(PackSchema, IsDraft07AndCompiledIn) {
  EXPECT_NE(pack_schema_text().find("\"$schema\": \"http://json-schema.org/draft-07/schema#\""),
            std::string::npos);
}

}  // namespace
}  // namespace infragen
