#include "lowering/lowering.h"

#include <gtest/gtest.h>

#include <map>

#include "lowering_fixture.h"

namespace infragen {
namespace {

using testing::item_named;
using testing::lower_yaml;
using testing::name_of;
using testing::source_file;

const char* kSmall = R"yaml(apiVersion: infragen/v1
name: shop
region: eu-west-1
services:
  web:
    image: nginx:1.27
    port: 8080
    expose: public
    env:
      DB: "${databases.orders.host}"
      URL: "postgres://${databases.orders.user}@${databases.orders.host}:${databases.orders.port}/x"
      API: "${services.api.url}"
      MODE: fast
    secrets: {DB_PASSWORD: databases.orders.password, TOKEN: api-token}
  api:
    image: myorg/api:1
    port: 9000
    expose: private
  worker:
    image: myorg/worker:1
    expose: none
    env: {QUEUE: "${caches.queue.host}", BUCKET: "${buckets.files.name}"}
databases:
  orders: {engine: postgres, version: "16"}
caches:
  queue: {}
secrets:
  api-token: {description: Token}
buckets:
  files: {}
)yaml";

TEST(Lowering, VotingExampleLowersWithItsListenerPlan) {
  auto lowered = lower_yaml(source_file("examples/voting/app.yaml"));
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& view = lowered.view;
  EXPECT_EQ(view["app"], "voting");
  EXPECT_EQ(view["services"].size(), 3u);
  EXPECT_EQ(view["load_balancer"]["several"], false);
  ASSERT_EQ(view["load_balancer"]["shards"].size(), 1u);
  const auto& shard = view["load_balancer"]["shards"][0];
  EXPECT_EQ(shard["tf"], "public");
  EXPECT_EQ(shard["listener"], "http");
  EXPECT_EQ(shard["default_service"], "vote");
  ASSERT_EQ(shard["rules"].size(), 1u);
  const auto& rule = shard["rules"][0];
  EXPECT_EQ(rule["service"], "result");
  EXPECT_EQ(rule["priority"], 10);
  EXPECT_EQ(rule["paths"][0]["value"], "/result");
  EXPECT_EQ(rule["paths"][1]["value"], "/result/*");
  const auto& result = item_named(view["services"], "result");
  EXPECT_EQ(result["listener_rule"]["priority"], 10);
  EXPECT_EQ(item_named(view["services"], "vote")["default_target"], true);
  EXPECT_EQ(item_named(view["services"], "worker")["load_balanced"], false);
  EXPECT_EQ(result["balancer"]["tf"], "public");
  EXPECT_EQ(item_named(view["services"], "worker")["balancer"], false);
}

TEST(Lowering, ServicesPastOneLoadBalancersQuotasGetASecond) {
  std::string manifest = "apiVersion: infragen/v1\nname: many\nregion: eu-west-1\nservices:\n";
  for (int i = 0; i < 102; ++i) {
    std::string name = "s" + std::to_string(i);
    manifest +=
        "  " + name + ": {image: nginx, port: 80, expose: public, route: {path: /" + name + "}}\n";
  }
  // Services are planned in name order: s98 and s99 come last.
  manifest += "  other: {image: nginx, port: 80, env: {PEER: \"${services.s99.url}\"}}\n";
  auto lowered = lower_yaml(manifest);
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& view = lowered.view;
  EXPECT_EQ(view["load_balancer"]["several"], true);
  ASSERT_EQ(view["load_balancer"]["shards"].size(), 2u);
  const auto& second = view["load_balancer"]["shards"][1];
  EXPECT_EQ(second["tf"], "public_2");
  EXPECT_EQ(second["listener"], "http_2");
  EXPECT_EQ(second["name_key_id"], "LoadBalancer2");
  EXPECT_EQ(second["has_default_service"], false);
  ASSERT_EQ(second["members"].size(), 2u);
  EXPECT_EQ(second["members"][1]["value"], "s99");
  EXPECT_EQ(item_named(view["services"], "s99")["balancer"]["tf"], "public_2");
  EXPECT_EQ(item_named(view["services"], "s0")["balancer"]["tf"], "public");
  // Another workload reaches s99 at the second load balancer's name.
  const auto& peer = item_named(item_named(view["services"], "other")["environment"], "PEER");
  EXPECT_EQ(peer["formats"]["terraform"]["expression"],
            "\"http://${aws_lb.public_2.dns_name}/s99\"");
  bool named = false;
  for (const auto& name : view["environments"][0]["names"]) {
    if (name["key"] == "load_balancer_2") {
      EXPECT_EQ(name["value"], "many-default-2");
      named = true;
    }
  }
  EXPECT_TRUE(named);
}

TEST(Lowering, ReferencesResolveThroughThePackSnippets) {
  auto lowered = lower_yaml(kSmall);
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& web = item_named(lowered.view["services"], "web");
  const auto& env = web["environment"];
  const auto& db = item_named(env, "DB");
  EXPECT_TRUE(db["single"].get<bool>());
  EXPECT_EQ(db["formats"]["terraform"]["expression"], "aws_db_instance.orders.address");
  const auto& url = item_named(env, "URL");
  EXPECT_TRUE(url["composite"].get<bool>());
  const auto& parts = url["formats"]["terraform"]["parts"];
  ASSERT_EQ(parts.size(), 7u);
  EXPECT_EQ(parts[0]["text"], "postgres://");
  EXPECT_EQ(parts[1]["expression"], "aws_db_instance.orders.username");
  EXPECT_EQ(parts[5]["expression"], "tostring(aws_db_instance.orders.port)");
  EXPECT_EQ(parts[6]["text"], "/x");
  EXPECT_EQ(item_named(env, "API")["formats"]["terraform"]["expression"],
            "\"http://api.${aws_service_discovery_private_dns_namespace.main.name}:9000\"");
  EXPECT_TRUE(item_named(env, "MODE")["literal"].get<bool>());
  EXPECT_EQ(item_named(env, "MODE")["text"], "fast");

  const auto& password = item_named(web["secrets"], "DB_PASSWORD");
  EXPECT_EQ(password["value_from"]["terraform"],
            "\"${aws_db_instance.orders.master_user_secret[0].secret_arn}:password::\"");
  EXPECT_EQ(item_named(web["secrets"], "TOKEN")["value_from"]["terraform"],
            "aws_secretsmanager_secret.api_token.arn");
  const auto& worker = item_named(lowered.view["services"], "worker");
  EXPECT_EQ(item_named(worker["environment"], "QUEUE")["formats"]["terraform"]["expression"],
            "aws_elasticache_replication_group.queue.primary_endpoint_address");
  EXPECT_EQ(item_named(worker["environment"], "BUCKET")["formats"]["terraform"]["expression"],
            "aws_s3_bucket.files.bucket");
}

TEST(Lowering, AuroraReferencesUseTheCluster) {
  std::string yaml = kSmall;
  yaml.replace(yaml.find("engine: postgres"), 16, "engine: aurora-postgresql");
  auto lowered = lower_yaml(yaml);
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& web = item_named(lowered.view["services"], "web");
  EXPECT_EQ(item_named(web["environment"], "DB")["formats"]["terraform"]["expression"],
            "aws_rds_cluster.orders.endpoint");
  EXPECT_EQ(item_named(web["secrets"], "DB_PASSWORD")["value_from"]["terraform"],
            "\"${aws_rds_cluster.orders.master_user_secret[0].secret_arn}:password::\"");
  EXPECT_TRUE(item_named(lowered.view["databases"], "orders")["aurora"].get<bool>());
}

TEST(Lowering, EachTaskMayReadExactlyTheSecretsAndBucketsItUses) {
  auto lowered = lower_yaml(kSmall);
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& web = item_named(lowered.view["services"], "web");
  ASSERT_EQ(web["secret_arns"].size(), 2u);
  EXPECT_EQ(web["secret_arns"][0]["arn"]["terraform"],
            "aws_db_instance.orders.master_user_secret[0].secret_arn");
  EXPECT_EQ(web["secret_arns"][1]["arn"]["terraform"], "aws_secretsmanager_secret.api_token.arn");
  EXPECT_FALSE(web["has_buckets"].get<bool>());
  const auto& api = item_named(lowered.view["services"], "api");
  EXPECT_FALSE(api["has_secret_arns"].get<bool>());
  const auto& worker = item_named(lowered.view["services"], "worker");
  EXPECT_FALSE(worker["has_secret_arns"].get<bool>());
  ASSERT_EQ(worker["buckets"].size(), 1u);
  EXPECT_EQ(worker["buckets"][0]["arn"]["terraform"], "aws_s3_bucket.files.arn");
  EXPECT_EQ(worker["buckets"][0]["objects"]["terraform"], "\"${aws_s3_bucket.files.arn}/*\"");
}

TEST(Lowering, OnlyTheLoadBalancerIsOpenToTheInternetAndOnlyOnWebPorts) {
  for (const char* example : {"voting", "uploads"}) {
    auto lowered = lower_yaml(source_file(std::string("examples/") + example + "/app.yaml"));
    ASSERT_TRUE(lowered.ok()) << lowered.messages;
    for (const auto& rule : lowered.view["security"]["ingress"]) {
      if (!rule["has_cidr"].get<bool>()) continue;
      EXPECT_EQ(rule["security_group"], "load_balancer") << rule.dump();
      EXPECT_TRUE(rule["port"] == 80 || rule["port"] == 443) << rule.dump();
    }
  }
}

TEST(Lowering, SecurityGroupRulesFollowUse) {
  auto lowered = lower_yaml(kSmall);
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  std::vector<std::string> ingress;
  for (const auto& rule : lowered.view["security"]["ingress"]) {
    ingress.push_back(rule["label"].get<std::string>() + ":" + rule["port"].dump());
  }
  EXPECT_EQ(ingress, (std::vector<std::string>{
                         "load_balancer_from_internet_80:80",
                         "service_web_from_load_balancer:8080",
                         "cache_queue_from_service_worker:6379",
                         "database_orders_from_service_web:5432",
                         "service_api_from_service_web:9000",
                     }));
  // The load balancer reaches the public services through the group they all join.
  std::vector<std::string> egress;
  for (const auto& rule : lowered.view["security"]["egress"]) {
    egress.push_back(rule["label"].get<std::string>() + ":" + rule["port"].dump());
  }
  EXPECT_EQ(egress.front(), "load_balancer_to_load_balanced_services_8080:8080");
  const auto& web = item_named(lowered.view["services"], "web");
  EXPECT_EQ(web["member_of"], nlohmann::json::parse(R"([{"group": "load_balanced_services",
                                                           "group_id": "LoadBalancedServices"}])"));
}

