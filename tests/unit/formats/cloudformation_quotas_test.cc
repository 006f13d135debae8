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

TEST(CloudFormationQuotas, ATemplateAtEveryLimitPasses) {
  nlohmann::json template_json = with_resources(500);
  for (int i = 0; i < 200; ++i) {
    template_json["Outputs"]["O" + std::to_string(i)] = {{"Value", "x"}};
    template_json["Parameters"]["P" + std::to_string(i)] = {{"Type", "String"}};
  }
  EXPECT_TRUE(cloudformation_quota_problems(template_json.dump()).empty());
}

TEST(CloudFormationQuotas, EachQuotaPassedIsNamed) {
  nlohmann::json template_json = with_resources(501);
  for (int i = 0; i < 201; ++i) {
    template_json["Outputs"]["O" + std::to_string(i)] = {{"Value", "x"}};
    template_json["Mappings"]["Names"]["dev"]["K" + std::to_string(i)] = "v";
  }
  auto problems = cloudformation_quota_problems(template_json.dump());
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
