#include <gtest/gtest.h>

#include "review/plan.h"

namespace infragen::review {
namespace {

const FileMap kPlanFiles = {
    {"web/terraform/main.tf", R"(resource "aws_vpc" "main" {}

resource "aws_sns_topic" "alarms" {
  count = var.alarms ? 1 : 0
}
)"},
    {"web/terraform/env/dev.tfvars", "alarms = false\n"},
    {"web/terraform/env/prod.tfvars", "alarms = true\n"},
    {"web/compose/docker-compose.yml", "services: {}\n"},
};

TEST(Plan, CountsByTypeAndWhatExistsOnlyInSomeEnvironments) {
  auto plan = build_plan(kPlanFiles, std::nullopt);
  EXPECT_EQ(plan.environments, (std::vector<std::string>{"dev", "prod"}));
  EXPECT_EQ(plan_text(plan),
            "web/compose (web compose)\n"
            "  note: no Terraform, CloudFormation or Kubernetes resources in web/compose; only its "
            "files are compared\n"
            "\n"
            "web/terraform (web terraform)\n"
            "  resource         dev   prod\n"
            "  aws_sns_topic      0      1\n"
            "  aws_vpc            1      1\n"
            "  total              1      2\n"
            "  only in prod:\n"
            "    aws_sns_topic.alarms[0]\n"
            "\n");
  auto json = plan_json(plan);
  EXPECT_EQ(json["parts"][1]["only_in"]["prod"][0], "aws_sns_topic.alarms[0]");
  EXPECT_NE(plan_markdown(plan).find("| `aws_sns_topic` | 0 | 1 |"), std::string::npos);
}

TEST(Plan, OneEnvironment) {
  auto plan = build_plan(kPlanFiles, std::string("dev"));
  EXPECT_EQ(plan.environments, std::vector<std::string>{"dev"});
  EXPECT_TRUE(environment_differences(plan.parts.at("web/terraform")).empty());
}

}  // namespace
}  // namespace infragen::review