// Past 40 clients a database admits one group that its clients join: EC2 allows 60 rules per
// security group, and 5 security groups per network interface.
TEST(Lowering, ManyClientsOfADatabaseShareOneGroup) {
  std::string manifest = R"yaml(apiVersion: infragen/v1
name: many
region: eu-west-1
databases:
  ledger: {engine: postgres, version: "16"}
services:
)yaml";
  for (int i = 0; i < 45; ++i) {
    manifest += "  w" + std::to_string(i) +
                ": {image: x, expose: none, secrets: {PW: databases.ledger.password}}\n";
  }
  auto lowered = lower_yaml(manifest);
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  int ledger_ingress = 0;
  for (const auto& rule : lowered.view["security"]["ingress"]) {
    if (rule["security_group"] == "database_ledger") ++ledger_ingress;
  }
  EXPECT_EQ(ledger_ingress, 1);
  for (const auto& service : lowered.view["services"]) {
    ASSERT_EQ(service["member_of"].size(), 1u);
    EXPECT_EQ(service["member_of"][0]["group"], "database_ledger_clients");
  }
  EXPECT_EQ(name_of(lowered.view["environments"][0], "database_ledger_clients_security_group"),
            "many-default-database-ledger-clients");
}

TEST(Lowering, SecurityGroupQuotaIsAnErrorAtTheLine) {
  std::string manifest = R"yaml(apiVersion: infragen/v1
name: many
region: eu-west-1
services:
  hub: {image: x, expose: none, env: {)yaml";
  for (int i = 0; i < 61; ++i) {
    manifest += std::string(i ? ", " : "") + "U" + std::to_string(i) + ": \"${services.p" +
                std::to_string(i) + ".url}\"";
  }
  manifest += "}}\n";
  for (int i = 0; i < 61; ++i) {
    manifest += "  p" + std::to_string(i) + ": {image: x, port: 80, expose: private}\n";
  }
  auto lowered = lower_yaml(manifest);
  EXPECT_FALSE(lowered.ok());
  EXPECT_NE(lowered.messages.find("app.yaml:5:8: error: the security group 'Service hub' needs 62 "
                                  "outbound rules; EC2 allows 60 per security group (quota "
                                  "'Inbound or outbound rules per security group')"),
            std::string::npos)
      << lowered.messages;
}

TEST(Lowering, UnsupportedFeatureIsAnErrorAtItsLine) {
  auto lowered = lower_yaml(R"yaml(apiVersion: infragen/v1
name: gpu
region: eu-west-1
jobs:
  train:
    image: myorg/train:1
    schedule: "rate(1 day)"
    compute: {vcpus: 4, memory: 16384, gpu: 1}
)yaml");
  EXPECT_FALSE(lowered.ok());
  EXPECT_EQ(lowered.messages,
            "app.yaml:8:45: error: target 'ecs-fargate' cannot carry GPUs (job 'train')\n"
            "    compute: {vcpus: 4, memory: 16384, gpu: 1}\n"
            "                                            ^\n"
            "  hint: `jobs.gpu` is not in the target's supported features\n"
            "1 error generated.\n");
}

TEST(Lowering, AdvisoryFeatureIsAWarning) {
  auto lowered = lower_yaml(R"yaml(apiVersion: infragen/v1
name: batchy
region: eu-west-1
jobs:
  load:
    image: myorg/load:1
    schedule: "rate(1 day)"
    compute: {max_vcpus: 8}
)yaml");
  EXPECT_TRUE(lowered.ok()) << lowered.messages;
  EXPECT_NE(lowered.messages.find("warning: target 'ecs-fargate' cannot carry a limit on vCPUs"),
            std::string::npos)
      << lowered.messages;
}

// ecs-fargate runs no instances of its own: instance capacity is a warning, silenced by
// --accept, never an error (the same manifest serves the instance targets).
TEST(Lowering, InstanceCapacityOnFargateIsAWarning) {
  const char* manifest = R"yaml(apiVersion: infragen/v1
name: sized
region: eu-west-1
services:
  web: {image: nginx:1.27, port: 80, expose: private}
instances:
  type: t3.medium
  groups:
    all: {services: [web]}
)yaml";
  auto lowered = lower_yaml(manifest);
  EXPECT_TRUE(lowered.ok()) << lowered.messages;
  EXPECT_NE(lowered.messages.find("warning: target 'ecs-fargate' cannot carry instance capacity "
                                  "(instances); it is ignored"),
            std::string::npos)
      << lowered.messages;
  EXPECT_NE(lowered.messages.find("warning: target 'ecs-fargate' cannot carry instance groups "
                                  "(group 'all'); it is ignored"),
            std::string::npos)
      << lowered.messages;
}

