#include "lowering/view_kubernetes.h"

#include <gtest/gtest.h>

#include "lowering_fixture.h"

namespace infragen {
namespace {

using testing::item_named;
using testing::lower_yaml;

// eks for its terraform and helm formats (the cloudformation section is built only for that
// format, which refuses jobs and in-cluster stores).
const TargetSpec& eks_spec() {
  static const TargetSpec spec = [] {
    TargetSpec without_cloudformation = testing::target_spec_from_pack("eks");
    std::erase(without_cloudformation.sections, "cloudformation");
    return without_cloudformation;
  }();
  return spec;
}

std::string app_with_job(const std::string& job, const std::string& schedule) {
  return R"yaml(apiVersion: infragen/v1
name: shop
region: eu-west-1
jobs:
  )yaml" +
         job + R"yaml(:
    image: myorg/report:1
    schedule: ")yaml" +
         schedule + R"yaml("
environments:
  dev: {}
  prod:
    jobs:
      )yaml" +
         job + R"yaml(: {compute: {vcpus: 2, memory: 4096}}
)yaml";
}

TEST(ViewKubernetes, ScheduledJobsGetTheirCronAndTheChart) {
  auto lowered = lower_yaml(app_with_job("report", "cron(30 2 ? * MON-FRI *)"), eks_spec());
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& job = item_named(lowered.view["jobs"], "report");
  EXPECT_EQ(job["kubernetes_schedule"], "30 2 * * 1-5");
  // A chart of jobs alone: no service, still something to run.
  EXPECT_FALSE(lowered.view["has_services"].get<bool>());
  EXPECT_TRUE(lowered.view["has_workloads"].get<bool>());
}

TEST(ViewKubernetes, EnvironmentsSetOnlyWhatDiffersFromTheFirst) {
  auto lowered = lower_yaml(R"yaml(apiVersion: infragen/v1
name: shop
region: eu-west-1
services:
  web: {image: "nginx:1.27", port: 80, expose: public, cpu: 256, memory: 512}
  api: {image: "myorg/api:1", port: 8080, expose: private, cpu: 512, memory: 1024}
jobs:
  report: {image: myorg/report:1, schedule: "rate(1 day)"}
environments:
  dev: {}
  staging: {}
  prod:
    services:
      web: {replicas: 3, autoscale: {min: 3, max: 9, cpu: 60}}
    jobs:
      report: {compute: {memory: 4096}}
)yaml",
                            eks_spec());
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& environments = lowered.view["environments"];
  for (int i : {0, 1}) {
    const auto& same = environments[i]["kubernetes"];
    EXPECT_TRUE(same["empty"].get<bool>()) << same.dump();
    EXPECT_TRUE(same["services"].empty());
    EXPECT_TRUE(same["jobs"].empty());
  }
  const auto& prod = environments[2]["kubernetes"];
  EXPECT_FALSE(prod["empty"].get<bool>());
  ASSERT_EQ(prod["services"].size(), 1u);
  const auto& web = prod["services"][0];
  EXPECT_EQ(web["name"], "web");
  EXPECT_TRUE(web["set_replicas"].get<bool>());
  EXPECT_TRUE(web["set_autoscale"].get<bool>());
  EXPECT_FALSE(web["set_cpu"].get<bool>());
  EXPECT_FALSE(web["set_memory"].get<bool>());
  EXPECT_FALSE(web["set_image"].get<bool>());
  EXPECT_TRUE(web["last"].get<bool>());
  ASSERT_EQ(prod["jobs"].size(), 1u);
  EXPECT_TRUE(prod["jobs"][0]["set_memory"].get<bool>());
  EXPECT_FALSE(prod["jobs"][0]["set_cpu"].get<bool>());
}

