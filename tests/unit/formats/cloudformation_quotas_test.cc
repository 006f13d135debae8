#include "formats/cloudformation/cloudformation_quotas.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace infragen {
namespace {

nlohmann::json with_resources(size_t count) {
  nlohmann::json resources = nlohmann::json::object();
  for (size_t i = 0; i < count; ++i) {
    resources["Queue" + std::to_string(i)] = {{"Type", "AWS::SQS::Queue"}};
  }
  return {{"Resources", resources}};
}

// The finished templates are printed with an indent of 2, which the check reads from its lines
// before it parses; compact JSON is parsed. Each case holds both ways.
std::vector<std::string> both_layouts(const nlohmann::json& template_json) {
  return {template_json.dump(), template_json.dump(2)};
}

TEST(CloudFormationQuotas, ATemplateAtEveryLimitPasses) {
  nlohmann::json template_json = with_resources(500);
  for (int i = 0; i < 200; ++i) {
    template_json["Outputs"]["O" + std::to_string(i)] = {{"Value", "x"}};
    template_json["Parameters"]["P" + std::to_string(i)] = {{"Type", "String"}};
  }
  template_json["Mappings"]["Names"]["dev"] = nlohmann::json::object();
  template_json["Mappings"]["Names"]["prod"] = nlohmann::json::object();
  for (int i = 0; i < 200; ++i) {
    template_json["Mappings"]["M" + std::to_string(i)]["a"]["b"] = "c";
    template_json["Mappings"]["Names"]["dev"]["K" + std::to_string(i)] = "v";
    template_json["Mappings"]["Names"]["prod"]["K" + std::to_string(i)] = "v";
  }
  template_json["Mappings"].erase("M0");
  for (const auto& text : both_layouts(template_json)) {
    EXPECT_TRUE(cloudformation_quota_problems(text).empty()) << text.substr(0, 40);
  }
}

// Arrays of many items, and members of members, are not members of a section.
TEST(CloudFormationQuotas, NestedValuesAreNotCounted) {
  nlohmann::json template_json = with_resources(2);
  for (int i = 0; i < 600; ++i) {
    template_json["Resources"]["Queue0"]["Properties"]["Tags"].push_back("t" + std::to_string(i));
    template_json["Resources"]["Queue1"]["Properties"]["K" + std::to_string(i)] = i;
  }
  for (const auto& text : both_layouts(template_json)) {
    EXPECT_TRUE(cloudformation_quota_problems(text).empty()) << text.substr(0, 40);
  }
}

TEST(CloudFormationQuotas, EachQuotaPassedIsNamed) {
  nlohmann::json template_json = with_resources(501);
  for (int i = 0; i < 201; ++i) {
    template_json["Outputs"]["O" + std::to_string(i)] = {{"Value", "x"}};
    template_json["Mappings"]["Names"]["dev"]["K" + std::to_string(i)] = "v";
  }
  for (const auto& text : both_layouts(template_json)) {
    auto problems = cloudformation_quota_problems(text);
    ASSERT_EQ(problems.size(), 3u);
    EXPECT_EQ(problems[0],
              "501 resources (501 of AWS::SQS::Queue); CloudFormation allows 500 per template "
              "(quota 'resources per template')");
    EXPECT_EQ(problems[1],
              "201 outputs (201 of others); CloudFormation allows 200 per template (quota 'outputs "
              "per template')");
    EXPECT_EQ(problems[2],
              "201 keys in mapping Names.dev; CloudFormation allows 200 per mapping level (quota "
              "'Mapping attributes per mapping')");
  }
}

// The message says what fills the template: the commonest kinds of what the outputs are about.
TEST(CloudFormationQuotas, OutputsCountedByTheKindOfTheirResource) {
  nlohmann::json template_json = with_resources(0);
  template_json["Resources"]["Topic"] = {{"Type", "AWS::SNS::Topic"}};
  template_json["Resources"]["Group"] = {{"Type", "AWS::EC2::SecurityGroup"}};
  template_json["Resources"]["Bucket"] = {{"Type", "AWS::S3::Bucket"}};
  template_json["Resources"]["Key"] = {{"Type", "AWS::KMS::Key"}};
  for (int i = 0; i < 120; ++i) {
    const nlohmann::json ref = {{"Ref", "Topic"}};
    template_json["Outputs"]["T" + std::to_string(i)] = {
        {"Value", {{"Fn::Sub", {"${X}", {{"X", ref}}}}}}};
  }
  for (int i = 0; i < 70; ++i) {
    template_json["Outputs"]["G" + std::to_string(i)] = {
        {"Value", {{"Fn::GetAtt", {"Group", "GroupId"}}}}};
  }
  for (int i = 0; i < 9; ++i) {
    template_json["Outputs"]["B" + std::to_string(i)] = {{"Value", {{"Ref", "Bucket"}}}};
  }
  template_json["Outputs"]["K"] = {{"Value", {{"Ref", "Key"}}}};
  template_json["Outputs"]["L"] = {{"Value", "literal"}};
  auto problems = cloudformation_quota_problems(template_json.dump());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0],
            "201 outputs (120 of AWS::SNS::Topic, 70 of AWS::EC2::SecurityGroup, 9 of "
            "AWS::S3::Bucket, 2 of others); CloudFormation allows 200 per template (quota "
            "'outputs per template')");
}

TEST(CloudFormationQuotas, BodyOverOneMegabyte) {
  nlohmann::json template_json = with_resources(1);
  template_json["Description"] = std::string(1024 * 1024, 'x');
  auto problems = cloudformation_quota_problems(template_json.dump());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("CloudFormation allows 1 MB"), std::string::npos);
}

}  // namespace
}  // namespace infragen