TEST(Lowering, AMissingReferenceSnippetIsAnError) {
  TargetSpec spec = testing::ecs_fargate_spec();
  spec.references["terraform"].erase("caches.host");
  auto lowered = lower_yaml(kSmall, spec);
  EXPECT_FALSE(lowered.ok());
  EXPECT_NE(lowered.messages.find("error: target 'ecs-fargate' cannot resolve "
                                  "${caches.queue.host} in terraform"),
            std::string::npos)
      << lowered.messages;
}

TEST(Lowering, StructureThatDiffersBetweenEnvironmentsIsAnError) {
  auto lowered = lower_yaml(std::string(kSmall) + R"yaml(environments:
  dev: {services: {web: {port: 8081}}}
  prod: {}
)yaml");
  EXPECT_FALSE(lowered.ok());
  EXPECT_NE(lowered.messages.find("app.yaml:32:32: error: service 'web' differs between "
                                  "environments: 'port' is 8081 in 'dev' but 8080 in 'prod'"),
            std::string::npos)
      << lowered.messages;
}

TEST(Lowering, LoadBalancerAndDatabaseNeedTwoZones) {
  auto lowered = lower_yaml(std::string(kSmall) + "network: {zones: 1}\n");
  EXPECT_FALSE(lowered.ok());
  EXPECT_NE(lowered.messages.find(
                "app.yaml:31:18: error: the load balancer of the public services and a database "
                "need subnets in two availability zones, but the network has one (environment "
                "'default')"),
            std::string::npos)
      << lowered.messages;
  EXPECT_NE(lowered.messages.find("use `zones: 2`"), std::string::npos) << lowered.messages;
}

