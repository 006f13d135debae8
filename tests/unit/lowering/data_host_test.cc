#include "lowering/data_host.h"

#include <gtest/gtest.h>

#include <string>

#include "lowering_fixture.h"

namespace infragen {
namespace {

using testing::item_named;
using testing::lower_yaml;
using testing::name_of;

// Two PostgreSQL databases (the second in name order takes the next port), a MySQL one, a cache
// and a managed database beside them.
const char* kKiosk = R"yaml(apiVersion: infragen/v1
name: kiosk
region: us-east-1
services:
  web:
    image: nginx:1.27
    port: 80
    expose: public
    env:
      DB: "${databases.catalog.host}:${databases.catalog.port}"
      ARCHIVE_PORT: "${databases.archive.port}"
      CACHE: "${caches.sessions.host}:${caches.sessions.port}"
      ORDERS: "${databases.orders.host}"
    secrets: {DB_PASSWORD: databases.catalog.password}
  worker:
    image: myorg/worker:1
    expose: none
    env: {LEDGER: "${databases.ledger.host}"}
databases:
  catalog:
    engine: postgres
    version: "16.2"
    storage: 30
    managed: false
    backup: {retention_days: 14, window: "02:30-03:00"}
  archive: {engine: postgres, version: "15", managed: false, size: large}
  ledger: {engine: mysql, version: "8.0", managed: false, user: ledger}
  orders: {engine: postgres, version: "16"}
caches:
  sessions: {engine: valkey, version: "8.0", managed: false}
environments:
  dev:
    databases:
      catalog: {backup: {retention_days: 0}}
  prod: {}
)yaml";

TEST(DataHost, PortsAreTheEnginesOwnOrTheNextFree) {
  auto lowered = lower_yaml(kKiosk, testing::ec2_compose_spec());
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& host = lowered.view["compose"]["data_host"];
  EXPECT_EQ(host["exists"], true);
  const auto& stores = host["stores"];
  ASSERT_EQ(stores.size(), 4u);  // the managed database is on RDS
  EXPECT_EQ(item_named(stores, "archive")["port"], 5432);
  EXPECT_EQ(item_named(stores, "catalog")["port"], 5433);
  EXPECT_EQ(item_named(stores, "catalog")["container_port"], 5432);
  EXPECT_EQ(item_named(stores, "ledger")["port"], 3306);
  EXPECT_EQ(item_named(stores, "sessions")["port"], 6379);
  EXPECT_EQ(item_named(stores, "sessions")["image"], "valkey/valkey:8");
  EXPECT_EQ(item_named(stores, "sessions")["has_volume"], false);
}

TEST(DataHost, DatabasesHaveAVolumeADumpAndAPasswordFromTheEnvFile) {
  auto lowered = lower_yaml(kKiosk, testing::ec2_compose_spec());
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& databases = lowered.view["compose"]["data_host"]["databases"];
  const auto& catalog = item_named(databases, "catalog");
  EXPECT_EQ(catalog["image"], "postgres:16");
  EXPECT_EQ(item_named(databases, "archive")["device"], "/dev/sdf");
  EXPECT_EQ(catalog["device"], "/dev/sdg");
  EXPECT_EQ(catalog["mount"], "/srv/kiosk/catalog");
  EXPECT_EQ(catalog["dump_calendar"], "*-*-* 02:30:00 UTC");  // the backup window's start
  EXPECT_EQ(item_named(databases, "ledger")["dump_calendar"], "*-*-* 03:00:00 UTC");
  EXPECT_EQ(item_named(databases, "ledger")["dump_extension"], "sql.gz");
  EXPECT_NE(item_named(databases, "ledger")["dump_command"].get<std::string>().find("mysqldump"),
            std::string::npos);
  EXPECT_EQ(item_named(catalog["environment"], "POSTGRES_PASSWORD")["value"],
            "${CATALOG__PASSWORD:-}");
}

TEST(DataHost, ManagedStoresStayOnRdsAndElastiCache) {
  auto lowered = lower_yaml(kKiosk, testing::ec2_compose_spec());
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  ASSERT_EQ(lowered.view["databases"].size(), 1u);
  EXPECT_EQ(lowered.view["databases"][0]["name"], "orders");
  EXPECT_EQ(lowered.view["has_caches"], false);
  EXPECT_EQ(lowered.view["environments"][0]["databases"].size(), 1u);
  EXPECT_EQ(name_of(lowered.view["environments"][0], "data_host_auto_scaling_group"),
            "kiosk-dev-data-host");
}

TEST(DataHost, ReferencesResolveToTheFixedAddressAndTheGeneratedSecret) {
  auto lowered = lower_yaml(kKiosk, testing::ec2_compose_spec());
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& web = item_named(lowered.view["services"], "web");
  const std::string text = web.dump();
  EXPECT_NE(text.find("aws_network_interface.data_host.private_ip"), std::string::npos);
  EXPECT_NE(text.find("\\\"5433\\\""), std::string::npos) << text;  // catalog
  EXPECT_NE(text.find("aws_secretsmanager_secret.data_catalog.arn}:password::"), std::string::npos);
  EXPECT_NE(text.find("${AppStack}-DataHostAddress"), std::string::npos);
  EXPECT_NE(text.find("aws_db_instance.orders.address"), std::string::npos);
}

TEST(DataHost, ValuesPerEnvironment) {
  auto lowered = lower_yaml(kKiosk, testing::ec2_compose_spec());
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& dev = item_named(lowered.view["environments"], "dev")["data_host"];
  const auto& prod = item_named(lowered.view["environments"], "prod")["data_host"];
  EXPECT_EQ(item_named(dev["databases"], "catalog")["backup_retention_days"], 0);
  EXPECT_EQ(item_named(prod["databases"], "catalog")["backup_retention_days"], 14);
  EXPECT_EQ(item_named(prod["databases"], "catalog")["storage"], 30);
  EXPECT_EQ(prod["type"], "t3.large");  // archive is large
}

TEST(DataHost, TerraformNeedsWriteOnlyAttributes) {
  auto lowered = lower_yaml(kKiosk, testing::ec2_compose_spec());
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  EXPECT_EQ(lowered.view["terraform_version"], ">= 1.11");
}

TEST(DataHost, OneContainerHasNoStandbyReplicasOrNodes) {
  const std::string yaml = R"yaml(apiVersion: infragen/v1
name: kiosk
region: us-east-1
services:
  worker: {image: myorg/worker:1, expose: none}
databases:
  main: {engine: postgres, version: "16", managed: false, multi_zone: true, read_replicas: 1}
caches:
  sessions: {managed: false, nodes: 2}
)yaml";
  auto lowered = lower_yaml(yaml, testing::ec2_compose_spec());
  EXPECT_FALSE(lowered.ok());
  EXPECT_NE(lowered.messages.find("app.yaml:7:"), std::string::npos) << lowered.messages;
  EXPECT_NE(lowered.messages.find("it has no standby in another zone"), std::string::npos);
  EXPECT_NE(lowered.messages.find("it has no read replicas"), std::string::npos);
  EXPECT_NE(lowered.messages.find("cache 'sessions' runs as one container"), std::string::npos);
}

TEST(DataHost, OtherTargetsRefuseManagedFalse) {
  const std::string yaml = R"yaml(apiVersion: infragen/v1
name: kiosk
region: us-east-1
services:
  worker: {image: myorg/worker:1, expose: none}
databases:
  main: {engine: postgres, version: "16", managed: false}
)yaml";
  auto lowered = lower_yaml(yaml);  // ecs-fargate
  EXPECT_FALSE(lowered.ok());
  EXPECT_NE(lowered.messages.find("app.yaml:7:"), std::string::npos) << lowered.messages;
}

TEST(DataHost, DumpCalendar) {
  EXPECT_EQ(dump_calendar(""), "*-*-* 03:00:00 UTC");
  EXPECT_EQ(dump_calendar("23:15-23:45"), "*-*-* 23:15:00 UTC");
}

}  // namespace
}  // namespace infragen
