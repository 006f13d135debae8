#include <gtest/gtest.h>

#include "review/cloudformation_resources.h"

namespace infragen::review {
namespace {

const char* kTemplate = R"({
  "AWSTemplateFormatVersion": "2010-09-09",
  "Parameters": {
    "Environment": {"Type": "String"},
    "AlarmEmail": {"Type": "String", "Default": ""},
    "DeletionProtection": {"Type": "String", "AllowedValues": ["true", "false"]},
    "ReadReplicas": {"Type": "Number", "Default": 0}
  },
  "Conditions": {
    "HasAlarms": {"Fn::Not": [{"Fn::Equals": [{"Ref": "AlarmEmail"}, ""]}]},
    "IsProtected": {"Fn::Equals": [{"Ref": "DeletionProtection"}, "true"]},
    "HasReplica": {"Fn::Not": [{"Fn::Equals": [{"Ref": "ReadReplicas"}, 0]}]},
    "ProtectedWithAlarms": {"Fn::And": [{"Condition": "IsProtected"}, {"Condition": "HasAlarms"}]},
    "InUsEast": {"Fn::Equals": [{"Ref": "AWS::Region"}, "us-east-1"]}
  },
  "Mappings": {
    "Names": {"dev": {"Db": "app-dev-db"}, "prod": {"Db": "app-prod-db"}}
  },
  "Resources": {
    "Database": {
      "Type": "AWS::RDS::DBInstance",
      "DeletionPolicy": "Snapshot",
      "Properties": {
        "DBInstanceIdentifier": {"Fn::FindInMap": ["Names", {"Ref": "Environment"}, "Db"]},
        "DBName": {"Fn::Sub": "${Environment}_${!Literal}_${AWS::StackName}"},
        "MasterUsername": {"Fn::Sub": "${Environment}_user"},
        "Engine": "postgres",
        "DeletionProtection": {"Ref": "DeletionProtection"},
        "MultiAZ": {"Fn::If": ["IsProtected", true, {"Ref": "AWS::NoValue"}]},
        "VPCSecurityGroups": [{"Fn::GetAtt": ["DbSecurityGroup", "GroupId"]}],
        "Tags": [{"Key": "env", "Value": {"Ref": "Environment"}}]
      }
    },
    "Replica": {"Type": "AWS::RDS::DBInstance", "Condition": "HasReplica", "Properties": {}},
    "AlarmTopic": {"Type": "AWS::SNS::Topic", "Condition": "ProtectedWithAlarms"},
    "UsOnly": {"Type": "AWS::S3::Bucket", "Condition": "InUsEast", "DeletionPolicy": "Retain"}
  }
})";

TEST(CloudFormationResources, ParameterFilesMakeEnvironmentsAndDecideConditions) {
  FileMap files = {
      {"app.json", kTemplate},
      // The `aws cloudformation create-stack --parameters file://` shape ...
      {"params/dev.json",
       R"([{"ParameterKey": "Environment", "ParameterValue": "dev"},
           {"ParameterKey": "DeletionProtection", "ParameterValue": "false"}])"},
      // ... and the `{"Parameters": {...}}` shape of `aws cloudformation deploy`.
      {"params/prod.json",
       R"({"Parameters": {"Environment": "prod", "DeletionProtection": "true",
           "AlarmEmail": "ops@example.com", "ReadReplicas": 1}})"},
      {"README.md", "not json"},
  };
  PartResources part;
  read_cloudformation_resources(files, part);
  ASSERT_EQ(part.environments.size(), 2u);
  const auto& dev = part.environments.at("dev");
  const auto& prod = part.environments.at("prod");
  std::vector<std::string> dev_ids;
  for (const auto& [address, resource] : dev) dev_ids.push_back(address);
  EXPECT_EQ(dev_ids, (std::vector<std::string>{"app.json:Database", "app.json:UsOnly"}));
  EXPECT_EQ(prod.size(), 4u);
  EXPECT_TRUE(dev.at("app.json:UsOnly").conditional);
  EXPECT_EQ(dev.at("app.json:UsOnly").delete_policy, "Retain");

  const auto& database = prod.at("app.json:Database");
  EXPECT_EQ(database.type, "AWS::RDS::DBInstance");
  EXPECT_EQ(database.delete_policy, "Snapshot");
  EXPECT_EQ(database.attributes,
            (std::map<std::string, std::string>{
                {"DBInstanceIdentifier", R"("app-prod-db")"},
                {"DBName", R"({"Fn::Sub":"${Environment}_${!Literal}_${AWS::StackName}"})"},
                {"MasterUsername", R"("prod_user")"},
                {"DeletionProtection", R"("true")"},
                {"Engine", R"("postgres")"},
                {"MultiAZ", "true"},
                {"Tags[0].Key", R"("env")"},
                {"Tags[0].Value", R"("prod")"},
                {"VPCSecurityGroups[0]", R"({"Fn::GetAtt":["DbSecurityGroup","GroupId"]})"}}));
  EXPECT_FALSE(dev.at("app.json:Database").attributes.count("MultiAZ"));
}

TEST(CloudFormationResources, WithoutParameterFilesDefaultsAreUsedAndUnknownsAreConditional) {
  PartResources part;
  read_cloudformation_resources({{"app.json", kTemplate}}, part);
  ASSERT_EQ(part.environments.size(), 1u);
  const auto& resources = part.environments.at(kDefaultEnvironment);
  // DeletionProtection has no default, so IsProtected is unknown, but HasAlarms is false
  // (AlarmEmail defaults to ""), which decides the And.
  EXPECT_FALSE(resources.count("app.json:AlarmTopic"));
  EXPECT_TRUE(resources.at("app.json:UsOnly").conditional);  // AWS::Region is not a parameter
  EXPECT_FALSE(resources.count("app.json:Replica"));         // ReadReplicas defaults to 0
}

TEST(CloudFormationResources, InvalidFilesAreNamed) {
  PartResources part;
  read_cloudformation_resources({{"app.json", kTemplate}, {"bad.json", "{"}}, part);
  EXPECT_EQ(part.notes,
            std::vector<std::string>{"bad.json is not valid JSON; its resources are not listed"});
}

}  // namespace
}  // namespace infragen::review