TEST(Lowering, OneZoneIsFineWithoutLoadBalancerOrDatabase) {
  auto lowered = lower_yaml(R"yaml(apiVersion: infragen/v1
name: quiet
region: eu-west-1
network: {zones: 1}
services:
  worker: {image: myorg/worker:1, expose: none}
)yaml");
  EXPECT_TRUE(lowered.ok()) << lowered.messages;
}

TEST(Lowering, ExistingNetworkNeedsTwoPublicSubnetsForTheLoadBalancer) {
  auto lowered = lower_yaml(R"yaml(apiVersion: infragen/v1
name: reuse
region: eu-west-1
network:
  existing: {vpc_id: vpc-0123456789abcdef0, public_subnets: [subnet-0123456789abcdef0], private_subnets: [subnet-0123456789abcdef1, subnet-0123456789abcdef2]}
services:
  web: {image: nginx:1.27, port: 80, expose: public}
)yaml");
  EXPECT_FALSE(lowered.ok());
  EXPECT_NE(lowered.messages.find("app.yaml:5:61: error: the load balancer of the public services "
                                  "needs public subnets in two availability zones"),
            std::string::npos)
      << lowered.messages;
}

TEST(Lowering, LiteralEnvValuesThatDifferAreVariables) {
  auto lowered = lower_yaml(std::string(kSmall) + R"yaml(environments:
  dev: {services: {web: {env: {MODE: slow}}}}
  prod: {}
)yaml");
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& web = item_named(lowered.view["services"], "web");
  EXPECT_TRUE(web["has_environment_overrides"].get<bool>());
  for (const auto& entry : web["environment"]) EXPECT_NE(entry["name"], "MODE");
  const auto& dev = item_named(lowered.view["environments"], "dev");
  const auto& prod = item_named(lowered.view["environments"], "prod");
  EXPECT_EQ(item_named(dev["services"], "web")["environment"][0]["value"], "slow");
  EXPECT_EQ(item_named(prod["services"], "web")["environment"][0]["value"], "fast");
}

