#include "lowering/compose_groups.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "lowering_fixture.h"

namespace infragen {
namespace {

using testing::item_named;
using testing::lower_yaml;

const char* kShop = R"yaml(apiVersion: infragen/v1
name: shop
region: eu-west-1
services:
  web: {image: nginx:1.27, port: 80, expose: public, replicas: 2, route: {path: /}}
  admin: {image: nginx:1.27, port: 80, expose: public, route: {path: /admin}}
  api:
    image: myorg/api:1
    port: 9000
    expose: private
    cpu: 1024
    memory: 2048
    autoscale: {min: 1, max: 4, cpu: 60}
  queue: {image: myorg/queue:1, port: 9000, expose: private}
  worker: {image: myorg/worker:1, expose: none, env: {API: "${services.queue.url}"}}
)yaml";

TEST(ComposeGroups, PublicServicesFrontTheRestBack) {
  auto lowered = lower_yaml(kShop, testing::ec2_compose_spec());
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& groups = lowered.view["compose"]["groups"];
  ASSERT_EQ(groups.size(), 2u);
  const auto& back = item_named(groups, "back");
  const auto& front = item_named(groups, "front");
  ASSERT_EQ(front["services"].size(), 2u);
  // Consecutive published ports from 8000 (one security group rule per load balancer): public
  // services first, then private ones, each in name order; a worker publishes none.
  EXPECT_EQ(item_named(front["services"], "admin")["host_port"], 8000);
  EXPECT_EQ(item_named(front["services"], "web")["host_port"], 8001);
  EXPECT_EQ(item_named(back["services"], "api")["host_port"], 8000);
  EXPECT_EQ(item_named(back["services"], "queue")["host_port"], 8001);
  EXPECT_EQ(item_named(back["services"], "worker")["host_port"], 0);
  EXPECT_EQ(item_named(back["services"], "worker")["has_port"], false);
  // The internal load balancer listens per private service, in name order.
  EXPECT_EQ(item_named(lowered.view["services"], "api")["internal_port"], 8000);
  EXPECT_EQ(item_named(lowered.view["services"], "queue")["internal_port"], 8001);
  EXPECT_EQ(item_named(lowered.view["services"], "web")["compose_group"], "front");
  EXPECT_EQ(lowered.view["compose"]["has_private_services"], true);
}

TEST(ComposeGroups, SizesAGroupForOneContainerOfEachService) {
  auto lowered = lower_yaml(kShop, testing::ec2_compose_spec());
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& values = lowered.view["environments"][0]["compose"];
  const auto& back = item_named(values, "back");
  // api 1024 + queue 256 + worker 256 CPU units; 2048 + 512 + 512 MiB + 256 for Docker: the
  // first default type with 3328 MiB usable is a t3.medium (4096 - 256).
  EXPECT_EQ(back["type"], "t3.medium");
  EXPECT_EQ(back["min"], 1);  // every service's count (autoscale.min of api)
  EXPECT_EQ(back["max"], 4);  // and at its peak
  EXPECT_EQ(back["scales"], true);
  EXPECT_EQ(back["cpu_target"], 60);
  EXPECT_EQ(back["ami_parameter"],
            "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64");
  const auto& front = item_named(values, "front");
  EXPECT_EQ(front["type"], "t3.small");
  EXPECT_EQ(front["min"], 2);
  EXPECT_EQ(front["max"], 2);
  EXPECT_EQ(front["scales"], false);
}

TEST(ComposeGroups, ScalesAGroupOnMemoryAndOnEachPublicServicesRequests) {
  const char* manifest = R"yaml(apiVersion: infragen/v1
name: shop
region: eu-west-1
services:
  web: {image: nginx:1.27, port: 80, expose: public, route: {path: /},
        autoscale: {min: 1, max: 4, requests: 300, memory: 80}}
  admin: {image: nginx:1.27, port: 80, expose: public, route: {path: /admin},
          autoscale: {min: 1, max: 3, requests: 100, memory: 70, cpu: 50}}
  api: {image: myorg/api:1, port: 9000, expose: private}
environments:
  dev: {services: {web: {autoscale: {min: 1, max: 1}}, admin: {autoscale: {min: 1, max: 1}}}}
  prod: {}
)yaml";
  auto lowered = lower_yaml(manifest, testing::ec2_compose_spec());
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  // Any environment that scales on memory puts the CloudWatch agent on the group's instances.
  EXPECT_EQ(item_named(lowered.view["compose"]["groups"], "front")["memory_scaling"], true);
  EXPECT_EQ(item_named(lowered.view["compose"]["groups"], "back")["memory_scaling"], false);
  const auto& prod =
      item_named(item_named(lowered.view["environments"], "prod")["compose"], "front");
  EXPECT_EQ(prod["scales_on_cpu"], true);
  EXPECT_EQ(prod["cpu_target"], 50);
  EXPECT_EQ(prod["scales_on_memory"], true);
  EXPECT_EQ(prod["memory_target"], 70);           // the lowest of the group's services
  ASSERT_EQ(prod["request_targets"].size(), 2u);  // one policy per service's target group
  EXPECT_EQ(item_named(prod["request_targets"], "admin")["value"], 100);
  EXPECT_EQ(item_named(prod["request_targets"], "web")["value"], 300);
  // A group with one count has no policy to set it.
  const auto& dev = item_named(item_named(lowered.view["environments"], "dev")["compose"], "front");
  EXPECT_EQ(dev["scales"], false);
  EXPECT_EQ(dev["scales_on_memory"], false);
  EXPECT_EQ(dev["has_request_targets"], false);
}

