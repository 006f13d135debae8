// SchemaMessages on small schemas: keywords the manifest schema uses rarely or not yet.
#include <gtest/gtest.h>

#include "frontend/schema_messages.h"
#include "frontend/yaml_loader.h"

namespace infragen {
namespace {

using json = nlohmann::json;

// The messages (with hints after " | ") for `yaml` against `schema`, examined in full.
std::vector<std::string> explain(const std::string& schema, const std::string& yaml) {
  Diagnostics diagnostics;
  auto document = load_yaml_document(std::make_shared<SourceFile>("t.yaml", yaml), diagnostics);
  EXPECT_TRUE(document);
  SchemaTree tree(json::parse(schema));
  std::vector<std::string> out;
  for (const auto& problem : SchemaMessages(tree, *document, nullptr).explain()) {
    out.push_back(std::to_string(problem.location.line) + ":" +
                  std::to_string(problem.location.column) + " " + problem.message +
                  (problem.hint.empty() ? "" : " | " + problem.hint));
  }
  return out;
}

const std::string kSizeSchema = R"({"type": "object", "properties": {"size": {"oneOf": [
    {"type": "string", "enum": ["small", "large"]},
    {"type": "integer", "minimum": 1}]}}})";

TEST(SchemaWalker, OneOfTakesTheBranchOfTheValuesType) {
  EXPECT_EQ(explain(kSizeSchema, "size: smal\n"),
            std::vector<std::string>{"1:7 'size' must be one of: small, large | did you mean "
                                     "'small'?"});
  EXPECT_EQ(explain(kSizeSchema, "size: 0\n"),
            std::vector<std::string>{"1:7 'size' must be at least 1"});
  EXPECT_TRUE(explain(kSizeSchema, "size: 3\n").empty());
}

TEST(SchemaWalker, OneOfMatchingTwice) {
  const std::string schema = R"({"type": "object", "properties": {"n": {"oneOf": [
      {"type": "integer"}, {"minimum": 0}]}}})";
  EXPECT_EQ(explain(schema, "n: 5\n"),
            std::vector<std::string>{"1:4 'n' matches more than one of its allowed forms"});
}

TEST(SchemaWalker, LengthsItemsAndBounds) {
  const std::string schema = R"({"type": "object", "properties": {
      "id": {"type": "string", "minLength": 3, "maxLength": 5},
      "list": {"type": "array", "minItems": 2, "maxItems": 3, "items": {"type": "integer"}},
      "ratio": {"type": "number", "exclusiveMinimum": 0, "multipleOf": 0.5},
      "top": {"type": "number", "exclusiveMaximum": 10}}})";
  EXPECT_EQ(explain(schema, "id: abcdef\nlist: [1]\nratio: 0\ntop: 10\n"),
            (std::vector<std::string>{"1:5 'id' must be at most 5 characters long | it has 6",
                                      "2:7 'list' must have at least 2 items",
                                      "3:8 'ratio' must be greater than 0",
                                      "4:6 'top' must be less than 10"}));
  EXPECT_EQ(explain(schema, "id: ab\nlist: [1, x, 3, 4]\nratio: 0.7\n"),
            (std::vector<std::string>{"1:5 'id' must be at least 3 characters long",
                                      "2:7 'list' can have at most 3 items",
                                      "2:11 'list[1]' must be an integer, not a string",
                                      "3:8 'ratio' must be a multiple of 0.5"}));
}

TEST(SchemaWalker, NamesOfPlainMapEntries) {
  const std::string schema = R"({"type": "object", "properties": {"env": {"type": "object",
      "propertyNames": {"pattern": "^[A-Z_]+$"}, "additionalProperties": {"type": "string"}}}})";
  EXPECT_EQ(explain(schema, "env:\n  good: x\n"),
            std::vector<std::string>{"2:3 name 'good' in 'env' must consist of upper-case letters "
                                     "and '_' | 'good' contains 'g'"});
}

TEST(SchemaWalker, MisspeltFieldIsNotAlsoMissing) {
  const std::string schema = R"({"type": "object", "required": ["engine"],
      "properties": {"engine": {"type": "string"}, "version": {"type": "string"}},
      "additionalProperties": false})";
  EXPECT_EQ(
      explain(schema, "engnie: x\n"),
      std::vector<std::string>{"1:1 unknown top-level field 'engnie' | did you mean 'engine'?"});
  EXPECT_EQ(explain(schema, "zzz: x\n"),
            (std::vector<std::string>{
                "1:1 unknown top-level field 'zzz' | known fields: engine and version",
                "1:1 missing required top-level field 'engine'"}));
}

}  // namespace
}  // namespace infragen