TEST(ViewKubernetes, ScheduleWithoutKubernetesCronIsAnErrorAtItsLine) {
  auto lowered = lower_yaml(app_with_job("payroll", "cron(0 9 15W * ? *)"), eks_spec());
  EXPECT_FALSE(lowered.ok());
  EXPECT_NE(lowered.messages.find(
                "app.yaml:7:15: error: target 'eks' runs job 'payroll' as a Kubernetes CronJob, "
                "whose cron has no equivalent of the nearest-weekday wildcard W\n"),
            std::string::npos)
      << lowered.messages;
  EXPECT_NE(
      lowered.messages.find("hint: write the days of the month or of the week the job runs on"),
      std::string::npos)
      << lowered.messages;
}

TEST(ViewKubernetes, UnevenRateIsAnErrorAtItsLine) {
  auto lowered = lower_yaml(app_with_job("sync", "rate(7 minutes)"), eks_spec());
  EXPECT_FALSE(lowered.ok());
  EXPECT_NE(lowered.messages.find(
                "app.yaml:7:15: error: target 'eks' runs job 'sync' as a Kubernetes CronJob, "
                "whose cron has no equivalent of a period of 7 minutes, which does not divide an "
                "hour or a day evenly\n"),
            std::string::npos)
      << lowered.messages;
}

TEST(ViewKubernetes, JobNamesThatMakeNoCronJobName) {
  const std::string long_name(49, 'a');
  auto too_long = lower_yaml(app_with_job(long_name, "rate(1 hour)"), eks_spec());
  EXPECT_FALSE(too_long.ok());
  EXPECT_NE(too_long.messages.find("app.yaml:5:3: error: target 'eks' names the CronJob of job '" +
                                   long_name + "' job-" + long_name +
                                   ", longer than Kubernetes' 52 characters"),
            std::string::npos)
      << too_long.messages;
  auto clash = lower_yaml(R"yaml(apiVersion: infragen/v1
name: shop
region: eu-west-1
services:
  job-report: {image: "myorg/api:1", expose: none}
jobs:
  report: {image: myorg/report:1, schedule: "rate(1 day)"}
)yaml",
                          eks_spec());
  EXPECT_FALSE(clash.ok());
  EXPECT_NE(clash.messages.find("app.yaml:7:3: error: target 'eks' names the objects of job "
                                "'report' job-report, as those of service 'job-report'"),
            std::string::npos)
      << clash.messages;
}

TEST(ViewKubernetes, UnmanagedStoresRunInTheClusterAtServiceDataName) {
  auto lowered = lower_yaml(R"yaml(apiVersion: infragen/v1
name: notes
region: eu-west-1
services:
  web:
    image: "nginx:1.27"
    port: 80
    expose: public
    env: {DB: "${databases.db.host}:${databases.db.port}", KV: "${caches.kv.host}"}
    secrets: {PW: databases.db.password}
databases:
  db: {engine: postgres, version: "16", managed: false, storage: 20}
caches:
  kv: {engine: redis, version: "7.2", managed: false}
environments:
  dev: {}
  prod:
    databases:
      db: {storage: 100}
)yaml",
                            eks_spec());
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& stores = lowered.view["in_cluster"];
  EXPECT_TRUE(stores["exists"].get<bool>());
  const auto& db = item_named(stores["databases"], "db");
  EXPECT_EQ(db["image"], "postgres:16");
  EXPECT_EQ(db["port"], 5432);
  EXPECT_EQ(db["storage"], 20);
  EXPECT_EQ(item_named(stores["caches"], "kv")["image"], "redis:7");
  // No RDS or ElastiCache for them.
  EXPECT_TRUE(lowered.view["databases"].empty());
  EXPECT_TRUE(lowered.view["caches"].empty());
  // The references name the headless Services; the password is the secret Terraform generates.
  const auto& web = item_named(lowered.view["services"], "web");
  const auto& env = web["environment"];
  EXPECT_EQ(item_named(env, "KV")["formats"]["terraform"]["expression"], "\"data-kv\"");
  EXPECT_EQ(item_named(web["secrets"], "PW")["value_from"]["terraform"],
            "{arn = aws_secretsmanager_secret.data_db.arn, key = \"password\"}");
  EXPECT_TRUE(lowered.view["uses_secrets_store"].get<bool>());
  // Only prod's volume size differs from dev's (values.yaml).
  EXPECT_FALSE(lowered.view["environments"][0]["kubernetes"]["has_databases"].get<bool>());
  const auto& prod = lowered.view["environments"][1]["kubernetes"];
  ASSERT_EQ(prod["databases"].size(), 1u);
  EXPECT_EQ(prod["databases"][0]["storage"], 100);
}