TEST(ComposeGroups, WrittenGroupsKeepTheirServices) {
  auto lowered = lower_yaml(std::string(kShop) + R"yaml(instances:
  max: 3
  groups:
    edge: {services: [admin, queue], type: t3.large}
)yaml",
                            testing::ec2_compose_spec());
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& edge = item_named(lowered.view["compose"]["groups"], "edge");
  EXPECT_EQ(edge["has_public_services"], true);
  EXPECT_EQ(edge["has_private_services"], true);
  EXPECT_EQ(item_named(edge["services"], "admin")["host_port"], 8000);
  EXPECT_EQ(item_named(edge["services"], "queue")["host_port"], 8001);
  const auto& values = lowered.view["environments"][0]["compose"];
  EXPECT_EQ(item_named(values, "edge")["type"], "t3.large");
  // A written max caps the derived min (web runs 2) instead of contradicting it.
  EXPECT_EQ(item_named(values, "front")["max"], 3);
  EXPECT_EQ(item_named(values, "front")["min"], 2);
}

TEST(ComposeGroups, DefaultGroupsSplitAtFiftyLoadBalancedServices) {
  std::string yaml = "apiVersion: infragen/v1\nname: many\nregion: eu-west-1\nservices:\n";
  for (int index = 0; index < 120; ++index) {
    char name[16];
    std::snprintf(name, sizeof name, "s%03d", index);
    yaml += std::string("  ") + name +
            ": {image: nginx, port: 80, expose: public, route: {path: /" + name + "}}\n";
  }
  auto lowered = lower_yaml(yaml, testing::ec2_compose_spec());
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& groups = lowered.view["compose"]["groups"];
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(item_named(groups, "front")["services"].size(), 50u);
  EXPECT_EQ(item_named(groups, "front-2")["services"].size(), 50u);
  EXPECT_EQ(item_named(groups, "front-3")["services"].size(), 20u);
  EXPECT_EQ(item_named(item_named(groups, "front-3")["services"], "s119")["host_port"], 8019);
}

