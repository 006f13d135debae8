#include "lowering/instance_capacity.h"

#include <gtest/gtest.h>

#include "lowering_fixture.h"

namespace infragen {
namespace {

using testing::item_named;
using testing::lower_yaml;
using testing::name_of;
using testing::target_spec_from_pack;

const TargetSpec& ecs_ec2() {
  static const TargetSpec spec = target_spec_from_pack("ecs-ec2");
  return spec;
}

const char* kShop = R"yaml(apiVersion: infragen/v1
name: shop
region: eu-west-1
services:
  web: {image: nginx:1.27, port: 8080, expose: public, replicas: 2}
  api:
    image: myorg/api:1
    port: 9000
    expose: private
    cpu: 1024
    memory: 2048
    autoscale: {min: 1, max: 4, cpu: 60}
jobs:
  report:
    image: myorg/report:1
    schedule: "cron(0 3 * * ? *)"
    compute: {vcpus: 0.5, memory: 1024}
)yaml";

TEST(InstanceCapacity, DerivesTypeAndCountsFromTheTasks) {
  auto lowered = lower_yaml(kShop, ecs_ec2());
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& view = lowered.view;
  ASSERT_EQ(view["capacity"]["groups"].size(), 1u);
  const auto& group = view["capacity"]["groups"][0];
  EXPECT_EQ(group["name"], "main");
  EXPECT_EQ(group["has_jobs"], true);
  EXPECT_EQ(group["default"], true);
  const auto& values = view["environments"][0]["capacity"][0];
  // The largest task (1024 units, 2048 MiB) first fits a t3.medium (3840 MiB for containers);
  // one such task per instance.
  EXPECT_EQ(values["type"], "t3.medium");
  EXPECT_EQ(values["tasks_per_instance"], 1);
  EXPECT_EQ(values["min"], 3);   // web 2 + api 1 (autoscale.min), the job none
  EXPECT_EQ(values["max"], 14);  // twice (web 2 + api 4 + job 1): rolling deployments
  EXPECT_EQ(values["disk"], 30);
  EXPECT_EQ(values["spot"], false);
  EXPECT_EQ(values["architecture"], "x86_64");
  EXPECT_EQ(values["ami_parameter"],
            "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id");
  EXPECT_EQ(item_named(view["services"], "api")["capacity_group"], "main");
  EXPECT_EQ(item_named(view["jobs"], "report")["capacity_group_label_id"], "CapacityMain");
  EXPECT_EQ(name_of(view["environments"][0], "capacity_main_capacity_provider"),
            "shop-default-main");
  EXPECT_EQ(name_of(view["environments"][0], "capacity_main_instance_profile"),
            "shop-default-main-instance");
  // The Fargate flags belong to the Fargate pack only.
  EXPECT_FALSE(view["environments"][0].contains("fargate_spot"));
}

TEST(InstanceCapacity, GroupsTypesAndArmInstances) {
  std::string yaml = kShop;
  yaml += R"yaml(instances:
  type: t4g.large
  spot: true
  groups:
    front: {services: [web], min: 2, max: 4, type: t3.large}
environments:
  dev: {}
  prod: {}
)yaml";
  auto lowered = lower_yaml(yaml, ecs_ec2());
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& view = lowered.view;
  ASSERT_EQ(view["capacity"]["groups"].size(), 2u);
  EXPECT_EQ(view["capacity"]["groups"][0]["name"], "front");
  EXPECT_EQ(view["capacity"]["groups"][0]["default"], false);
  EXPECT_EQ(view["capacity"]["groups"][1]["name"], "main");
  EXPECT_EQ(item_named(view["services"], "web")["capacity_group"], "front");
  EXPECT_EQ(item_named(view["services"], "api")["capacity_group"], "main");
  const auto& dev = item_named(view["environments"], "dev");
  const auto& prod = item_named(view["environments"], "prod");
  EXPECT_EQ(item_named(dev["capacity"], "front")["type"], "t3.large");
  EXPECT_EQ(item_named(dev["capacity"], "front")["min"], 2);
  EXPECT_EQ(item_named(dev["capacity"], "front")["max"], 4);
  EXPECT_EQ(item_named(dev["capacity"], "front")["spot"], true);
  EXPECT_EQ(item_named(prod["capacity"], "front")["spot"], false);  // never Spot in production
  const auto& main = item_named(dev["capacity"], "main");
  EXPECT_EQ(main["type"], "t4g.large");
  EXPECT_EQ(main["architecture"], "arm64");
  EXPECT_EQ(main["cloudformation_architecture"], "ARM64");
  EXPECT_EQ(main["ami_parameter"],
            "/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id");
}

