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

}  // namespace
}  // namespace infragen::review
