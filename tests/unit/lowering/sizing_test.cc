#include "lowering/sizing.h"

#include <gtest/gtest.h>

#include "lowering/environment_class.h"

namespace infragen {
namespace {

TEST(Sizing, DatabaseClasses) {
  EXPECT_EQ(database_instance_class("small", false), "db.t4g.micro");
  EXPECT_EQ(database_instance_class("large", false), "db.r6g.large");
  EXPECT_EQ(database_instance_class("small", true), "db.t4g.medium") << "Aurora has no micro";
  EXPECT_EQ(database_instance_class("db.m5.large", true), "db.m5.large");
}

TEST(Sizing, CacheNodeTypes) {
  EXPECT_EQ(cache_node_type("small"), "cache.t4g.micro");
  EXPECT_EQ(cache_node_type("cache.m7g.large"), "cache.m7g.large");
}

TEST(Sizing, FargateCombinations) {
  EXPECT_TRUE(fargate_accepts(256, 512));
  EXPECT_TRUE(fargate_accepts(256, 2048));
  EXPECT_FALSE(fargate_accepts(256, 1536));
  EXPECT_FALSE(fargate_accepts(256, 4096));
  EXPECT_TRUE(fargate_accepts(512, 3072));
  EXPECT_FALSE(fargate_accepts(512, 512));
  EXPECT_TRUE(fargate_accepts(1024, 2048));
  EXPECT_TRUE(fargate_accepts(4096, 30720));
  EXPECT_FALSE(fargate_accepts(4096, 31744));
  EXPECT_TRUE(fargate_accepts(8192, 20480));
  EXPECT_FALSE(fargate_accepts(8192, 17408)) << "steps of 4096 from 16384";
  EXPECT_TRUE(fargate_accepts(16384, 122880));
  EXPECT_FALSE(fargate_accepts(300, 512));
  EXPECT_EQ(fargate_memory_choices(512), "1024 to 4096 in steps of 1024");
  EXPECT_EQ(fargate_memory_choices(256), "512, 1024 or 2048");
  EXPECT_EQ(fargate_memory_choices(3), "");
}

TEST(Sizing, JobVcpus) {
  EXPECT_EQ(fargate_cpu_for_vcpus(0.25), 256);
  EXPECT_EQ(fargate_cpu_for_vcpus(2), 2048);
  EXPECT_EQ(fargate_cpu_for_vcpus(16), 16384);
  EXPECT_FALSE(fargate_cpu_for_vcpus(3));
  EXPECT_FALSE(fargate_cpu_for_vcpus(0.3));
  EXPECT_FALSE(fargate_cpu_for_vcpus(32));
}

TEST(EnvironmentClass, ProductionAndDevelopmentNames) {
  EXPECT_TRUE(is_production_environment("prod"));
  EXPECT_TRUE(is_production_environment("production"));
  EXPECT_TRUE(is_production_environment("default"));
  EXPECT_FALSE(is_production_environment("staging"));
  EXPECT_FALSE(is_production_environment("producer"));
  EXPECT_TRUE(is_development_environment("dev"));
  EXPECT_FALSE(is_development_environment("staging"));
  EXPECT_FALSE(is_development_environment("devops"));
  EXPECT_FALSE(is_development_environment("default"));
}

}  // namespace
}  // namespace infragen