// Workers have no target group, but each has names in its group's stack (a log group, a
// repository): a hundred of them in one group passed the 200 keys of its Names mapping.
TEST(ComposeGroups, DefaultGroupsSplitAtFiftyServicesOfAnyKind) {
  std::string yaml = "apiVersion: infragen/v1\nname: many\nregion: eu-west-1\nservices:\n";
  for (int index = 0; index < 101; ++index) {
    char name[16];
    std::snprintf(name, sizeof name, "w%03d", index);
    yaml += std::string("  ") + name + ": {build: {context: ./" + name + "}, expose: none}\n";
  }
  auto lowered = lower_yaml(yaml, testing::ec2_compose_spec());
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& groups = lowered.view["compose"]["groups"];
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(item_named(groups, "back")["services"].size(), 50u);
  EXPECT_EQ(item_named(groups, "back-2")["services"].size(), 50u);
  EXPECT_EQ(item_named(groups, "back-3")["services"].size(), 1u);
  for (const auto& group : groups) {
    EXPECT_LE(group["cloudformation"]["names"][0]["entries"].size(), 200u) << group["name"];
  }
}

TEST(ComposeGroups, RefusesWhatNoInstanceRuns) {
  auto lowered = lower_yaml(R"yaml(apiVersion: infragen/v1
name: shop
region: eu-west-1
services:
  api: {image: myorg/api:1, port: 9000, expose: private, cpu: 2048, memory: 2048}
  cache: {image: myorg/cache:1, port: 9001, expose: private, cpu: 1024, memory: 2048}
instances:
  type: t3.medium
  disk: 10
)yaml",
                            testing::ec2_compose_spec());
  EXPECT_FALSE(lowered.ok());
  const std::string& messages = lowered.messages;
  EXPECT_NE(messages.find("app.yaml:8:9: error: target 'ec2-compose' runs one container of each "
                          "service of group 'back' on every instance: 3072 CPU units and 4352 "
                          "MiB with Docker's share do not fit on t3.medium"),
            std::string::npos)
      << messages;
  EXPECT_NE(messages.find("app.yaml:9:9: error: target 'ec2-compose' needs a root volume of at "
                          "least 20 GiB"),
            std::string::npos)
      << messages;
}

TEST(ComposeGroups, FiftyPrivateServicesPerInternalLoadBalancer) {
  std::string yaml = "apiVersion: infragen/v1\nname: many\nregion: eu-west-1\nservices:\n";
  for (int index = 0; index < 51; ++index) {
    char name[16];
    std::snprintf(name, sizeof name, "p%02d", index);
    yaml += std::string("  ") + name + ": {image: nginx, port: 80, expose: private}\n";
  }
  yaml += "  caller: {image: nginx, expose: none, env: {PEER: \"${services.p50.url}\"}}\n";
  auto lowered = lower_yaml(yaml, testing::ec2_compose_spec());
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& balancers = lowered.view["compose"]["internal_balancers"];
  ASSERT_EQ(balancers.size(), 2u);
  EXPECT_EQ(balancers[0]["services"].size(), 50u);
  EXPECT_EQ(balancers[1]["tf"], "internal_2");
  const auto& p50 = item_named(lowered.view["services"], "p50");
  EXPECT_EQ(p50["internal_balancer"], "internal_2");
  EXPECT_EQ(p50["internal_port"], 8000);
  EXPECT_EQ(item_named(lowered.view["services"], "p49")["internal_port"], 8049);
  const auto& caller = item_named(lowered.view["services"], "caller");
  EXPECT_EQ(caller["environment"][0]["formats"]["terraform"]["expression"],
            "\"http://${aws_lb.internal_2.dns_name}:8000\"");
  // The back services split over two default groups (50 each: caller and p00 to p48 first).
  EXPECT_EQ(item_named(lowered.view["compose"]["groups"], "back-2")["services"].size(), 2u);
  // In CloudFormation the URL is the second balancer's DNS name, exported by the app stack.
  const std::string url = caller["environment"][0]["formats"]["cloudformation"]["expression"];
  EXPECT_NE(url.find("${AppStack}-Internal2LoadBalancerDnsName"), std::string::npos) << url;
  EXPECT_NE(url.find("http://${Dns}:8000"), std::string::npos) << url;
  // Each group's stack gets its own names: "instances_back_2_..." is back-2's, not back's.
  for (const char* name : {"back", "back-2"}) {
    const auto& group = item_named(lowered.view["compose"]["groups"], name);
    const std::string own = name == std::string("back") ? "InstancesBack" : "InstancesBack2";
    for (const auto& entry : group["cloudformation"]["names"][0]["entries"]) {
      const std::string key = entry["key_id"];
      if (key.rfind("Instances", 0) != 0) continue;
      EXPECT_EQ(key.substr(0, own.size()), own) << name << ": " << key;
      if (own == "InstancesBack") {
        EXPECT_NE(key.rfind("InstancesBack2", 0), 0u) << key;
      }
    }
  }
}