TEST(InstanceCapacity, TaskSizesAreFargatesOnlyOnFargate) {
  std::string yaml = R"yaml(apiVersion: infragen/v1
name: shop
region: eu-west-1
services:
  web: {image: nginx:1.27, port: 8080, expose: public, cpu: 256, memory: 3000}
)yaml";
  auto on_ec2 = lower_yaml(yaml, ecs_ec2());
  EXPECT_TRUE(on_ec2.ok()) << on_ec2.messages;
  auto on_fargate = lower_yaml(yaml);
  EXPECT_FALSE(on_fargate.ok());
  EXPECT_NE(on_fargate.messages.find("Fargate does not offer that size"), std::string::npos)
      << on_fargate.messages;
}

TEST(InstanceCapacity, RefusesWhatInstancesCannotRun) {
  std::string yaml = R"yaml(apiVersion: infragen/v1
name: shop
region: eu-west-1
network: {nat: none}
services:
  web: {image: nginx:1.27, port: 8080, expose: public}
jobs:
  crunch:
    image: myorg/crunch:1
    schedule: "rate(1 day)"
    compute: {vcpus: 1, memory: 4096}
instances: {type: t3.small, disk: 20}
)yaml";
  auto lowered = lower_yaml(yaml, ecs_ec2());
  EXPECT_FALSE(lowered.ok());
  const std::string& messages = lowered.messages;
  EXPECT_NE(messages.find("app.yaml:4:16: error: target 'ecs-ec2' runs tasks on EC2 instances, "
                          "where a task's network interface gets no public IP"),
            std::string::npos)
      << messages;
  EXPECT_NE(messages.find("error: target 'ecs-ec2' cannot run job 'crunch' (1024 CPU units, "
                          "4096 MiB) on the t3.small instances of group 'main'"),
            std::string::npos)
      << messages;
  EXPECT_NE(messages.find("app.yaml:12:35: error: target 'ecs-ec2' needs a root volume of at "
                          "least 30 GiB"),
            std::string::npos)
      << messages;
}

TEST(InstanceCapacity, GroupsMustNotDifferBetweenEnvironments) {
  std::string yaml = kShop;
  yaml += R"yaml(instances:
  groups:
    front: {services: [web]}
environments:
  dev: {}
  prod:
    instances:
      groups:
        front: {services: [web, api]}
)yaml";
  auto lowered = lower_yaml(yaml, ecs_ec2());
  EXPECT_FALSE(lowered.ok());
  EXPECT_NE(lowered.messages.find("error: target 'ecs-ec2' needs the same instance groups with "
                                  "the same services in every environment; environment 'prod' "
                                  "differs from 'dev'"),
            std::string::npos)
      << lowered.messages;
}

TEST(InstanceCapacity, ReservedCapacityProviderPrefixIsAvoided) {
  std::string yaml = kShop;
  yaml.replace(yaml.find("name: shop"), 10, "name: ecs-shop");
  auto lowered = lower_yaml(yaml, ecs_ec2());
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  EXPECT_EQ(name_of(lowered.view["environments"][0], "capacity_main_capacity_provider"),
            "cp-ecs-shop-default-main");
}

}  // namespace
}  // namespace infragen
