#include <gtest/gtest.h>

#include "review/diff_printers.h"

namespace infragen::review {
namespace {

std::string tf(const std::string& cidr, const std::string& port) {
  return "resource \"aws_subnet\" \"a\" {\n  cidr_block = \"" + cidr +
         "\"\n}\n\nresource \"aws_lb_target_group\" \"web\" {\n  deregistration_delay = " + port +
         "\n}\n";
}

FileMap before() {
  return {{"web/terraform/main.tf", tf("10.0.0.0/20", "30")},
          {"web/terraform/env/dev.tfvars", "x = 1\n"},
          {"web/terraform/env/prod.tfvars", "x = 2\n"}};
}

FileMap after() {
  return {{"web/terraform/main.tf", tf("10.1.0.0/20", "60")},
          {"web/terraform/env/dev.tfvars", "x = 1\n"},
          {"web/terraform/env/prod.tfvars", "x = 2\n"}};
}

TEST(DiffReport, SameChangeInEveryEnvironmentIsCountedOnceAndPrintedOnce) {
  auto report = build_diff_report(before(), after(), std::nullopt, ReplacementTable::builtin());
  ASSERT_TRUE(report.has_changes());
  ASSERT_EQ(report.parts.size(), 1u);
  EXPECT_EQ(report.parts[0].environments.size(), 2u);
  EXPECT_EQ(summary_line(report.summary()), "+0 ~2 -0, 1 replacement");
  EXPECT_EQ(diff_text(report, false),
            "infragen diff: +0 ~2 -0, 1 replacement\n"
            "\n"
            "web/terraform (web terraform), environments dev, prod\n"
            "  REPLACE aws_subnet.a\n"
            "          because `cidr_block` forces replacement (AWS::EC2::Subnet CidrBlock: update "
            "requires replacement)\n"
            "          cidr_block: \"10.0.0.0/20\" -> \"10.1.0.0/20\"\n"
            "  ~       aws_lb_target_group.web\n"
            "          deregistration_delay: 30 -> 60\n"
            "\n"
            "files: 1 changed\n"
            "  web/terraform/main.tf +2 -2\n");
}

TEST(DiffReport, EnvironmentFilterAndNoChange) {
  auto report = build_diff_report(before(), before(), std::nullopt, ReplacementTable::builtin());
  EXPECT_FALSE(report.has_changes());
  EXPECT_EQ(diff_text(report, false), "infragen diff: +0 ~0 -0, 0 replacements\nno changes\n");
  auto prod =
      build_diff_report(before(), after(), std::string("prod"), ReplacementTable::builtin());
  ASSERT_EQ(prod.parts.size(), 1u);
  ASSERT_EQ(prod.parts[0].environments.size(), 1u);
  EXPECT_EQ(prod.parts[0].environments[0].environment, "prod");
}

TEST(DiffReport, NewEnvironmentIsANoteNotAListOfAdditions) {
  FileMap with_staging = before();
  with_staging["web/terraform/env/staging.tfvars"] = "x = 3\n";
  auto report =
      build_diff_report(before(), with_staging, std::nullopt, ReplacementTable::builtin());
  ASSERT_EQ(report.parts.size(), 1u);
  EXPECT_TRUE(report.parts[0].environments.empty());
  EXPECT_EQ(report.parts[0].notes,
            std::vector<std::string>{"environment staging is new (2 resources)"});
  EXPECT_EQ(report.files.size(), 1u);
}

TEST(DiffReport, MarkdownHasSummaryDangerTableAndCollapsedFiles) {
  auto report = build_diff_report(before(), after(), std::nullopt, ReplacementTable::builtin());
  std::string markdown = diff_markdown(report);
  EXPECT_EQ(markdown.rfind("### infragen diff\n\n**+0 ~2 -0, 1 replacement**\n", 0), 0u);
  EXPECT_NE(markdown.find("#### web / terraform — dev, prod\n"), std::string::npos);
  EXPECT_NE(markdown.find("| **REPLACE** | `aws_subnet.a` | `cidr_block` forces replacement"),
            std::string::npos);
  EXPECT_NE(markdown.find("`deregistration_delay`: `30` → `60`"), std::string::npos);
  EXPECT_NE(markdown.find("<details><summary>Files: 1 changed (+2 -2)</summary>"),
            std::string::npos);
  EXPECT_NE(markdown.find("```diff\n--- a/web/terraform/main.tf\n"), std::string::npos);
  // Dangers come before in-place updates.
  EXPECT_LT(markdown.find("REPLACE"), markdown.find("~ update"));
  // A comment that would be too long names the diffs it leaves out.
  std::string small = diff_markdown(report, 100);
  EXPECT_NE(small.find("1 more file diff left out"), std::string::npos);
}

TEST(DiffReport, JsonForMachines) {
  auto report = build_diff_report(before(), after(), std::nullopt, ReplacementTable::builtin());
  auto json = diff_json(report);
  EXPECT_EQ(json["summary"]["replacements"], 1);
  EXPECT_EQ(json["changed"], true);
  const auto& change = json["parts"][0]["environments"][0]["changes"][0];
  EXPECT_EQ(change["address"], "aws_subnet.a");
  EXPECT_EQ(change["danger"], "replace");
  EXPECT_EQ(change["attributes"][0]["old"], "\"10.0.0.0/20\"");
  EXPECT_EQ(json["files"][0]["path"], "web/terraform/main.tf");
}

// The same change kinds on a CloudFormation part: templates plus params/<env>.json.
std::string cfn_template(const std::string& bucket_name, bool with_logs,
                         const std::string& queue_id) {
  std::string logs =
      with_logs
          ? R"(, "Logs": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": 7}})"
          : "";
  return R"({"Parameters": {"Size": {"Type": "String"}, "Alarms": {"Type": "String"}},
  "Conditions": {"HasAlarms": {"Fn::Equals": [{"Ref": "Alarms"}, "true"]}},
  "Resources": {
    "Bucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": ")" +
         bucket_name + R"("}},
    "Service": {"Type": "AWS::ECS::Service", "Properties": {"DesiredCount": {"Ref": "Size"}}},
    "Topic": {"Type": "AWS::SNS::Topic", "Condition": "HasAlarms", "Properties": {}},
    ")" + queue_id +
         R"(": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "q", "DelaySeconds": 1, "MaximumMessageSize": 1024, "VisibilityTimeout": 30}})" +
         logs + "}}";
}

