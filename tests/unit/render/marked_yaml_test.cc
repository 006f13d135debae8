#include "render/marked_yaml.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace infragen {
namespace {

std::optional<MarkedDocument> read(const std::string& text, MarkedReading reading) {
  auto file = std::make_shared<const SourceFile>("pack.yaml", text);
  Diagnostics diagnostics;
  auto document = load_marked_yaml(file, diagnostics, reading);
  EXPECT_TRUE(diagnostics.all().empty());
  return document;
}

std::string where(const SourceLocation& location) {
  return std::to_string(location.line) + ":" + std::to_string(location.column) + "+" +
         std::to_string(location.length);
}

// The fast reading has the same document as yaml-cpp's, and every position it records is the
// one yaml-cpp's marks give; it records fewer only for scalars inside flow collections.
void expect_same_reading(const std::string& text) {
  auto exact = read(text, MarkedReading::exact);
  auto fast = read(text, MarkedReading::fast);
  ASSERT_TRUE(exact && fast);
  EXPECT_EQ(fast->root, exact->root);
  for (const auto& [pointer, location] : fast->values) {
    ASSERT_TRUE(exact->values.count(pointer)) << pointer;
    EXPECT_EQ(where(location), where(exact->values.at(pointer))) << "value " << pointer;
  }
  for (const auto& [pointer, location] : fast->keys) {
    ASSERT_TRUE(exact->keys.count(pointer)) << pointer;
    EXPECT_EQ(where(location), where(exact->keys.at(pointer))) << "key " << pointer;
  }
  for (const auto& [pointer, location] : exact->values) {
    // Only what sits inside a flow collection may be missing from the fast reading.
    if (fast->values.count(pointer)) continue;
    EXPECT_NE(fast->value_at(pointer).line, 0) << pointer;
  }
}

TEST(MarkedYaml, FastReadingOfTheBuiltInPacksPlacesNodesAsYamlCppDoes) {
  for (const char* pack : {"ecs-fargate", "ecs-ec2"}) {
    std::ifstream in(std::string(INFRAGEN_SOURCE_DIR) + "/templates/" + pack + "/pack.yaml");
    std::stringstream text;
    text << in.rdbuf();
    ASSERT_FALSE(text.str().empty()) << pack;
    auto exact = read(text.str(), MarkedReading::exact);
    auto fast = read(text.str(), MarkedReading::fast);
    ASSERT_TRUE(exact && fast);
    // The fast reader took it: the scalars of its flow mappings have no position of their own.
    EXPECT_LT(fast->values.size(), exact->values.size()) << pack;
    expect_same_reading(text.str());
  }
}

TEST(MarkedYaml, FastReadingPlacesEveryKindOfNodeAsYamlCppDoes) {
  expect_same_reading(
      "# a comment\n"
      "name: demo\n"
      "quoted: \"a \\\"b\\\" c\"\n"
      "single: 'it''s'\n"
      "empty:\n"
      "nothing: ~\n"
      "yes_no: true\n"
      "block:\n"
      "  inner: value   # trailing\n"
      "  deeper:\n"
      "    - one\n"
      "    - {path: a, kind: b}\n"
      "    - key: v\n"
      "      other: w\n"
      "    - - nested\n"
      "    -\n"
      "same_indent:\n"
      "- x\n"
      "- [a, b]\n"
      "literal: |\n"
      "  line one\n"
      "  line two\n"
      "\"quoted key\": k\n"
      "slash/tilde~: s\n");
}

TEST(MarkedYaml, NumbersAreLeftToYamlCpp) {
  // This reading keeps `1` as the text "1"; the plain reader would make it a number.
  auto fast = read("count: 1\nname: x\n", MarkedReading::fast);
  ASSERT_TRUE(fast);
  EXPECT_EQ(fast->root["count"], "1");
  EXPECT_EQ(where(fast->values.at("/count")), "1:8+1");
}

}  // namespace
}  // namespace infragen