TEST(Lowering, PerEnvironmentValuesOfTheVotingExample) {
  auto lowered = lower_yaml(source_file("examples/voting/app.yaml"));
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& dev = item_named(lowered.view["environments"], "dev");
  const auto& prod = item_named(lowered.view["environments"], "prod");
  EXPECT_EQ(item_named(dev["services"], "vote")["desired_count"], 1);
  EXPECT_EQ(item_named(dev["services"], "vote")["autoscale"], false);
  EXPECT_EQ(item_named(prod["services"], "vote")["desired_count"], 3);
  EXPECT_EQ(item_named(prod["services"], "vote")["autoscale"]["max"], 10);
  EXPECT_FALSE(dev["deletion_protection"].get<bool>());
  EXPECT_TRUE(prod["deletion_protection"].get<bool>());
  EXPECT_TRUE(dev["enable_execute_command"].get<bool>());
  EXPECT_FALSE(prod["enable_execute_command"].get<bool>());
  EXPECT_EQ(item_named(prod["databases"], "db")["instance_class"], "db.r6g.large");
  EXPECT_EQ(item_named(prod["databases"], "db")["read_replicas"], 1);
  EXPECT_EQ(dev["alarms"], false);
  EXPECT_EQ(prod["alarms"]["email"], "ops@example.com");
  EXPECT_EQ(dev["network"]["public_subnet_cidrs"][1]["value"], "10.20.16.0/20");
  EXPECT_EQ(dev["network"]["nat_gateways"], 1);
  EXPECT_EQ(name_of(dev, "service_vote_target_group"), "voting-dev-vote");
  EXPECT_EQ(name_of(prod, "database_db_identifier"), "voting-prod-db");
  for (const auto& name : prod["names"]) {
    EXPECT_NE(name["key"].get<std::string>().rfind("bucket_", 0), 0u) << "no bucket in voting";
  }
}

