// Spot groups, start/stop schedules and shared file systems (EFS) of the ec2-compose target.
#include "lowering/compose_capacity.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "lowering/compose_volumes.h"
#include "lowering_fixture.h"

namespace infragen {
namespace {

using testing::item_named;
using testing::lower_yaml;

const nlohmann::json& group_values(const testing::Lowered& lowered, const std::string& environment,
                                   const std::string& group) {
  return item_named(item_named(lowered.view["environments"], environment)["compose"], group);
}

const char* kDepot = R"yaml(apiVersion: infragen/v1
name: depot
region: eu-west-1
volumes:
  uploads: {}
  reports: {}
  unused: {}
services:
  web:
    image: nginx:1.27
    port: 80
    expose: public
    volumes: ["uploads:/srv/uploads:ro", "reports:/srv/reports:ro"]
  api: {image: myorg/api:1, port: 9000, expose: private, spot: true}
  converter:
    image: myorg/converter:1
    expose: none
    spot: true
    volumes: [{volume: uploads, path: /in, read_only: true}, {volume: reports, path: /out}]
  thumbs: {image: myorg/thumbs:1, expose: none, spot: true, volumes: ["uploads:/srv"]}
instances:
  groups:
    workers: {services: [converter, thumbs]}
environments:
  dev:
    services: {web: {spot: true}}
    schedule: {stop: "cron(0 19 ? * MON-FRI *)", start: "cron(30 6 ? * SUN-SAT *)"}
  prod: {}
)yaml";

TEST(ComposeCapacity, AGroupRunsOnSpotWhenAllItsServicesAskOutsideProduction) {
  auto lowered = lower_yaml(kDepot, testing::ec2_compose_spec());
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  EXPECT_EQ(group_values(lowered, "dev", "workers")["spot"], true);
  EXPECT_EQ(group_values(lowered, "dev", "front")["spot"], true);  // web asks in dev only
  EXPECT_EQ(group_values(lowered, "prod", "workers")["spot"], false);
  EXPECT_EQ(group_values(lowered, "prod", "front")["spot"], false);
}

TEST(ComposeCapacity, AGroupMixingSpotAndOnDemandServicesStaysOnDemand) {
  auto lowered = lower_yaml(R"yaml(apiVersion: infragen/v1
name: depot
region: eu-west-1
services:
  api: {image: myorg/api:1, port: 9000, expose: private, spot: true}
  converter: {image: myorg/converter:1, expose: none}
  thumbs: {image: myorg/thumbs:1, expose: none, spot: true}
instances:
  groups:
    workers: {services: [converter, thumbs]}
environments:
  dev: {}
)yaml",
                            testing::ec2_compose_spec());
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  // A Spot interruption would stop converter, which did not ask for Spot.
  EXPECT_EQ(group_values(lowered, "dev", "workers")["spot"], false);
  EXPECT_EQ(group_values(lowered, "dev", "back")["spot"], true);
}

TEST(ComposeCapacity, InstancesSpotPutsAGroupOnSpotOutsideProduction) {
  auto lowered = lower_yaml(R"yaml(apiVersion: infragen/v1
name: depot
region: eu-west-1
services:
  web: {image: nginx:1.27, port: 80, expose: public}
instances: {spot: true}
environments:
  dev: {}
  prod: {}
)yaml",
                            testing::ec2_compose_spec());
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  EXPECT_EQ(group_values(lowered, "dev", "front")["spot"], true);
  EXPECT_EQ(group_values(lowered, "prod", "front")["spot"], false);
}

TEST(ComposeCapacity, ScheduleBecomesUnixCronPerEnvironment) {
  auto lowered = lower_yaml(kDepot, testing::ec2_compose_spec());
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& dev = item_named(lowered.view["environments"], "dev");
  EXPECT_EQ(dev["compose_schedule"]["stop"], "0 19 * * 1-5");
  EXPECT_EQ(dev["compose_schedule"]["start"], "30 6 * * 0-6");
  EXPECT_EQ(item_named(lowered.view["environments"], "prod")["compose_schedule"], false);
  EXPECT_EQ(lowered.view["schedule_possible"], true);
}

TEST(ComposeCapacity, RefusesAScheduleThatUnixCronCannotSayAtItsLine) {
  auto lowered = lower_yaml(R"yaml(apiVersion: infragen/v1
name: depot
region: eu-west-1
services:
  web: {image: nginx:1.27, port: 80, expose: public}
environments:
  dev:
    schedule: {stop: "rate(1 day)", start: "cron(0 7 ? * MON-FRI *)"}
)yaml",
                            testing::ec2_compose_spec());
  EXPECT_FALSE(lowered.ok());
  EXPECT_NE(lowered.messages.find("app.yaml:8:"), std::string::npos) << lowered.messages;
  EXPECT_NE(lowered.messages.find("cannot say a rate() expression"), std::string::npos)
      << lowered.messages;
}