TEST(ComposeGroups, CloudFormationStackPerGroup) {
  auto lowered = lower_yaml(kShop, testing::ec2_compose_spec());
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& view = lowered.view;
  // Private services are behind the internal load balancer: no service discovery namespace.
  EXPECT_FALSE(view["service_discovery"].get<bool>());
  std::vector<std::string> files;
  for (const auto& stack : view["environments"][0]["cloudformation"]["workload_stacks"]) {
    files.push_back(stack["file"]);
  }
  EXPECT_EQ(files, (std::vector<std::string>{"group-back.json", "group-front.json"}));
  const auto& back = item_named(view["compose"]["groups"], "back");
  std::set<std::string> keys;
  for (const auto& entry : back["cloudformation"]["names"][0]["entries"]) {
    keys.insert(entry["key_id"].get<std::string>());
  }
  EXPECT_TRUE(keys.count("InstancesBackConfig"));
  EXPECT_TRUE(keys.count("ServiceApiLogGroup"));
  EXPECT_TRUE(keys.count("ServiceApiInternalTargetGroup"));
  EXPECT_FALSE(keys.count("InstancesFrontConfig"));
  EXPECT_FALSE(keys.count("ServiceAdminLogGroup"));
  // Its private services' target groups need the VPC; the catch-all service's target group
  // (web, path /) is in the app stack, admin's in front's stack.
  EXPECT_TRUE(back["cloudformation"]["needs_vpc"].get<bool>());
  EXPECT_TRUE(
      item_named(view["compose"]["groups"], "front")["cloudformation"]["needs_vpc"].get<bool>());
  // A rolling update keeps fewer than the maximum in service (CloudFormation's rule).
  for (const auto& group : view["environments"][0]["compose"]) {
    EXPECT_LT(group["min_in_service"].get<int>(), group["max"].get<int>()) << group["name"];
    EXPECT_LE(group["min_in_service"].get<int>(), group["min"].get<int>()) << group["name"];
  }
}

TEST(ComposeGroups, OneSecurityGroupPerInstanceGroupWithPortRanges) {
  auto lowered = lower_yaml(kShop, testing::ec2_compose_spec());
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& security = lowered.view["security"];
  std::vector<std::string> groups;
  for (const auto& group : security["groups"]) groups.push_back(group["label"]);
  EXPECT_EQ(groups, (std::vector<std::string>{"load_balancer", "internal_load_balancer",
                                              "instances_back", "instances_front"}));
  bool found = false;
  for (const auto& rule : security["ingress"]) {
    if (rule["security_group"] != "instances_front") continue;
    EXPECT_EQ(rule["peer"], "load_balancer");
    EXPECT_EQ(rule["port"], 8000);
    EXPECT_EQ(rule["to_port"], 8001);
    found = true;
  }
  EXPECT_TRUE(found);
  // The worker calls the queue through the internal load balancer: one rule for its listeners.
  found = false;
  for (const auto& rule : security["egress"]) {
    if (rule["security_group"] != "instances_back" || rule["peer"] != "internal_load_balancer") {
      continue;
    }
    EXPECT_EQ(rule["port"], 8000);
    EXPECT_EQ(rule["to_port"], 8001);
    found = true;
  }
  EXPECT_TRUE(found);
}

const char* kJobs = R"yaml(apiVersion: infragen/v1
name: shop
region: eu-west-1
services:
  web: {image: nginx:1.27, port: 80, expose: public, route: {path: /}}