TEST(Lowering, LongNamesFitTheirLimitsInEveryEnvironment) {
  auto lowered = lower_yaml(R"yaml(apiVersion: infragen/v1
name: a-very-long-application-x
region: eu-west-1
services:
  payments-reconciliation-api:
    image: myorg/pay:1
    port: 80
    expose: public
buckets:
  customer-document-uploads-arch: {}
databases:
  reconciliation-ledger-primary: {engine: postgres, version: "16"}
environments:
  production: {}
  staging: {}
)yaml");
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  for (const auto& environment : lowered.view["environments"]) {
    EXPECT_LE(name_of(environment, "load_balancer").size(), 32u);
    EXPECT_LE(name_of(environment, "service_payments_reconciliation_api_target_group").size(), 32u);
    EXPECT_LE(name_of(environment, "service_payments_reconciliation_api_task_role").size(), 64u);
    EXPECT_LE(name_of(environment, "database_reconciliation_ledger_primary_identifier").size(),
              63u);
    EXPECT_LE(name_of(environment, "bucket_customer_document_uploads_arch").size(), 50u)
        << "room for -<account id>";
  }
  EXPECT_NE(
      name_of(lowered.view["environments"][0], "service_payments_reconciliation_api_target_group"),
      name_of(lowered.view["environments"][1], "service_payments_reconciliation_api_target_group"));
}

// Names of 63 characters that share 60 of them, in environments whose names have '-': every
// generated name fits its AWS limit, and no two are equal.
TEST(Lowering, LongestNamesSharingAPrefixNeverCollide) {
  const std::string stem(60, 'a');
  std::string manifest =
      "apiVersion: infragen/v1\nname: abcdefghijklmnopqrstuvwxy\nregion: eu-west-1\n"
      "services:\n";
  for (const char* end : {"-s1", "-s2"}) {
    manifest += "  " + stem + end + ": {image: x, port: 80, expose: public, route: {path: /" + end +
                "}, autoscale: {min: 1, max: 2, cpu: 50}}\n";
  }
  manifest += "databases:\n";
  for (const char* end : {"-d1", "-d2"}) {
    manifest += "  " + stem + end + ": {engine: postgres, version: \"16\", read_replicas: 1}\n";
  }
  manifest += "caches:\n  " + stem + "-c1: {}\n  " + stem + "-c2: {}\n";
  manifest += "buckets:\n  " + stem + "-b1: {}\n  " + stem + "-b2: {}\n";
  manifest += "environments:\n  production-eu-west-1-very-long-x: {}\n  pr-123: {}\n";
  auto lowered = lower_yaml(manifest);
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  for (const auto& environment : lowered.view["environments"]) {
    std::map<std::string, std::string> names;
    for (const auto& entry : environment["names"]) {
      const std::string key = entry["key"], name = entry["value"];
      size_t limit = 512;
      if (key.find("target_group") != std::string::npos || key == "load_balancer") limit = 32;
      if (key.find("_role") != std::string::npos) limit = 64;
      if (key.find("database_") == 0 && key.find("security_group") == std::string::npos &&
          key.find("alarm") == std::string::npos) {
        limit = 63;
      }
      if (key.find("bucket_") == 0) limit = 50;  // room for -<account id>
      if (key.find("replication_group") != std::string::npos) limit = 40;
      EXPECT_LE(name.size(), limit) << key << " = " << name;
      names[key] = name;
    }
    // The twin of every name of the "…-s1", "-d1", "-c1", "-b1" entities differs from it.
    for (const auto& [key, name] : names) {
      for (const char* one : {"_s1", "_d1", "_c1", "_b1"}) {
        size_t at = key.find(one);
        if (at == std::string::npos) continue;
        std::string twin = key;
        twin[at + 2] = '2';
        ASSERT_TRUE(names.count(twin)) << twin;
        EXPECT_NE(names[twin], name) << key << " and " << twin;
      }
    }
    for (const auto& stack : environment["cloudformation"]["workload_stacks"]) {
      EXPECT_LE(stack["stack"].get<std::string>().size(), 128u);
    }
  }
}

