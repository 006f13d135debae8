#include <gtest/gtest.h>

#include "review/resource_diff.h"

namespace infragen::review {
namespace {

Resource make(std::string address, std::string type, std::map<std::string, std::string> attributes,
              std::string delete_policy = {}) {
  Resource resource;
  resource.address = std::move(address);
  resource.type = std::move(type);
  resource.attributes = std::move(attributes);
  resource.delete_policy = std::move(delete_policy);
  return resource;
}

ResourceMap map_of(std::initializer_list<Resource> resources) {
  ResourceMap out;
  for (const auto& resource : resources) out[resource.address] = resource;
  return out;
}

const ReplacementTable& table() { return ReplacementTable::builtin(); }

TEST(ResourceDiff, EqualResourcesGiveNothing) {
  auto resources = map_of({make("aws_vpc.main", "aws_vpc", {{"cidr_block", "\"10.0.0.0/16\""}})});
  EXPECT_TRUE(diff_resources(resources, resources, table()).empty());
}

TEST(ResourceDiff, InPlaceChangeListsAttributesOldToNew) {
  auto before = map_of({make("aws_ecs_service.web", "aws_ecs_service",
                             {{"desired_count", "1"}, {"name", "\"web\""}, {"old", "1"}})});
  auto after = map_of({make("aws_ecs_service.web", "aws_ecs_service",
                            {{"desired_count", "2"}, {"name", "\"web\""}, {"new", "1"}})});
  auto changes = diff_resources(before, after, table());
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].kind, ChangeKind::changed);
  EXPECT_EQ(changes[0].danger, Danger::none);
  EXPECT_EQ(changes[0].attributes, (std::vector<AttributeChange>{{"desired_count", "1", "2"},
                                                                 {"new", std::nullopt, "1"},
                                                                 {"old", "1", std::nullopt}}));
}

TEST(ResourceDiff, ImmutableAttributeIsAReplacementWithItsReason) {
  auto before = map_of({make("aws_subnet.a", "aws_subnet", {{"cidr_block", "\"10.0.0.0/20\""}})});
  auto after = map_of({make("aws_subnet.a", "aws_subnet", {{"cidr_block", "\"10.1.0.0/20\""}})});
  auto changes = diff_resources(before, after, table());
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].danger, Danger::replace);
  EXPECT_EQ(changes[0].reasons,
            std::vector<std::string>{"`cidr_block` forces replacement (AWS::EC2::Subnet CidrBlock: "
                                     "update requires replacement)"});
}

TEST(ResourceDiff, NestedPathsAreClassifiedByTheirTopLevelAttribute) {
  auto before = map_of({make("aws_ecs_task_definition.t", "aws_ecs_task_definition",
                             {{"container_definitions[0].image", "\"a\""}})});
  auto after = map_of({make("aws_ecs_task_definition.t", "aws_ecs_task_definition",
                            {{"container_definitions[0].image", "\"b\""}})});
  auto changes = diff_resources(before, after, table());
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].danger, Danger::replace);
}

TEST(ResourceDiff, RemovingAStatefulResourceIsADestroyUnlessRetained) {
  auto before = map_of({make("aws_s3_bucket.uploads", "aws_s3_bucket", {{"bucket", "\"u\""}}),
                        make("aws_security_group.web", "aws_security_group", {{"name", "\"w\""}}),
                        make("app.json:Keep", "AWS::S3::Bucket", {}, "Retain")});
  auto changes = diff_resources(before, {}, table());
  ASSERT_EQ(changes.size(), 3u);
  EXPECT_EQ(changes[0].address, "aws_s3_bucket.uploads");
  EXPECT_EQ(changes[0].danger, Danger::destroy);
  EXPECT_EQ(changes[0].reasons,
            std::vector<std::string>{"aws_s3_bucket holds data: removing it deletes the data"});
  EXPECT_EQ(changes[1].address, "app.json:Keep");
  EXPECT_EQ(changes[1].danger, Danger::none);
  EXPECT_EQ(
      changes[1].reasons,
      std::vector<std::string>{"DeletionPolicy Retain: CloudFormation leaves it in the account"});
  EXPECT_EQ(changes[2].danger, Danger::none);
}

TEST(ResourceDiff, ANewAddressWithMostlyEqualAttributesIsARenameAndAReplacement) {
  std::map<std::string, std::string> common = {
      {"engine", "\"postgres\""}, {"port", "5432"}, {"storage_encrypted", "true"}};
  auto old_attributes = common;
  old_attributes["identifier"] = "\"app-dev-db\"";
  auto new_attributes = common;
  new_attributes["identifier"] = "\"app-dev-votes\"";
  auto before = map_of({make("aws_db_instance.db", "aws_db_instance", old_attributes)});
  auto after = map_of({make("aws_db_instance.votes", "aws_db_instance", new_attributes),
                       make("aws_sns_topic.new", "aws_sns_topic", {})});
  auto changes = diff_resources(before, after, table());
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].address, "aws_db_instance.votes");
  EXPECT_EQ(changes[0].renamed_from, "aws_db_instance.db");
  EXPECT_EQ(changes[0].danger, Danger::replace);
  EXPECT_EQ(changes[0].reasons,
            (std::vector<std::string>{
                "address changes from aws_db_instance.db: Terraform destroys it and creates a new "
                "one (a `moved` block would keep it)",
                "`identifier` forces replacement (AWS::RDS::DBInstance DBInstanceIdentifier: "
                "update requires replacement)",
                "aws_db_instance holds data: the replacement starts empty unless restored"}));
  EXPECT_EQ(changes[1].kind, ChangeKind::added);
}

TEST(ResourceDiff, DissimilarResourcesAreNotPaired) {
  auto before = map_of({make("aws_s3_bucket.a", "aws_s3_bucket", {{"bucket", "\"a\""}})});
  auto after = map_of({make("aws_s3_bucket.b", "aws_s3_bucket", {{"bucket", "\"b\""}})});
  auto changes = diff_resources(before, after, table());
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].kind, ChangeKind::removed);
  EXPECT_EQ(changes[0].danger, Danger::destroy);
  EXPECT_EQ(changes[1].kind, ChangeKind::added);
}

TEST(ResourceDiff, CloudFormationLogicalIdRename) {
  auto before = map_of({make("app.json:Db", "AWS::RDS::DBInstance", {{"Engine", "\"mysql\""}})});
  auto after = map_of({make("app.json:Votes", "AWS::RDS::DBInstance", {{"Engine", "\"mysql\""}})});
  auto changes = diff_resources(before, after, table());
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].reasons[0],
            "logical id changes from app.json:Db: CloudFormation creates a new resource and "
            "deletes the old one");
}

}  // namespace
}  // namespace infragen::review