TEST(ComposeVolumes, AGroupMountsEachVolumeItsServicesUseOnce) {
  auto lowered = lower_yaml(kDepot, testing::ec2_compose_spec());
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& groups = lowered.view["compose"]["groups"];
  const auto& workers = item_named(groups, "workers");
  ASSERT_EQ(workers["has_volumes"], true);
  ASSERT_EQ(workers["volumes"].size(), 2u);
  // converter writes reports; uploads is written by thumbs: both read-write for the group.
  EXPECT_EQ(item_named(workers["volumes"], "reports")["writes"], true);
  EXPECT_EQ(item_named(workers["volumes"], "uploads")["read_only"], false);
  EXPECT_EQ(item_named(workers["volumes"], "uploads")["path"], "/mnt/depot/uploads");
  EXPECT_EQ(item_named(workers["volumes"], "uploads")["file_system_id"]["terraform"],
            "aws_efs_file_system.uploads.id");
  // web only reads: its group's instances mount read-only and get no ClientWrite.
  const auto& front = item_named(groups, "front");
  EXPECT_EQ(item_named(front["volumes"], "uploads")["writes"], false);
  EXPECT_EQ(item_named(front["volumes"], "uploads")["read_only"], true);
  EXPECT_EQ(item_named(groups, "back")["has_volumes"], false);
  // The containers bind-mount the instance's mounts at their own paths.
  const auto& converter = item_named(workers["services"], "converter");
  ASSERT_EQ(converter["mounts"].size(), 2u);
  EXPECT_EQ(converter["mounts"][0]["source"], "/mnt/depot/uploads");
  EXPECT_EQ(converter["mounts"][0]["target"], "/in");
  EXPECT_EQ(converter["mounts"][0]["read_only"], true);
  EXPECT_EQ(converter["mounts"][1]["source"], "/mnt/depot/reports");
  EXPECT_EQ(converter["mounts"][1]["read_only"], false);
  EXPECT_EQ(instance_mount_path("depot", "reports"), "/mnt/depot/reports");
}

TEST(ComposeVolumes, MountTargetsAdmitNfsOnlyFromTheGroupsThatMount) {
  auto lowered = lower_yaml(kDepot, testing::ec2_compose_spec());
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  std::set<std::string> peers;
  for (const auto& rule : lowered.view["security"]["ingress"]) {
    if (rule["security_group"] != "volume_uploads") continue;
    EXPECT_EQ(rule["port"], 2049);
    peers.insert(rule["peer"].get<std::string>());
  }
  EXPECT_EQ(peers, (std::set<std::string>{"instances_front", "instances_workers"}));
  bool unused_admits = false;
  for (const auto& rule : lowered.view["security"]["ingress"]) {
    unused_admits = unused_admits || rule["security_group"] == "volume_unused";
  }
  EXPECT_FALSE(unused_admits);
  EXPECT_EQ(lowered.view["security"]["groups"].size(), 8u);  // lb, internal lb, 3 groups, 3 volumes
}

TEST(ComposeVolumes, TheLaptopFileUsesANamedVolumePerFileSystem) {
  auto lowered = lower_yaml(kDepot, testing::ec2_compose_spec());
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& local = lowered.view["compose"]["local"];
  EXPECT_EQ(local["has_named_volumes"], true);
  std::set<std::string> named;
  for (const auto& volume : local["shared_volumes"]) named.insert(volume["volume"]);
  // "-volume" where a data store's is "-data": never the same name.
  EXPECT_EQ(named, (std::set<std::string>{"reports-volume", "unused-volume", "uploads-volume"}));
  const auto& web = item_named(local["services"], "web");
  ASSERT_EQ(web["mounts"].size(), 2u);
  EXPECT_EQ(web["mounts"][0]["volume"], "uploads-volume");
  EXPECT_EQ(web["mounts"][0]["target"], "/srv/uploads");
  EXPECT_EQ(web["mounts"][0]["read_only"], true);
  EXPECT_EQ(item_named(local["services"], "api")["has_mounts"], false);
}

// A scheduled job runs on the instances of `back`: they mount its volumes (read-write where it
// writes) and its container bind-mounts them, while `front` keeps its read-only mount.
TEST(ComposeVolumes, AJobsVolumesAreMountedOnTheGroupThatRunsIt) {
  auto lowered = lower_yaml(R"yaml(apiVersion: infragen/v1
name: depot
region: eu-west-1
volumes:
  reports: {}
services:
  web: {image: nginx:1.27, port: 80, expose: public, volumes: ["reports:/srv:ro"]}
jobs:
  stats:
    image: myorg/stats:1
    schedule: "cron(0 6 ? * MON *)"
    volumes: ["reports:/out"]
)yaml",
                            testing::ec2_compose_spec());
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& groups = lowered.view["compose"]["groups"];
  const auto& back = item_named(groups, "back");
  ASSERT_EQ(back["has_volumes"], true);
  EXPECT_EQ(back["volumes"][0]["name"], "reports");
  EXPECT_EQ(back["volumes"][0]["read_only"], false);
  const auto& stats = item_named(back["jobs"], "stats");
  ASSERT_EQ(stats["has_mounts"], true);
  EXPECT_EQ(stats["mounts"][0]["source"], "/mnt/depot/reports");
  EXPECT_EQ(stats["mounts"][0]["target"], "/out");
  EXPECT_EQ(item_named(groups, "front")["volumes"][0]["read_only"], true);
  // NFS from the back group's instances to the mount targets.
  bool admitted = false;
  for (const auto& rule : lowered.view["security"]["ingress"]) {
    admitted = admitted || (rule["security_group"] == "volume_reports" &&
                            rule["peer"] == "instances_back" && rule["port"] == 2049);
  }
  EXPECT_TRUE(admitted);
}

}  // namespace
}  // namespace infragen