TEST(ViewKubernetes, UnmanagedStoreWithAStandbyIsAnErrorAtItsLine) {
  auto lowered = lower_yaml(R"yaml(apiVersion: infragen/v1
name: notes
region: eu-west-1
databases:
  db: {engine: postgres, version: "16", managed: false, multi_zone: true}
)yaml",
                            eks_spec());
  EXPECT_FALSE(lowered.ok());
  EXPECT_NE(lowered.messages.find("app.yaml:5:69: error: target 'eks' runs database 'db' "
                                  "(managed: false) as one pod in the cluster\n"),
            std::string::npos)
      << lowered.messages;
}

TEST(ViewKubernetes, TheCloudFormationFormatRefusesJobsAndInClusterStoresAtTheirLine) {
  const TargetSpec with_cloudformation = testing::target_spec_from_pack("eks");
  auto lowered = lower_yaml(R"yaml(apiVersion: infragen/v1
name: shop
region: eu-west-1
services:
  web: {image: nginx, port: 80, expose: public}
databases:
  db: {engine: postgres, version: "16", managed: false}
jobs:
  report: {image: myorg/report:1, schedule: "rate(1 day)"}
)yaml",
                            with_cloudformation);
  EXPECT_EQ(lowered.messages,
            "app.yaml:7:50: error: the CloudFormation format of target 'eks' does not carry "
            "`managed: false` databases (the StatefulSet's generated secret and EBS volumes) yet\n"
            "  db: {engine: postgres, version: \"16\", managed: false}\n"
            "                                                 ^~~~~\n"
            "  hint: generate the terraform and helm formats (-f terraform -f helm)\n"
            "app.yaml:9:11: error: the CloudFormation format of target 'eks' does not carry jobs "
            "(a CronJob's Pod Identity role) yet\n"
            "  report: {image: myorg/report:1, schedule: \"rate(1 day)\"}\n"
            "          ^\n"
            "  hint: generate the terraform and helm formats (-f terraform -f helm)\n"
            "2 errors generated.\n");
}

// `services` services and `jobs` scheduled jobs, each using every one of 3 databases and 3 caches.
std::string app_using_many_stores(int services, int jobs) {
  std::string uses = R"yaml(
    env:)yaml";
  for (int i = 1; i <= 3; ++i) {
    const std::string n = std::to_string(i);
    uses += "\n      DB" + n + ": \"${databases.db" + n + ".host}\"";
    uses += "\n      CACHE" + n + ": \"${caches.cache" + n + ".host}\"";
  }
  std::string yaml = R"yaml(apiVersion: infragen/v1
name: shop
region: eu-west-1
services:)yaml";
  for (int i = 1; i <= services; ++i) {
    yaml += "\n  svc" + std::to_string(i) + ":\n    image: nginx:1.27\n    port: 80\n";
    yaml += i % 2 ? "    expose: public\n    route: {path: /s" + std::to_string(i) + "}"
                  : "    expose: private";
    yaml += uses;
  }
  if (jobs > 0) yaml += "\njobs:";
  for (int i = 1; i <= jobs; ++i) {
    yaml += "\n  job" + std::to_string(i) + ":\n    image: myorg/report:1\n";
    yaml += "    schedule: \"rate(1 day)\"" + uses;
  }
  yaml += "\ndatabases:";
  for (int i = 1; i <= 3; ++i) {
    yaml += "\n  db" + std::to_string(i) + ": {engine: postgres, version: \"16\"}";
  }
  yaml += "\ncaches:";
  for (int i = 1; i <= 3; ++i) yaml += "\n  cache" + std::to_string(i) + ": {engine: redis}";
  return yaml + "\n";
}

