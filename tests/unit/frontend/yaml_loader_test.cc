#include "frontend/yaml_loader.h"

#include <gtest/gtest.h>

#include <sstream>

#include "frontend/source_tokens.h"

namespace infragen {
namespace {

using json = nlohmann::json;

struct Loaded {
  std::optional<Document> document;
  std::string printed;
};

Loaded load(const std::string& text) {
  Diagnostics diagnostics;
  auto file = std::make_shared<SourceFile>("app.yaml", text);
  Loaded result;
  result.document = load_yaml_document(file, diagnostics);
  std::ostringstream out;
  diagnostics.print(out);
  result.printed = out.str();
  return result;
}

TEST(YamlLoader, TypesPlainScalarsByTheCoreSchema) {
  Loaded loaded = load(
      "t: true\nf: False\nn: null\ntilde: ~\nempty:\ni: 42\nneg: -7\noct: 0o17\nhex: 0x1F\n"
      "flt: 1.5\nexp: 1e3\nword: yes\nver: 15.1.2\nzero: 012\n");
  ASSERT_TRUE(loaded.document) << loaded.printed;
  const json& root = loaded.document->root;
  EXPECT_EQ(root["t"], true);
  EXPECT_EQ(root["f"], false);
  EXPECT_TRUE(root["n"].is_null());
  EXPECT_TRUE(root["tilde"].is_null());
  EXPECT_TRUE(root["empty"].is_null());
  EXPECT_EQ(root["i"], 42);
  EXPECT_EQ(root["neg"], -7);
  EXPECT_EQ(root["oct"], 15);
  EXPECT_EQ(root["hex"], 31);
  EXPECT_TRUE(root["flt"].is_number_float());
  EXPECT_DOUBLE_EQ(root["flt"].get<double>(), 1.5);
  EXPECT_DOUBLE_EQ(root["exp"].get<double>(), 1000.0);
  // YAML 1.2: `yes` is a string, and a leading zero is still decimal.
  EXPECT_EQ(root["word"], "yes");
  EXPECT_EQ(root["ver"], "15.1.2");
  EXPECT_EQ(root["zero"], 12);
  EXPECT_EQ(loaded.printed, "");
}

TEST(YamlLoader, QuotedAndBlockScalarsAreAlwaysStrings) {
  Loaded loaded =
      load("a: \"15\"\nb: 'true'\nc: \"null\"\nd: |\n  80\ne: !!str 12\nf: !!int \"7\"\n");
  ASSERT_TRUE(loaded.document) << loaded.printed;
  const json& root = loaded.document->root;
  EXPECT_EQ(root["a"], "15");
  EXPECT_EQ(root["b"], "true");
  EXPECT_EQ(root["c"], "null");
  EXPECT_EQ(root["d"], "80\n");
  EXPECT_EQ(root["e"], "12");
  EXPECT_EQ(root["f"], 7);
}

TEST(YamlLoader, RecordsValueAndKeyPositionsWithLengths) {
  Loaded loaded = load("name: voting\nservices:\n  vote:\n    image: \"nginx:1\"\n    port: 80\n");
  ASSERT_TRUE(loaded.document) << loaded.printed;
  const Document& document = *loaded.document;
  SourceLocation port = document.locate("/services/vote/port");
  EXPECT_EQ(port.line, 5);
  EXPECT_EQ(port.column, 11);
  EXPECT_EQ(port.length, 2);
  SourceLocation image = document.locate("/services/vote/image");
  EXPECT_EQ(image.line, 4);
  EXPECT_EQ(image.column, 12);
  EXPECT_EQ(image.length, 9);  // the quotes are underlined too
  SourceLocation vote_key = document.locate_key("/services/vote");
  EXPECT_EQ(vote_key.line, 3);
  EXPECT_EQ(vote_key.column, 3);
  EXPECT_EQ(vote_key.length, 4);
  // A position that has no value of its own falls back to its closest ancestor.
  SourceLocation missing = document.locate("/services/vote/cpu");
  EXPECT_EQ(missing.line, 4);
  EXPECT_EQ(document.locate_key("/services/vote/cpu").line, 4);
}

TEST(YamlLoader, EmptyValueIsLocatedAtItsKey) {
  Loaded loaded = load("a:\nb: 1\n");
  ASSERT_TRUE(loaded.document) << loaded.printed;
  SourceLocation a = loaded.document->locate("/a");
  EXPECT_EQ(a.line, 1);
  EXPECT_EQ(a.column, 1);
}

TEST(YamlLoader, EscapesKeysInPointers) {
  Loaded loaded = load("tags:\n  a/b: 1\n  c~d: 2\n");
  ASSERT_TRUE(loaded.document) << loaded.printed;
  EXPECT_EQ(loaded.document->locate("/tags/a~1b").line, 2);
  EXPECT_EQ(loaded.document->locate("/tags/c~0d").line, 3);
  EXPECT_EQ(loaded.document->root["tags"]["a/b"], 1);
}

TEST(YamlLoader, SequencePositionsUseIndexes) {
  Loaded loaded = load("depends_on:\n  - redis\n  - db\n");
  ASSERT_TRUE(loaded.document) << loaded.printed;
  SourceLocation second = loaded.document->locate("/depends_on/1");
  EXPECT_EQ(second.line, 3);
  EXPECT_EQ(second.column, 5);
  EXPECT_EQ(second.length, 2);
}

TEST(YamlLoader, DuplicateKeyIsAnErrorAtTheSecondKey) {
  Loaded loaded = load("name: a\nport: 1\nname: b\n");
  EXPECT_FALSE(loaded.document);
  EXPECT_EQ(loaded.printed,
            "app.yaml:3:1: error: duplicate key 'name'\n"
            "name: b\n"
            "^~~~\n"
            "  hint: 'name' is already set on line 1\n"
            "1 error generated.\n");
}

TEST(YamlLoader, SyntaxErrorAtTheParserPosition) {
  Loaded loaded = load("services:\n  vote:\n    image: x\n   port: 80\n");
  EXPECT_FALSE(loaded.document);
  EXPECT_EQ(loaded.printed,
            "app.yaml:4:4: error: YAML syntax error: end of map not found\n"
            "   port: 80\n"
            "   ^\n"
            "  hint: check the indentation: keys of one map must start in the same column\n"
            "1 error generated.\n");
}

TEST(YamlLoader, TabIndentationIsNamed) {
  Loaded loaded = load("services:\n  vote:\n\timage: x\n");
  EXPECT_FALSE(loaded.document);
  EXPECT_EQ(loaded.printed,
            "app.yaml:3:1: error: tabs cannot be used for indentation in YAML\n"
            "\timage: x\n"
            "^\n"
            "  hint: indent with spaces\n"
            "1 error generated.\n");
}

TEST(YamlLoader, AnchorsAliasesAndMergeKeys) {
  Loaded loaded = load(
      "base: &base {cpu: 256, memory: 512}\n"
      "copy: *base\n"
      "merged:\n  <<: *base\n  memory: 1024\n");
  ASSERT_TRUE(loaded.document) << loaded.printed;
  const json& root = loaded.document->root;
  EXPECT_EQ(root["copy"], json({{"cpu", 256}, {"memory", 512}}));
  EXPECT_EQ(root["merged"], json({{"cpu", 256}, {"memory", 1024}}));
  // A value copied by an alias points at the anchored text.
  EXPECT_EQ(loaded.document->locate("/copy/cpu").line, 1);
}

TEST(YamlLoader, NonStringKeysAreErrors) {
  Loaded loaded = load("tags:\n  80: web\n");
  EXPECT_FALSE(loaded.document);
  EXPECT_NE(loaded.printed.find("app.yaml:2:3: error: the map key '80' must be a string"),
            std::string::npos)
      << loaded.printed;
}

TEST(YamlLoader, InfinityIsAnError) {
  Loaded loaded = load("a: .inf\n");
  EXPECT_FALSE(loaded.document);
  EXPECT_NE(loaded.printed.find("app.yaml:1:4: error: '.inf'"), std::string::npos)
      << loaded.printed;
}

TEST(YamlLoader, HugeIntegerIsAnError) {
  Loaded loaded = load("a: 99999999999999999999\nb: -9223372036854775808\n");
  EXPECT_FALSE(loaded.document);
  EXPECT_NE(
      loaded.printed.find("app.yaml:1:4: error: the number 99999999999999999999 is too large"),
      std::string::npos)
      << loaded.printed;
  EXPECT_EQ(loaded.printed.find("app.yaml:2"), std::string::npos) << loaded.printed;
}

TEST(YamlLoader, EmptyFileAndNonMapTopLevel) {
  EXPECT_EQ(load("").printed,
            "app.yaml:1:1: error: the manifest is empty\n\n^\n1 error generated.\n");
  EXPECT_EQ(load("# nothing\n").printed,
            "app.yaml:1:1: error: the manifest is empty\n# nothing\n^\n1 error generated.\n");
  Loaded list = load("- a\n- b\n");
  EXPECT_FALSE(list.document);
  EXPECT_NE(list.printed.find("app.yaml:1:1: error: the manifest must be a map"),
            std::string::npos);
}

TEST(YamlLoader, SecondDocumentIsAnError) {
  Loaded loaded = load("a: 1\n---\nb: 2\n");
  EXPECT_FALSE(loaded.document);
  EXPECT_NE(loaded.printed.find("app.yaml:2:1: error: a manifest is a single YAML document"),
            std::string::npos)
      << loaded.printed;
  EXPECT_TRUE(load("a: 1\n---\n").document);
}

TEST(YamlLoader, RecursiveAliasIsAnErrorNotACrash) {
  Loaded loaded = load("a: &x\n  b: *x\n");
  EXPECT_FALSE(loaded.document);
  EXPECT_NE(loaded.printed.find("nested too deeply"), std::string::npos) << loaded.printed;
}

// yaml-cpp 0.7's LoadAll never returns on these (jbeder/yaml-cpp#1040); found by the fuzzer.
TEST(YamlLoader, StrayCommaIsASyntaxErrorNotAHang) {
  EXPECT_EQ(load(",").printed,
            "app.yaml:1:1: error: YAML syntax error: unexpected ','\n,\n^\n"
            "  hint: ',' separates items only inside [ ] or { }; quote a value that starts with "
            "it\n1 error generated.\n");
  Loaded later = load("a: 1\n---\n  ,\n");
  EXPECT_FALSE(later.document);
  EXPECT_NE(later.printed.find("app.yaml:3:3: error: YAML syntax error: unexpected ','"),
            std::string::npos)
      << later.printed;
  EXPECT_FALSE(load("a: [1]\n,\n").document);
  // Empty documents after the first are still fine, and a second real one still an error.
  EXPECT_TRUE(load("a: 1\n---\n---\n").document);
  EXPECT_NE(load("a: 1\n---\n---\nb: 2\n")
                .printed.find("app.yaml:3:1: error: a manifest is a "
                              "single YAML document"),
            std::string::npos);
}

// valijson reads past its tables on malformed UTF-8; found by the fuzzer.
TEST(YamlLoader, InvalidUtf8IsAnErrorAtItsByte) {
  EXPECT_EQ(load("name: caf\xE9\n").printed,
            "app.yaml:1:10: error: invalid UTF-8 (byte 0xE9): a manifest is UTF-8 text\n"
            "name: caf\xE9\n         ^\n  hint: save the file with UTF-8 encoding\n"
            "1 error generated.\n");
  EXPECT_TRUE(load("name: \"caf\xC3\xA9 \xF0\x9F\x98\x80\"\n").document);
}

TEST(FirstInvalidUtf8, RejectsMalformedOverlongSurrogateAndTooLarge) {
  EXPECT_EQ(first_invalid_utf8("plain \xC3\xA9 \xE2\x82\xAC \xF4\x8F\xBF\xBF"),
            std::string_view::npos);
  EXPECT_EQ(first_invalid_utf8("ab\x80"), 2u);                // a lone continuation byte
  EXPECT_EQ(first_invalid_utf8("a\xC3"), 1u);                 // cut short at the end
  EXPECT_EQ(first_invalid_utf8("a\xE2\x82z"), 1u);            // cut short before a letter
  EXPECT_EQ(first_invalid_utf8("\xC0\xAF"), 0u);              // overlong '/'
  EXPECT_EQ(first_invalid_utf8("\xE0\x80\xAF"), 0u);          // overlong, 3 bytes
  EXPECT_EQ(first_invalid_utf8("\xED\xA0\x80"), 0u);          // a UTF-16 surrogate
  EXPECT_EQ(first_invalid_utf8("\xF4\x90\x80\x80"), 0u);      // above U+10FFFF
  EXPECT_EQ(first_invalid_utf8("\xF8\x88\x80\x80\x80"), 0u);  // a 5-byte form
  EXPECT_EQ(first_invalid_utf8("\xFF\xFEn"), 0u);             // a UTF-16 byte order mark
}

}  // namespace
}  // namespace infragen
