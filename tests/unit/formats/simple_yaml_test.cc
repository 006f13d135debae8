// The fast reader of rendered YAML gives what yaml-cpp's reading gives, and declines the rest.
#include "formats/yaml/simple_yaml.h"

#include <gtest/gtest.h>

#include "formats/yaml/yaml_document.h"

namespace infragen {
namespace {

nlohmann::json by_yaml_cpp(const std::string& text) {
  std::vector<YamlProblem> problems;
  nlohmann::json value = yaml_to_json(YAML::Load(text), problems);
  EXPECT_TRUE(problems.empty());
  return value;
}

void expect_same(const std::string& text) {
  std::optional<nlohmann::json> simple = read_simple_yaml(text);
  ASSERT_TRUE(simple.has_value()) << "declined:\n" << text;
  EXPECT_EQ(*simple, by_yaml_cpp(text)) << text;
}

TEST(SimpleYaml, ReadsWhatTheTemplatesWrite) {
  expect_same(
      "# A comment\n"
      "AWSTemplateFormatVersion: \"2010-09-09\"\n"
      "Description: Allow `aws ecs execute-command` into tasks (ECS Exec). Off in prod.\n"
      "Parameters:\n"
      "  Env:\n"
      "    Type: String   # trailing comment\n"
      "    AllowedValues: [\"true\", \"false\"]\n"
      "    MinValue: -1\n"
      "    Default: \"\"\n"
      "    Empty:\n"
      "Resources:\n"
      "  Bucket:\n"
      "    Type: AWS::S3::Bucket\n"
      "    Properties:\n"
      "      Name: {\"Fn::Sub\": \"${AWS::StackName}-data\"}\n"
      "      Arn: {Fn::GetAtt: [Queue, Arn]}\n"
      "      Tags:\n"
      "      - Key: a\n"
      "        Value: 'it''s'\n"
      "      -   Key: b\n"
      "          Value: {Ref: AWS::Region}\n"
      "      Ids:\n"
      "        - - {Ref: One}\n"
      "          - {Ref: Two}\n"
      "        - []\n"
      "        - {}\n"
      "        - 1.5\n"
      "        - 0x1F\n"
      "        - ~\n"
      "        -\n"
      "      Escapes: \"a\\\"b\\\\c\\n\\t\\u00e9\\x41\"\n"
      "      Split: {Fn::Select: [0, {Fn::Split: [\",\", {Ref: Ids}]}\n"
      "]}\n"
      "      UserData: |\n"
      "        #!/bin/bash\n"
      "        echo \"ECS_CLUSTER=x\" >> /etc/ecs/ecs.config\n"
      "\n"
      "          indented: kept\n"
      "\n"
      "      Script: |-\n"
      "        one\n"
      "        two\n"
      "Outputs: {}\n");
}

TEST(SimpleYaml, DeclinesWhatItDoesNotRead) {
  for (const char* text : {
           "a: !Ref b\n",              // tags
           "a: &x 1\nb: *x\n",         // anchors and aliases
           "a: >\n  folded\n",         // folded scalars
           "a: plain\n  continued\n",  // multi-line plain scalars
           "a: \"open\n  quote\"\n",   // multi-line quoted scalars
           "---\na: 1\n",              // document markers
           "a: 1\na: 2\n",             // duplicate keys (yaml-cpp's reading reports them)
           "a: .inf\n",                // what JSON cannot hold
           "a: 99999999999999999999\n",
           "a: b: c\n",     // a syntax error
           "? a\n: b\n",    // complex keys
           "a:\n\t- b\n",   // tabs as indentation
           "a: [1, 2,]\n",  // a trailing comma
           "just a scalar\n",
           "",
       }) {
    EXPECT_FALSE(read_simple_yaml(text).has_value()) << text;
  }
}

}  // namespace
}  // namespace infragen
