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
            "501 resources; CloudFormation allows 500 per template (quota 'resources per "
            "template')");
  EXPECT_EQ(problems[1],
            "201 outputs; CloudFormation allows 200 per template (quota 'outputs per template')");
  EXPECT_EQ(problems[2],
            "201 keys in mapping Names.dev; CloudFormation allows 200 per mapping level (quota "
            "'Mapping attributes per mapping')");
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
