#include <string>
#include <vector>

#include "lowering_fixture.h"

namespace infragen {
namespace {

using testing::item_named;
using testing::lower_yaml;
using testing::source_file;

TEST(CloudFormationView, EachSecurityRuleBelongsToOneStack) {
  auto lowered = lower_yaml(source_file("examples/voting/app.yaml"));
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& view = lowered.view;
  // Only the internet -> load balancer and load balancer -> its services' group rules stay in
  // the app stack.
  ASSERT_EQ(view["cloudformation"]["app_ingress"].size(), 1u);
  EXPECT_EQ(view["cloudformation"]["app_ingress"][0]["label"], "load_balancer_from_internet_80");
  ASSERT_EQ(view["cloudformation"]["app_egress"].size(), 1u);
  EXPECT_EQ(view["cloudformation"]["app_egress"][0]["label"],
            "load_balancer_to_load_balanced_services_80");
  size_t ingress = 1;
  size_t egress = 1;
  for (const auto& service : view["services"]) {
    ingress += service["cloudformation"]["ingress"].size();
    egress += service["cloudformation"]["egress"].size();
  }
  EXPECT_EQ(ingress, view["security"]["ingress"].size());
  EXPECT_EQ(egress, view["security"]["egress"].size());
  // The worker's rules: to the database and the cache (both ends), and HTTPS out.
  const auto& worker = item_named(view["services"], "worker");
  EXPECT_EQ(worker["cloudformation"]["ingress"].size(), 2u);
  EXPECT_EQ(worker["cloudformation"]["egress"].size(), 3u);
  // No other stack names the worker's group, so its stack creates it (and needs the VPC).
  EXPECT_TRUE(worker["cloudformation"]["owns_security_group"].get<bool>());
  EXPECT_TRUE(worker["cloudformation"]["needs_vpc"].get<bool>());
  for (const auto& group : view["security"]["groups"]) {
    EXPECT_EQ(group["in_app_stack"].get<bool>(),
              group["label"].get<std::string>().rfind("service_", 0) != 0)
        << group["label"];
  }
}

// EKS (a pack with a helm format): a stack per service (its pod role), then the nodes stack,
// whose nodes carry the pods' group.
TEST(CloudFormationView, KubernetesNodesStackComesAfterTheServices) {
  auto lowered =
      lower_yaml(source_file("examples/voting/app.yaml"), testing::target_spec_from_pack("eks"));
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& view = lowered.view;
  for (const auto& environment : view["environments"]) {
    const auto& stacks = environment["cloudformation"]["workload_stacks"];
    ASSERT_EQ(stacks.size(), view["services"].size() + 1);
    EXPECT_EQ(stacks.back()["file"], "nodes.json");
    EXPECT_EQ(stacks[0]["file"],
              "service-" + view["services"][0]["name"].get<std::string>() + ".json");
  }
  EXPECT_TRUE(view["cloudformation"]["app_private_subnets"].get<bool>());
  EXPECT_EQ(view["cloudformation"]["kubernetes_namespace"], "voting");
  // The pods' group only (the cluster's comes first in the template): no group per service.
  EXPECT_EQ(view["cloudformation"]["node_security_groups"],
            nlohmann::json::parse(R"([{"id": "Pods"}])"));
  // On ECS the same manifest has none (the tasks carry their groups themselves).
  auto ecs = lower_yaml(source_file("examples/voting/app.yaml"));
  ASSERT_TRUE(ecs.ok()) << ecs.messages;
  EXPECT_TRUE(ecs.view["cloudformation"]["node_security_groups"].empty());
}

TEST(CloudFormationView, SlotsCoverTheLargestEnvironment) {
  auto lowered = lower_yaml(source_file("examples/voting/app.yaml"));
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& view = lowered.view;
  ASSERT_EQ(view["cloudformation"]["zones"].size(), 2u);
  EXPECT_FALSE(view["cloudformation"]["zones"][1]["conditional"].get<bool>());
  // prod has one read replica; dev none.
  const auto& database = view["databases"][0];
  ASSERT_EQ(database["replica_slots"].size(), 1u);
  EXPECT_TRUE(database["replica_slots"][0]["first"].get<bool>());
  const auto& prod = item_named(view["environments"], "prod");
  EXPECT_EQ(prod["cloudformation"]["nat_mode"], "single");
  EXPECT_EQ(prod["cloudformation"]["app_stack"], "voting-prod-app");
  EXPECT_EQ(prod["databases"][0]["instances"], 3);  // writer, standby, replica
  EXPECT_EQ(prod["cloudformation"]["zones"][1]["private_cidr"], "10.20.144.0/20");
}

TEST(CloudFormationView, MixedNetworksAndAuroraInstanceSlots) {
  auto lowered = lower_yaml(source_file("examples/todo/app.yaml"));
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& view = lowered.view;
  const auto& dev = item_named(view["environments"], "dev");
  const auto& prod = item_named(view["environments"], "prod");
  EXPECT_TRUE(dev["cloudformation"]["creates_network"].get<bool>());
  EXPECT_FALSE(prod["cloudformation"]["creates_network"].get<bool>());
  EXPECT_TRUE(prod["cloudformation"]["mixed_network"].get<bool>());
  // Aurora: writer, plus a reader in prod (multi_zone) -> one optional instance slot (2).
  const auto& slots = view["databases"][0]["instance_slots"];
  ASSERT_EQ(slots.size(), 1u);
  EXPECT_EQ(slots[0]["index"], 2);
  EXPECT_TRUE(slots[0]["first"].get<bool>());
}

TEST(CloudFormationView, EachStackCarriesOnlyTheNamesItUses) {
  auto lowered = lower_yaml(source_file("examples/voting/app.yaml"));
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& names = lowered.view["cloudformation"]["names"];
  auto keys = [](const nlohmann::json& environments) {
    std::vector<std::string> found;
    for (const auto& entry : environments[0]["entries"]) found.push_back(entry["key_id"]);
    return found;
  };
  const auto shared = keys(names["shared"]);
  // No workload's own names, but the catch-all service's target group (the listener needs it).
  EXPECT_EQ(std::count(shared.begin(), shared.end(), "ServiceVoteService"), 0);
  EXPECT_EQ(std::count(shared.begin(), shared.end(), "ServiceVoteTargetGroup"), 1);
  EXPECT_EQ(std::count(shared.begin(), shared.end(), "Vpc"), 1);
  // Keyed by group, only the app stack's: LoadBalancer, LoadBalancedServices, DatabaseDb,
  // CacheRedis (each service's group is in its own stack, with its own names).
  EXPECT_EQ(keys(names["security_group"]).size(), 4u);
  EXPECT_EQ(keys(names["service"]),
            (std::vector<std::string>{"ServiceResult", "ServiceVote", "ServiceWorker"}));
  const auto worker =
      keys(item_named(lowered.view["services"], "worker")["cloudformation"]["names"]);
  for (const auto& key : worker) EXPECT_EQ(key.rfind("ServiceWorker", 0), 0u) << key;
}

}  // namespace
}  // namespace infragen
