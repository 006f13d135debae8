#include "output/output_set.h"

#include <gtest/gtest.h>

#include <sstream>

#include "output/relative_path.h"
#include "output_test_support.h"

namespace infragen {
namespace {

using testing::printed;

TEST(RelativePath, AcceptsPlainRelativePaths) {
  EXPECT_FALSE(relative_path_problem("main.tf"));
  EXPECT_FALSE(relative_path_problem("ecs-fargate/terraform/services/vote.tf"));
  EXPECT_FALSE(relative_path_problem(".hidden/file..name"));
}

TEST(RelativePath, RejectsPathsLeavingTheFolder) {
  EXPECT_EQ(relative_path_problem(""), "the path is empty");
  EXPECT_EQ(relative_path_problem("/etc/passwd"), "the path must be relative");
  EXPECT_EQ(relative_path_problem("a/../../b"), "the path must not contain '..'");
  EXPECT_EQ(relative_path_problem(".."), "the path must not contain '..'");
  EXPECT_EQ(relative_path_problem("a\\b"), "the path must use '/' as separator");
  EXPECT_EQ(relative_path_problem("a//b"), "the path has an empty segment");
  EXPECT_EQ(relative_path_problem("a/"), "the path has an empty segment");
  EXPECT_EQ(relative_path_problem("./a"), "the path has a '.' segment");
  EXPECT_EQ(relative_path_problem("C:x"), "the path must be relative");
}

TEST(OutputSet, KeepsFilesSortedByPath) {
  Diagnostics diagnostics;
  OutputSet output;
  output.add("b/main.tf", "b", diagnostics);
  output.add("a.tf", "a", diagnostics);
  output.add("a/z.tf", "z", diagnostics);
  ASSERT_FALSE(diagnostics.has_errors());
  std::vector<std::string> order;
  for (const auto& [path, content] : output.files()) order.push_back(path);
  EXPECT_EQ(order, (std::vector<std::string>{"a.tf", "a/z.tf", "b/main.tf"}));
}

TEST(OutputSet, RejectsEscapingDuplicateAndReservedPaths) {
  Diagnostics diagnostics;
  OutputSet output;
  output.add("../x.tf", "", diagnostics);
  output.add("/abs.tf", "", diagnostics);
  output.add(".infragen-files.json", "", diagnostics);
  output.add("same.tf", "1", diagnostics);
  output.add("same.tf", "2", diagnostics);
  EXPECT_EQ(printed(diagnostics),
            "infragen: error: invalid output path '../x.tf': the path must not contain '..'\n"
            "infragen: error: invalid output path '/abs.tf': the path must be relative\n"
            "infragen: error: invalid output path '.infragen-files.json': reserved for the "
            "ownership file\n"
            "infragen: error: two generated files have the same path 'same.tf'\n"
            "4 errors generated.\n");
  EXPECT_EQ(output.files().size(), 1u);
  EXPECT_EQ(output.files().at("same.tf"), "1");
}

}  // namespace
}  // namespace infragen