databases:
  main: {engine: postgres, version: "16", size: small}
jobs:
  report:
    image: myorg/report:1
    command: [report, --since, "$YESTERDAY"]
    schedule: "cron(15 10 ? * 6#3 *)"
    env: {DB_HOST: "${databases.main.host}"}
    secrets: {DB_PASSWORD: databases.main.password}
    timeout: 900
    retries: 2
  cleanup:
    build: {context: ./cleanup}
    schedule: "rate(6 hours)"
    compute: {vcpus: 2, memory: 3072}
)yaml";

// The jobs run on the back group's instances: the database only a job uses admits that group
// (the job could not connect when only the services' access made rules).
TEST(ComposeGroups, AJobsDatabaseAdmitsTheGroupThatRunsIt) {
  auto lowered = lower_yaml(kJobs, testing::ec2_compose_spec());
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& security = lowered.view["security"];
  auto has_rule = [&](const char* direction, const char* group, const char* peer) {
    for (const auto& rule : security[direction]) {
      if (rule["security_group"] == group && rule["peer"] == peer && rule["port"] == 5432) {
        return true;
      }
    }
    return false;
  };
  EXPECT_TRUE(has_rule("ingress", "database_main", "instances_back"));
  EXPECT_TRUE(has_rule("egress", "instances_back", "database_main"));
  EXPECT_FALSE(has_rule("ingress", "database_main", "instances_front"));
}

TEST(ComposeGroups, ScheduledJobsRunByTimersOnTheBackGroup) {
  auto lowered = lower_yaml(kJobs, testing::ec2_compose_spec());
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& groups = lowered.view["compose"]["groups"];
  // No service is private: "back" exists for the jobs alone.
  ASSERT_EQ(groups.size(), 2u);
  const auto& back = item_named(groups, "back");
  EXPECT_TRUE(back["services"].empty());
  EXPECT_EQ(back["has_jobs"], true);
  EXPECT_EQ(item_named(groups, "front")["has_jobs"], false);
  const auto& report = item_named(back["jobs"], "report");
  EXPECT_EQ(report["compose_name"], "job-report");
  EXPECT_EQ(report["attempts"], 3);  // retries + 1
  EXPECT_EQ(report["timeout"], 900);
  ASSERT_EQ(report["timer"].size(), 1u);
  EXPECT_EQ(report["timer"][0]["key"], "OnCalendar");
  EXPECT_EQ(report["timer"][0]["value"], "Fri *-*-15..21 10:15:00 UTC");
  EXPECT_EQ(report["log_group_label"], "job_report");
  EXPECT_EQ(report["image_variable"], "JOB_REPORT_IMAGE");
  EXPECT_EQ(report["secrets"][0]["interpolation"], "JOB_REPORT__DB_PASSWORD");
  const auto& cleanup = item_named(back["jobs"], "cleanup");
  ASSERT_EQ(cleanup["timer"].size(), 2u);
  EXPECT_EQ(cleanup["timer"][0]["key"], "OnBootSec");
  EXPECT_EQ(cleanup["timer"][1]["key"], "OnUnitActiveSec");
  // The instances read the job's secret, and pull its image built from source.
  EXPECT_EQ(back["has_secret_arns"], true);
  EXPECT_EQ(back["has_built_images"], true);
  // One instance at all times runs the timers, with room beside the group's services for the
  // largest job: cleanup's 3072 MiB and Docker's 256 need a t3.medium.
  const auto& values = item_named(lowered.view["environments"][0]["compose"], "back");
  EXPECT_EQ(values["min"], 1);
  EXPECT_EQ(values["max"], 1);
  EXPECT_EQ(values["type"], "t3.medium");
  // The CloudFormation stack of "back" holds the jobs' log groups, and its configuration lists
  // the jobs' values after the services'.
  std::set<std::string> keys;
  for (const auto& entry : back["cloudformation"]["names"][0]["entries"]) {
    keys.insert(entry["key_id"].get<std::string>());
  }
  EXPECT_TRUE(keys.count("JobReportLogGroup"));
  EXPECT_TRUE(keys.count("JobCleanupLogGroup"));
  ASSERT_EQ(back["cloudformation"]["workloads"].size(), 2u);
  EXPECT_EQ(back["cloudformation"]["workloads"][1]["last"], true);
  // On a laptop, a job is an entry of profile "jobs" that waits for its database.
  const auto& local = lowered.view["compose"]["local"];
  EXPECT_EQ(local["has_jobs"], true);
  const auto& laptop_report = item_named(local["services"], "job-report");
  EXPECT_EQ(laptop_report["job"], true);
  EXPECT_EQ(laptop_report["command"][2]["value"], "$$YESTERDAY");
  EXPECT_EQ(laptop_report["depends_on"][0]["name"], "main");
  EXPECT_EQ(item_named(local["services"], "job-cleanup")["image"],
            "${JOB_CLEANUP_IMAGE:-shop-job-cleanup:latest}");
}