TEST(Lowering, FargateSizesAreChecked) {
  auto lowered = lower_yaml(R"yaml(apiVersion: infragen/v1
name: sizes
region: eu-west-1
services:
  web: {image: nginx, cpu: 256, memory: 4096, expose: none}
)yaml");
  EXPECT_FALSE(lowered.ok());
  EXPECT_NE(lowered.messages.find("error: target 'ecs-fargate' cannot run service 'web' with 256 "
                                  "CPU units and 4096 MiB: Fargate does not offer that size"),
            std::string::npos)
      << lowered.messages;
  EXPECT_NE(lowered.messages.find("hint: with 256 CPU units, memory is 512, 1024 or 2048 MiB"),
            std::string::npos);
}

TEST(Lowering, IsDeterministic) {
  for (const char* example : {"voting", "uploads"}) {
    std::string yaml = source_file(std::string("examples/") + example + "/app.yaml");
    auto first = lower_yaml(yaml);
    auto second = lower_yaml(yaml);
    ASSERT_TRUE(first.ok()) << first.messages;
    EXPECT_EQ(first.view.dump(), second.view.dump());
  }
}

TEST(Lowering, JobTriggersAndSchedules) {
  auto lowered = lower_yaml(R"yaml(apiVersion: infragen/v1
name: data
region: eu-west-1
buckets:
  drop: {}
jobs:
  load:
    image: myorg/load:1
    trigger: {bucket: drop, prefix: in/, suffix: .csv}
    retries: 2
  nightly:
    image: myorg/load:1
    schedule: "cron(0 2 * * ? *)"
)yaml");
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& load = item_named(lowered.view["jobs"], "load");
  EXPECT_TRUE(load["triggered"].get<bool>());
  EXPECT_EQ(load["trigger"]["key_filter"]["kind"], "wildcard");
  EXPECT_EQ(load["trigger"]["key_filter"]["value"], "in/*.csv");
  EXPECT_EQ(load["retries"], 2);
  EXPECT_EQ(load["read_buckets"][0]["name"], "drop") << "a triggered job reads its bucket";
  EXPECT_TRUE(item_named(lowered.view["buckets"], "drop")["events"].get<bool>());
  const auto& nightly = item_named(lowered.view["jobs"], "nightly");
  EXPECT_TRUE(nightly["scheduled"].get<bool>());
  EXPECT_EQ(nightly["schedule"], "cron(0 2 * * ? *)");
  EXPECT_EQ(nightly["timeout"], 3600);
}

}  // namespace
}  // namespace infragen

