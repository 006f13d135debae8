// Volumes (EFS): who may reach each file system, what each task mounts and may do, and what
// may differ per environment.
#include <gtest/gtest.h>

#include "lowering_fixture.h"

namespace infragen {
namespace {

using testing::item_named;
using testing::lower_yaml;
using testing::target_spec_from_pack;

const char* kVolumes = R"yaml(apiVersion: infragen/v1
name: shop
region: eu-west-1
volumes:
  media: {owner: {uid: 33, gid: 33}, permissions: "750"}
  scratch: {throughput: bursting, backup: false, infrequent_access_after: 1}
services:
  web:
    image: nginx:1.27
    port: 80
    expose: public
    volumes: ["media:/srv/media:ro"]
  api:
    image: nginx:1.27
    port: 9000
jobs:
  resize:
    image: busybox:1.36
    schedule: "rate(1 hour)"
    volumes: [{volume: media, path: /media}, "media:/thumbs:ro", "scratch:/tmp/work"]
)yaml";

TEST(Volumes, OnlyTheWorkloadsThatMountAVolumeReachItsMountTargets) {
  auto lowered = lower_yaml(kVolumes);
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  std::vector<std::string> ingress;
  for (const auto& rule : lowered.view["security"]["ingress"]) {
    const std::string group = rule["security_group"];
    if (group.rfind("volume_", 0) == 0) {
      ingress.push_back(rule["label"].get<std::string>() + ":" + rule["port"].dump());
    }
  }
  EXPECT_EQ(ingress, (std::vector<std::string>{"volume_media_from_service_web:2049",
                                               "volume_media_from_job_resize:2049",
                                               "volume_scratch_from_job_resize:2049"}));
  bool egress_to_media = false;
  for (const auto& rule : lowered.view["security"]["egress"]) {
    if (rule["label"] == "service_web_to_volume_media") egress_to_media = true;
    EXPECT_NE(rule["label"], "service_api_to_volume_media");
  }
  EXPECT_TRUE(egress_to_media);
}

TEST(Volumes, ATaskMountsWhatItNamesAndWritesOnlyWhereAMountIsWritable) {
  auto lowered = lower_yaml(kVolumes);
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& web = item_named(lowered.view["services"], "web");
  ASSERT_EQ(web["volumes"].size(), 1u);
  EXPECT_FALSE(web["volumes"][0]["writes"].get<bool>());
  EXPECT_TRUE(web["has_task_permissions"].get<bool>());
  EXPECT_EQ(web["volumes"][0]["file_system_id"]["terraform"], "aws_efs_file_system.media.id");
  EXPECT_EQ(web["volumes"][0]["access_point_arn"]["terraform"], "aws_efs_access_point.media.arn");
  const auto& resize = item_named(lowered.view["jobs"], "resize");
  ASSERT_EQ(resize["volumes"].size(), 2u);  // one task volume per file system, however mounted
  EXPECT_TRUE(item_named(resize["volumes"], "media")["writes"].get<bool>());
  ASSERT_EQ(resize["mounts"].size(), 3u);
  EXPECT_EQ(resize["mounts"][1]["path"], "/thumbs");
  EXPECT_TRUE(resize["mounts"][1]["read_only"].get<bool>());
  EXPECT_FALSE(resize["mounts"][0]["read_only"].get<bool>());
  const auto& api = item_named(lowered.view["services"], "api");
  EXPECT_FALSE(api["has_volumes"].get<bool>());
  EXPECT_FALSE(api["has_task_permissions"].get<bool>());
}

TEST(Volumes, OwnerAndPerEnvironmentSettings) {
  auto lowered = lower_yaml(std::string(kVolumes) + R"yaml(environments:
  dev: {volumes: {media: {backup: false}}}
  prod: {}
)yaml");
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& media = item_named(lowered.view["volumes"], "media");
  EXPECT_EQ(media["uid"], 33);
  EXPECT_EQ(media["permissions"], "0750");
  EXPECT_EQ(media["used_by"], "service 'web', job 'resize'");
  const auto& dev = item_named(lowered.view["environments"], "dev");
  EXPECT_EQ(item_named(dev["volumes"], "media")["backup_status"], "DISABLED");
  EXPECT_EQ(item_named(dev["volumes"], "scratch")["transition_to_ia"], "AFTER_1_DAY");
  const auto& prod = item_named(lowered.view["environments"], "prod");
  EXPECT_EQ(item_named(prod["volumes"], "media")["backup_status"], "ENABLED");
  EXPECT_EQ(item_named(prod["volumes"], "media")["transition_to_ia"], "AFTER_30_DAYS");
  EXPECT_EQ(item_named(prod["volumes"], "media")["throughput"], "elastic");
}

TEST(Volumes, TheOwnerOfItsFilesIsTheSameInEveryEnvironment) {
  auto lowered = lower_yaml(std::string(kVolumes) + R"yaml(environments:
  dev: {volumes: {media: {owner: {uid: 1000}}}}
  prod: {}
)yaml");
  EXPECT_FALSE(lowered.ok());
  EXPECT_NE(lowered.messages.find("error: volume 'media' differs between environments: 'owner'"),
            std::string::npos)
      << lowered.messages;
}

TEST(Volumes, MountTargetsFollowEachEnvironmentsPrivateSubnets) {
  auto lowered = lower_yaml(std::string(kVolumes) + R"yaml(environments:
  dev: {network: {zones: 2}}
  prod: {network: {zones: 3}}
)yaml");
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& slots = lowered.view["cloudformation"]["private_subnet_slots"];
  ASSERT_EQ(slots["slots"].size(), 3u);
  EXPECT_FALSE(slots["slots"][1]["conditional"].get<bool>());
  EXPECT_TRUE(slots["slots"][2]["conditional"].get<bool>());
  EXPECT_EQ(slots["required"].size(), 2u);
  EXPECT_TRUE(slots["varies"].get<bool>());
  const auto& prod = item_named(lowered.view["environments"], "prod");
  EXPECT_EQ(prod["cloudformation"]["private_subnet_count"], 3);
}

TEST(Volumes, ATargetWithoutVolumesRefusesThemAtTheLine) {
  TargetSpec spec = target_spec_from_pack("ecs-fargate");
  spec.target = "no-volumes";
  std::erase(spec.supports, std::string("volumes"));
  auto lowered = lower_yaml(kVolumes, spec);
  EXPECT_FALSE(lowered.ok());
  EXPECT_NE(lowered.messages.find("app.yaml:5:10: error: target 'no-volumes' cannot carry shared "
                                  "file systems (volumes) (volume 'media')"),
            std::string::npos)
      << lowered.messages;
}

TEST(Volumes, NoVolumesNoFileSystems) {
  auto lowered = lower_yaml(R"yaml(apiVersion: infragen/v1
name: shop
region: eu-west-1
services:
  web: {image: nginx:1.27, port: 80, expose: public}
)yaml");
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  EXPECT_FALSE(lowered.view["has_volumes"].get<bool>());
  EXPECT_EQ(lowered.view["cloudformation"]["private_subnet_slots"], false);
}

}  // namespace
}  // namespace infragen
