#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "review/replacement_table.h"

namespace infragen::review {
namespace {

TEST(ReplacementTable, NamesItsSource) {
  EXPECT_EQ(ReplacementTable::builtin().source(),
            "@aws-cdk/cfnspec 2.72.1 (CloudFormation resource specification 117.0.0)");
}

TEST(ReplacementTable, TerraformAttributesMapToCloudFormationProperties) {
  const auto& table = ReplacementTable::builtin();
  auto identifier = table.replaced_by("aws_db_instance", "identifier");
  ASSERT_TRUE(identifier);
  EXPECT_EQ(identifier->cloudformation_type, "AWS::RDS::DBInstance");
  EXPECT_EQ(identifier->property, "DBInstanceIdentifier");
  EXPECT_TRUE(identifier->certain);

  auto engine = table.replaced_by("aws_db_instance", "engine");
  ASSERT_TRUE(engine);
  EXPECT_EQ(engine->property, "Engine");
  EXPECT_FALSE(engine->certain);  // UpdateType Conditional

  auto cidr = table.replaced_by("aws_subnet", "cidr_block");
  ASSERT_TRUE(cidr);
  EXPECT_EQ(cidr->property, "CidrBlock");
  ASSERT_TRUE(table.replaced_by("aws_lb", "name"));
  EXPECT_EQ(table.replaced_by("aws_lb", "name")->property, "Name");
  EXPECT_EQ(table.replaced_by("aws_ecs_service", "name")->property, "ServiceName");

  EXPECT_FALSE(table.replaced_by("aws_db_instance", "instance_class"));  // in place
  EXPECT_FALSE(table.replaced_by("aws_ecs_service", "desired_count"));
  EXPECT_FALSE(table.replaced_by("aws_s3_bucket_versioning", "bucket"));  // no CFN counterpart
  EXPECT_FALSE(table.replaced_by("aws_unknown_thing", "name"));
}

TEST(ReplacementTable, CloudFormationPropertiesAreLookedUpDirectly) {
  const auto& table = ReplacementTable::builtin();
  ASSERT_TRUE(table.replaced_by("AWS::S3::Bucket", "BucketName"));
  EXPECT_FALSE(table.replaced_by("AWS::S3::Bucket", "bucketname"));
  EXPECT_FALSE(table.replaced_by("AWS::S3::Bucket", "Tags"));
}

TEST(ReplacementTable, StatefulTypes) {
  const auto& table = ReplacementTable::builtin();
  for (const char* type :
       {"aws_db_instance", "aws_rds_cluster", "aws_s3_bucket", "aws_elasticache_replication_group",
        "aws_efs_file_system", "aws_ecs_cluster", "aws_cloudwatch_log_group",
        "aws_secretsmanager_secret", "aws_ecr_repository", "AWS::RDS::DBInstance",
        "AWS::S3::Bucket", "AWS::Logs::LogGroup"}) {
    EXPECT_TRUE(table.is_stateful(type)) << type;
  }
  EXPECT_FALSE(table.is_stateful("aws_security_group"));
  EXPECT_FALSE(table.is_stateful("AWS::ECS::Service"));
}

// Every resource type a built-in pack can emit has an entry, so a new template type cannot
// slip past the danger marks unnoticed.
TEST(ReplacementTable, CoversEveryTerraformTypeTheTemplatesEmit) {
  std::string data;
  {
    std::ifstream in(std::string(INFRAGEN_SOURCE_DIR) + "/schemas/replacement.v1.json");
    std::stringstream buffer;
    buffer << in.rdbuf();
    data = buffer.str();
  }
  std::set<std::string> emitted;
  const std::regex resource_line(R"re(^\s*resource "([a-z0-9_]+)")re");
  for (const auto& entry : std::filesystem::recursive_directory_iterator(
           std::string(INFRAGEN_SOURCE_DIR) + "/templates")) {
    if (entry.path().extension() != ".mustache") continue;
    std::ifstream in(entry.path());
    std::string line;
    std::smatch match;
    while (std::getline(in, line)) {
      if (std::regex_search(line, match, resource_line)) emitted.insert(match[1]);
    }
  }
  ASSERT_FALSE(emitted.empty());
  for (const auto& type : emitted) {
    EXPECT_NE(data.find("\"" + type + "\": {"), std::string::npos) << type;
  }
}

TEST(ReplacementTable, RejectsMalformedData) {
  std::string error;
  EXPECT_FALSE(ReplacementTable::parse("[]", error));
  EXPECT_FALSE(ReplacementTable::parse(R"({"source": {}})", error));
  EXPECT_FALSE(error.empty());
}

}  // namespace
}  // namespace infragen::review
