// Plain scalars resolve under the YAML 1.2 core schema, as CloudFormation's YAML reader does.
#include "formats/yaml/yaml_document.h"

#include <gtest/gtest.h>

namespace infragen {
namespace {

nlohmann::json value_of(const std::string& yaml, std::vector<YamlProblem>& problems) {
  return yaml_to_json(YAML::Load("v: " + yaml)["v"], problems);
}

nlohmann::json value_of(const std::string& yaml) {
  std::vector<YamlProblem> problems;
  nlohmann::json value = value_of(yaml, problems);
  EXPECT_TRUE(problems.empty()) << yaml << ": " << problems.front().message;
  return value;
}

TEST(YamlToJson, ResolvesPlainScalarsByTheCoreSchema) {
  for (const char* null_word : {"~", "null", "Null", "NULL", ""}) {
    EXPECT_TRUE(value_of(null_word).is_null()) << null_word;
  }
  EXPECT_EQ(value_of("true"), true);
  EXPECT_EQ(value_of("TRUE"), true);
  EXPECT_EQ(value_of("False"), false);
  EXPECT_EQ(value_of("yes"), "yes");  // YAML 1.1 booleans are strings in 1.2
  EXPECT_EQ(value_of("42"), 42);
  EXPECT_EQ(value_of("-7"), -7);
  EXPECT_EQ(value_of("+7"), 7);
  EXPECT_EQ(value_of("0o17"), 15);
  EXPECT_EQ(value_of("0x1F"), 31);
  EXPECT_EQ(value_of("0x"), "0x");
  EXPECT_EQ(value_of("0o8"), "0o8");
  EXPECT_EQ(value_of("1.5"), 1.5);
  EXPECT_EQ(value_of(".5"), 0.5);
  EXPECT_EQ(value_of("3."), 3.0);
  EXPECT_EQ(value_of("-2e3"), -2000.0);
  EXPECT_EQ(value_of("1e"), "1e");
  EXPECT_EQ(value_of("."), ".");
  EXPECT_EQ(value_of("1.2.3"), "1.2.3");
  EXPECT_EQ(value_of("10.0.0.0/16"), "10.0.0.0/16");
  EXPECT_EQ(value_of("-x"), "-x");
  EXPECT_EQ(value_of("'42'"), "42");
  EXPECT_EQ(value_of("\"true\""), "true");
  EXPECT_EQ(value_of("!!str 42"), "42");
}

TEST(YamlToJson, RefusesWhatJsonCannotHold) {
  for (const char* text : {".inf", "-.Inf", ".nan", "99999999999999999999"}) {
    std::vector<YamlProblem> problems;
    value_of(text, problems);
    EXPECT_EQ(problems.size(), 1u) << text;
  }
  std::vector<YamlProblem> problems;
  EXPECT_EQ(value_of("-9223372036854775808", problems), INT64_MIN);
  EXPECT_TRUE(problems.empty());
}

}  // namespace
}  // namespace infragen