namespace infragen {
namespace {

using testing::item_named;
using testing::lower_yaml;
using testing::source_file;

TEST(LoweringPipeline, BlueGreenServicesGetBothDeploymentVariants) {
  auto lowered = lower_yaml(source_file("examples/rates/app.yaml"));
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& pipeline = lowered.view["pipeline"];
  EXPECT_TRUE(pipeline["codepipeline"].get<bool>());
  EXPECT_TRUE(pipeline["blue_green_possible"].get<bool>());
  EXPECT_TRUE(pipeline["approval_possible"].get<bool>()) << "prod is production";
  const auto& api = item_named(lowered.view["services"], "api");
  ASSERT_EQ(api["deployment_variants"].size(), 2u);
  EXPECT_EQ(api["deployment_variants"][1]["suffix"], "_blue_green");
  EXPECT_TRUE(api["pipeline_deployed"].get<bool>());
  const auto& dev = item_named(lowered.view["environments"], "dev");
  const auto& prod = item_named(lowered.view["environments"], "prod");
  EXPECT_FALSE(dev["pipeline"]["blue_green"].get<bool>());
  EXPECT_TRUE(prod["pipeline"]["blue_green"].get<bool>());
  EXPECT_FALSE(dev["pipeline"]["approval"].get<bool>());
  EXPECT_TRUE(prod["pipeline"]["approval"].get<bool>());
  EXPECT_EQ(testing::name_of(prod, "service_api_green_target_group"), "rates-prod-api-green");
  // Both jobs are built from ./ingest with the same settings: one repository.
  EXPECT_EQ(pipeline["images"].size(), 2u) << "api and the ingest image";
  EXPECT_EQ(pipeline["jobs"].size(), 2u);
}

TEST(LoweringPipeline, GithubActionsCreatesTheOidcProviderInTheFirstEnvironmentOnly) {
  auto lowered = lower_yaml(std::string(source_file("examples/hello/app.yaml")) +
                            "environments:\n  dev: {}\n  prod: {}\n");
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  EXPECT_TRUE(lowered.view["pipeline_github_actions"].get<bool>());
  EXPECT_TRUE(item_named(lowered.view["environments"], "dev")["pipeline"]["create_oidc_provider"]
                  .get<bool>());
  EXPECT_FALSE(item_named(lowered.view["environments"], "prod")["pipeline"]["create_oidc_provider"]
                   .get<bool>());
  EXPECT_NE(lowered.messages.find("warning: the GitHub Actions workflow applies Terraform on a "
                                  "runner, but environment 'dev' keeps its Terraform state "
                                  "locally"),
            std::string::npos)
      << lowered.messages;
  const auto& builds = item_named(lowered.view["environments"], "prod")["builds"];
  ASSERT_EQ(builds.size(), 1u);
  EXPECT_EQ(builds[0]["repository"], "hello-prod-web");
}

TEST(LoweringPipeline, CodepipelineWithNothingToBuildIsAnError) {
  auto lowered = lower_yaml(R"yaml(apiVersion: infragen/v1
name: pulled
region: eu-west-1
services:
  web: {image: nginx, port: 80, expose: public}
pipeline: {provider: codepipeline, repository: o/r}
)yaml");
  EXPECT_FALSE(lowered.ok());
  EXPECT_NE(lowered.messages.find("app.yaml:6:22: error: target 'ecs-fargate' cannot carry a "
                                  "codepipeline pipeline with nothing to build"),
            std::string::npos)
      << lowered.messages;
}

}  // namespace
}  // namespace infragen

namespace infragen {
namespace {

TEST(LoweringStartOrder, DependsOnNamesWhatStartsFirst) {
  auto lowered = testing::lower_yaml(testing::source_file("examples/voting/app.yaml"));
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& worker = testing::item_named(lowered.view["services"], "worker");
  ASSERT_EQ(worker["start_after"].size(), 2u);
  EXPECT_EQ(worker["start_after"][0]["name"], "db");
  EXPECT_TRUE(worker["start_after"][0]["database"].get<bool>());
  EXPECT_EQ(worker["start_after"][1]["name"], "redis");
  EXPECT_TRUE(worker["start_after"][1]["cache"].get<bool>());
  const auto& vote = testing::item_named(lowered.view["services"], "vote");
  EXPECT_TRUE(vote["has_start_after"].get<bool>());
}

}  // namespace
}  // namespace infragen