FileMap cfn(const std::string& bucket_name, bool with_logs, const std::string& queue_id,
            const std::string& prod_size) {
  return {{"web/cloudformation/app.json", cfn_template(bucket_name, with_logs, queue_id)},
          {"web/cloudformation/params/dev.json",
           R"([{"ParameterKey": "Size", "ParameterValue": "1"},
               {"ParameterKey": "Alarms", "ParameterValue": "false"}])"},
          {"web/cloudformation/params/prod.json",
           R"([{"ParameterKey": "Size", "ParameterValue": ")" + prod_size + R"("},
               {"ParameterKey": "Alarms", "ParameterValue": "true"}])"}};
}

TEST(DiffReport, CloudFormationChangeKinds) {
  auto report = build_diff_report(cfn("a", true, "Queue", "2"), cfn("b", false, "Jobs", "3"),
                                  std::nullopt, ReplacementTable::builtin());
  EXPECT_EQ(
      diff_text(report, false),
      "infragen diff: +0 ~3 -1, 2 replacements, 1 destroy\n"
      "\n"
      "web/cloudformation (web cloudformation), environment dev\n"
      "  DESTROY app.json:Logs\n"
      "          because AWS::Logs::LogGroup holds data: removing it deletes the data\n"
      "  REPLACE app.json:Bucket\n"
      "          because `BucketName` forces replacement (AWS::S3::Bucket BucketName: update "
      "requires replacement)\n"
      "          because AWS::S3::Bucket holds data: the replacement starts empty unless "
      "restored\n"
      "          BucketName: \"a\" -> \"b\"\n"
      "  REPLACE app.json:Jobs (was app.json:Queue)\n"
      "          because logical id changes from app.json:Queue: CloudFormation creates a new "
      "resource and deletes the old one\n"
      "          because AWS::SQS::Queue holds data: the replacement starts empty unless "
      "restored\n"
      "\n"
      "web/cloudformation (web cloudformation), environment prod\n"
      "  DESTROY app.json:Logs\n"
      "          because AWS::Logs::LogGroup holds data: removing it deletes the data\n"
      "  REPLACE app.json:Bucket\n"
      "          because `BucketName` forces replacement (AWS::S3::Bucket BucketName: update "
      "requires replacement)\n"
      "          because AWS::S3::Bucket holds data: the replacement starts empty unless "
      "restored\n"
      "          BucketName: \"a\" -> \"b\"\n"
      "  REPLACE app.json:Jobs (was app.json:Queue)\n"
      "          because logical id changes from app.json:Queue: CloudFormation creates a new "
      "resource and deletes the old one\n"
      "          because AWS::SQS::Queue holds data: the replacement starts empty unless "
      "restored\n"
      "  ~       app.json:Service\n"
      "          DesiredCount: \"2\" -> \"3\"\n"
      "\n"
      "files: 2 changed\n"
      "  web/cloudformation/app.json +2 -2\n"
      "  web/cloudformation/params/prod.json +1 -1\n");
}

TEST(DiffReport, CloudFormationResourceOnlyInProdByCondition) {
  FileMap before = cfn("a", false, "Queue", "2");
  FileMap after = before;
  after["web/cloudformation/params/dev.json"] =
      R"([{"ParameterKey": "Size", "ParameterValue": "1"},
          {"ParameterKey": "Alarms", "ParameterValue": "true"}])";
  auto report = build_diff_report(before, after, std::nullopt, ReplacementTable::builtin());
  ASSERT_EQ(report.parts.size(), 1u);
  ASSERT_EQ(report.parts[0].environments.size(), 1u);
  EXPECT_EQ(report.parts[0].environments[0].environment, "dev");
  const auto& change = report.parts[0].environments[0].changes.at(0);
  EXPECT_EQ(change.kind, ChangeKind::added);
  EXPECT_EQ(change.address, "app.json:Topic");
}

}  // namespace
}  // namespace infragen::review
