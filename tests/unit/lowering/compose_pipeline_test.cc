// CodePipeline on ec2-compose: the names of its deploy project, which the ECS targets do not have.
#include <gtest/gtest.h>

#include <string>

#include "lowering_fixture.h"

namespace infragen {
namespace {

using testing::item_named;
using testing::lower_yaml;
using testing::name_of;
using testing::target_spec_from_pack;

const char* kBuilt = R"yaml(apiVersion: infragen/v1
name: shop
region: eu-west-1
services:
  web: {build: {context: ./web}, port: 8080, expose: public}
pipeline: {provider: codepipeline, repository: acme/shop}
environments:
  dev: {}
  prod: {}
)yaml";

bool has_name(const nlohmann::json& environment, const std::string& key) {
  for (const auto& entry : environment["names"]) {
    if (entry["key"] == key) return true;
  }
  return false;
}

TEST(ComposePipeline, CodepipelineIsCarriedWithADeployProjectPerEnvironment) {
  auto lowered = lower_yaml(kBuilt, target_spec_from_pack("ec2-compose"));
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  EXPECT_TRUE(lowered.view["pipeline"]["codepipeline"].get<bool>());
  const auto& prod = item_named(lowered.view["environments"], "prod");
  EXPECT_EQ(name_of(prod, "deploy_project"), "shop-prod-deploy");
  EXPECT_EQ(name_of(prod, "deploy_project_role"), "shop-prod-deploy");
  EXPECT_EQ(name_of(prod, "build_project"), "shop-prod-build");
  EXPECT_EQ(name_of(prod, "image_tag_parameter"), "/shop/prod/image-tag");
}

TEST(ComposePipeline, GroupStacksAreKeyedByTheirGroupForThePipelineStack) {
  auto two = lower_yaml(R"yaml(apiVersion: infragen/v1
name: shop
region: eu-west-1
services:
  web: {build: {context: ./web}, port: 8080, expose: public}
  worker: {build: {context: ./worker}, expose: none}
pipeline: {provider: codepipeline, repository: acme/shop}
)yaml",
                        target_spec_from_pack("ec2-compose"));
  ASSERT_TRUE(two.ok()) << two.messages;
  const auto& stacks = two.view["environments"][0]["cloudformation"]["workload_stacks"];
  // In the order of the groups (by name), which the pipeline rolls one after the other.
  ASSERT_EQ(stacks.size(), 2u);
  EXPECT_EQ(stacks[0]["name"], "back");
  EXPECT_EQ(stacks[0]["name_id"], "Back");
  EXPECT_EQ(stacks[0]["stack"], "shop-default-group-back");
  EXPECT_EQ(stacks[1]["name_id"], "Front");
}

TEST(ComposePipeline, EcsTargetsHaveNoDeployProject) {
  auto lowered = lower_yaml(kBuilt);
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& prod = item_named(lowered.view["environments"], "prod");
  EXPECT_TRUE(has_name(prod, "build_project"));
  EXPECT_FALSE(has_name(prod, "deploy_project"));
  EXPECT_FALSE(has_name(prod, "deploy_project_role"));
}

}  // namespace
}  // namespace infragen
