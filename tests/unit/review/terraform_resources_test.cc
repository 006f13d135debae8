#include <gtest/gtest.h>

#include "review/terraform_resources.h"

namespace infragen::review {
namespace {

const FileMap kFiles = {
    {"variables.tf", R"(variable "alarms" {
  type    = object({ email = string })
  default = null
}

variable "cidrs" {
  type = list(string)
}

variable "port" {
  type    = number
  default = 80
}
)"},
    {"names.tf", R"(locals {
  names_by_environment = {
    dev  = { vpc = "app-dev" }
    prod = { vpc = "app-prod" }
  }
  names = local.names_by_environment[var.environment]
}
)"},
    {"network.tf", R"(data "aws_availability_zones" "available" {}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
  tags       = { Name = local.names.vpc }
}

resource "aws_subnet" "public" {
  count             = length(var.cidrs)
  vpc_id            = aws_vpc.main.id
  cidr_block        = var.cidrs[count.index]
  availability_zone = data.aws_availability_zones.available.names[count.index]
}

resource "aws_route_table_association" "public" {
  count     = length(aws_subnet.public)
  subnet_id = aws_subnet.public[count.index].id
}

resource "aws_sns_topic" "alarms" {
  count = var.alarms != null ? 1 : 0
  name  = "alarms"
}

resource "aws_lb_target_group" "web" {
  port = var.port

  health_check {
    path = "/"
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_ecs_task_definition" "web" {
  family = "web"
  container_definitions = jsonencode([
    {
      name         = "web"
      portMappings = [{ containerPort = var.port }]
      environment  = [{ name = "HOST", value = aws_lb_target_group.web.arn }]
    }
  ])
}

resource "aws_s3_bucket" "data" {
  bucket = "data"
  lifecycle {
    prevent_destroy = true
  }
}
)"},
    {"env/dev.tfvars", "environment = \"dev\"\ncidrs = [\"10.0.0.0/20\"]\n"},
    {"env/prod.tfvars",
     "environment = \"prod\"\ncidrs = [\"10.0.0.0/20\", \"10.0.16.0/20\"]\nalarms = { email = "
     "\"ops@example.com\" }\nport = 8080\n"},
    {"env/prod.s3.tfbackend", "bucket = \"state\"\n"},
};

TEST(TerraformResources, OneResourceListPerTfvarsFileWithCountsEvaluated) {
  PartResources part;
  read_terraform_resources(kFiles, part);
  ASSERT_EQ(part.environments.size(), 2u);
  const auto& dev = part.environments.at("dev");
  const auto& prod = part.environments.at("prod");
  std::vector<std::string> dev_addresses;
  for (const auto& [address, resource] : dev) dev_addresses.push_back(address);
  EXPECT_EQ(dev_addresses,
            (std::vector<std::string>{"aws_ecs_task_definition.web", "aws_lb_target_group.web",
                                      "aws_route_table_association.public[0]", "aws_s3_bucket.data",
                                      "aws_subnet.public[0]", "aws_vpc.main"}));
  EXPECT_EQ(prod.size(), 9u);
  EXPECT_TRUE(prod.count("aws_sns_topic.alarms[0]"));
  EXPECT_TRUE(prod.count("aws_route_table_association.public[1]"));
  EXPECT_TRUE(part.notes.empty());
}

TEST(TerraformResources, AttributesAreFlattenedAndEvaluatedPerEnvironment) {
  PartResources part;
  read_terraform_resources(kFiles, part);
  const auto& dev = part.environments.at("dev");
  const auto& prod = part.environments.at("prod");
  EXPECT_EQ(prod.at("aws_subnet.public[1]").attributes,
            (std::map<std::string, std::string>{
                {"availability_zone", "data.aws_availability_zones.available.names[1]"},
                {"cidr_block", "\"10.0.16.0/20\""},
                {"vpc_id", "aws_vpc.main.id"}}));
  EXPECT_EQ(dev.at("aws_vpc.main").attributes.at("tags.Name"), "\"app-dev\"");
  EXPECT_EQ(prod.at("aws_vpc.main").attributes.at("tags.Name"), "\"app-prod\"");
  const auto& web = dev.at("aws_lb_target_group.web").attributes;
  EXPECT_EQ(web,
            (std::map<std::string, std::string>{{"health_check.path", "\"/\""}, {"port", "80"}}));
  const auto& task = prod.at("aws_ecs_task_definition.web").attributes;
  EXPECT_EQ(task.at("container_definitions[0].portMappings[0].containerPort"), "8080");
  EXPECT_EQ(task.at("container_definitions[0].environment[0].value"),
            "aws_lb_target_group.web.arn");
  EXPECT_EQ(dev.at("aws_s3_bucket.data").delete_policy, "prevent_destroy");
}

TEST(TerraformResources, UnknownCountIsConditionalAndBrokenFilesAreNamed) {
  FileMap files = {
      {"main.tf", "resource \"aws_eip\" \"nat\" {\n  count = length(data.x.y.ids)\n}\n"},
      {"broken.tf", "resource \"aws_vpc\" {\n"},
  };
  PartResources part;
  read_terraform_resources(files, part);
  ASSERT_EQ(part.environments.size(), 1u);
  const auto& resources = part.environments.at(kDefaultEnvironment);
  ASSERT_TRUE(resources.count("aws_eip.nat"));
  EXPECT_TRUE(resources.at("aws_eip.nat").conditional);
  EXPECT_EQ(part.notes,
            std::vector<std::string>{"broken.tf does not parse; its resources are not listed"});
}

TEST(TerraformResources, ForEachMakesOneInstancePerKey) {
  FileMap files = {{"main.tf", R"(resource "aws_ssm_parameter" "p" {
  for_each = { a = "1", b = "2" }
  name     = each.key
  value    = each.value
}
)"}};
  PartResources part;
  read_terraform_resources(files, part);
  const auto& resources = part.environments.at(kDefaultEnvironment);
  ASSERT_EQ(resources.size(), 2u);
  EXPECT_EQ(resources.at("aws_ssm_parameter.p[\"b\"]").attributes.at("value"), "\"2\"");
}

}  // namespace
}  // namespace infragen::review