TEST(ComposeGroups, RefusesAScheduleNoTimerCanFollow) {
  auto lowered = lower_yaml(R"yaml(apiVersion: infragen/v1
name: shop
region: eu-west-1
services:
  web: {image: nginx:1.27, port: 80, expose: public}
jobs:
  payroll:
    image: myorg/payroll:1
    schedule: "cron(0 9 15W * ? *)"
)yaml",
                            testing::ec2_compose_spec());
  EXPECT_FALSE(lowered.ok());
  EXPECT_NE(lowered.messages.find("app.yaml:9:15: error: target 'ec2-compose' runs job 'payroll' "
                                  "from a systemd timer, which has no equivalent of "),
            std::string::npos)
      << lowered.messages;
}

TEST(ComposeGroups, LaptopFileResolvesReferencesToContainers) {
  auto lowered = lower_yaml(R"yaml(apiVersion: infragen/v1
name: shop
region: eu-west-1
services:
  web:
    image: nginx:1.27
    port: 80
    expose: public
    env: {DB: "postgres://${databases.main.user}@${databases.main.host}:${databases.main.port}/x", PRICE: "5$"}
    secrets: {PASSWORD: databases.main.password}
databases:
  main: {engine: postgres, version: "16.2", size: small}
)yaml",
                            testing::ec2_compose_spec());
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& local = lowered.view["compose"]["local"];
  const auto& web = item_named(local["services"], "web");
  EXPECT_EQ(web["environment"][0]["value"], "postgres://app@main:5432/x");
  EXPECT_EQ(web["environment"][1]["value"], "5$$");
  EXPECT_EQ(web["environment"][2]["value"], "${MAIN_PASSWORD:-local-only}");
  EXPECT_EQ(web["local_port"], 8080);  // 80 needs root on the laptop
  EXPECT_EQ(web["depends_on"][0]["name"], "main");
  EXPECT_EQ(web["depends_on"][0]["condition"], "service_healthy");
  const auto& database = item_named(local["data_stores"], "main");
  EXPECT_EQ(database["image"], "postgres:16");
}

TEST(ComposeGroups, LaptopFileKeepsAServiceAndAStoreOfOneNameApart) {
  auto lowered = lower_yaml(R"yaml(apiVersion: infragen/v1
name: shop
region: eu-west-1
services:
  users: {image: myorg/users:1, port: 80, expose: public, env: {DB: "${databases.users.host}"}}
databases:
  users: {engine: postgres, version: "16", size: small}
caches:
  users: {engine: redis, version: "7.1", size: small}
)yaml",
                            testing::ec2_compose_spec());
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& local = lowered.view["compose"]["local"];
  EXPECT_EQ(local["data_stores"][0]["name"], "database-users");
  EXPECT_EQ(local["data_stores"][1]["name"], "cache-users");
  const auto& users = item_named(local["services"], "users");
  EXPECT_EQ(users["environment"][0]["value"], "database-users");
  EXPECT_EQ(users["depends_on"][0]["name"], "database-users");
}

}  // namespace
}  // namespace infragen