// Pods share their node's network interfaces: every node carries the cluster's group and the
// pods' group (2 of EC2's 5 per interface) however many workloads and stores, and no group is
// made per workload or for the load balancer (the Load Balancer Controller makes its own).
TEST(ViewKubernetes, NodesCarryTwoSecurityGroupsHoweverManyWorkloadsAndStores) {
  auto lowered = lower_yaml(app_using_many_stores(9, 3), eks_spec());
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& security = lowered.view["security"];
  ASSERT_EQ(security["node_groups"],
            nlohmann::json::parse(R"([{"group": "pods", "group_id": "Pods"}])"));
  // The cluster's group, then the app's: within the quota of 5 per network interface.
  EXPECT_LE(1 + security["node_groups"].size(), 5u);
  std::vector<std::string> labels;
  for (const auto& group : security["groups"]) labels.push_back(group["label"]);
  EXPECT_EQ(labels,
            (std::vector<std::string>{"pods", "database_db1", "database_db2", "database_db3",
                                      "cache_cache1", "cache_cache2", "cache_cache3"}));
  for (const char* list : {"services", "jobs"}) {
    for (const auto& workload : lowered.view[list]) {
      EXPECT_TRUE(workload["member_of"].empty()) << workload["name"];
    }
  }
  // Each store admits the pods' group on its port, once; nothing else has a rule.
  std::vector<std::string> rules;
  for (const auto& rule : security["ingress"]) {
    EXPECT_EQ(rule["peer"], "pods");
    rules.push_back(rule["security_group"].get<std::string>() + ":" +
                    std::to_string(rule["port"].get<int>()));
  }
  EXPECT_EQ(rules, (std::vector<std::string>{"cache_cache1:6379", "cache_cache2:6379",
                                             "cache_cache3:6379", "database_db1:5432",
                                             "database_db2:5432", "database_db3:5432"}));
  EXPECT_TRUE(security["egress"].empty());
}

TEST(ViewKubernetes, NoPodsSecurityGroupWithoutAManagedStoreInUse) {
  auto lowered = lower_yaml(R"yaml(apiVersion: infragen/v1
name: shop
region: eu-west-1
services:
  web: {image: nginx, port: 80, expose: public}
  api: {image: nginx, port: 8080, expose: private}
databases:
  db: {engine: postgres, version: "16", managed: false}
)yaml",
                            eks_spec());
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  EXPECT_TRUE(lowered.view["security"]["node_groups"].empty());
  EXPECT_TRUE(lowered.view["security"]["groups"].empty());
}

// The CloudFormation format: the nodes stack imports the pods' group only, and no service stack
// makes a group of its own.
TEST(ViewKubernetes, CloudFormationNodesCarryTheClusterAndPodsGroupsOnly) {
  auto lowered = lower_yaml(app_using_many_stores(12, 0), testing::target_spec_from_pack("eks"));
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& nodes = lowered.view["cloudformation"]["node_security_groups"];
  ASSERT_EQ(nodes, nlohmann::json::parse(R"([{"id": "Pods"}])"));
  EXPECT_LE(1 + nodes.size(), 5u);  // the cluster's group is the first
  for (const auto& service : lowered.view["services"]) {
    EXPECT_FALSE(service["cloudformation"]["owns_security_group"].get<bool>()) << service["name"];
    EXPECT_TRUE(service["cloudformation"]["ingress"].empty()) << service["name"];
    EXPECT_TRUE(service["cloudformation"]["egress"].empty()) << service["name"];
  }
}

}  // namespace
}  // namespace infragen
