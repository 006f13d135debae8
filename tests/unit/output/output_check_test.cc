#include <gtest/gtest.h>

#include "output/output_set.h"
#include "output_test_support.h"
#include "temp_folder.h"

namespace infragen {
namespace {

using testing::make_output;
using testing::TempFolder;

TEST(CheckOutput, FreshFolderIsCurrent) {
  TempFolder temp;
  OutputSet output = make_output({{"a.tf", "a\n"}, {"dir/b.json", "{}\n"}});
  Diagnostics diagnostics;
  ASSERT_TRUE(write_output(temp.str(), output, diagnostics));
  std::string report;
  EXPECT_TRUE(check_output(temp.str(), output, report));
  EXPECT_EQ(report, "");
}

TEST(CheckOutput, StaleFolderGetsDiffsNewAndStaleFiles) {
  TempFolder temp;
  Diagnostics diagnostics;
  ASSERT_TRUE(write_output(
      temp.str(), make_output({{"a.tf", "one\ntwo\nthree\n"}, {"gone.tf", "g\n"}}), diagnostics));
  OutputSet now = make_output({{"a.tf", "one\n2\nthree\n"}, {"new.tf", "n1\nn2\n"}});
  std::string report;
  EXPECT_FALSE(check_output(temp.str(), now, report));
  EXPECT_EQ(report,
            "--- a/a.tf\n+++ b/a.tf\n@@ -1,3 +1,3 @@\n one\n-two\n+2\n three\n"
            "new file: new.tf\n--- /dev/null\n+++ b/new.tf\n@@ -0,0 +1,2 @@\n+n1\n+n2\n"
            "stale file: gone.tf\n");
}

TEST(CheckOutput, ScopedCheckIgnoresOtherParts) {
  TempFolder temp;
  Diagnostics diagnostics;
  ASSERT_TRUE(write_output(
      temp.str(), make_output({{"a/tf/main.tf", "a\n"}, {"b/tf/main.tf", "b\n"}}), diagnostics));
  OutputSet only_a = make_output({{"a/tf/main.tf", "a\n"}});
  std::string report;
  EXPECT_FALSE(check_output(temp.str(), only_a, report));
  EXPECT_EQ(report, "stale file: b/tf/main.tf\n");
  only_a.add_scope("a/tf");
  report.clear();
  EXPECT_TRUE(check_output(temp.str(), only_a, report));
  EXPECT_EQ(report, "");
}

TEST(CheckOutput, MissingFolderIsNotCurrent) {
  TempFolder temp;
  std::string report;
  EXPECT_FALSE(
      check_output((temp.path() / "nowhere").string(), make_output({{"a.tf", "a\n"}}), report));
  EXPECT_EQ(report, "new file: a.tf\n--- /dev/null\n+++ b/a.tf\n@@ -0,0 +1 @@\n+a\n");
}

TEST(CheckOutput, StaleFileAlreadyRemovedIsNotReported) {
  TempFolder temp;
  Diagnostics diagnostics;
  ASSERT_TRUE(
      write_output(temp.str(), make_output({{"a.tf", "a\n"}, {"b.tf", "b\n"}}), diagnostics));
  std::filesystem::remove(temp.path() / "b.tf");
  std::string report;
  EXPECT_TRUE(check_output(temp.str(), make_output({{"a.tf", "a\n"}}), report));
  EXPECT_EQ(report, "");
}

TEST(CheckOutput, ForeignFilesAreIgnored) {
  TempFolder temp;
  temp.write("mine.txt", "x\n");
  OutputSet output = make_output({{"a.tf", "a\n"}});
  Diagnostics diagnostics;
  ASSERT_TRUE(write_output(temp.str(), output, diagnostics));
  std::string report;
  EXPECT_TRUE(check_output(temp.str(), output, report));
}

TEST(CheckOutput, InvalidOwnershipFileIsReported) {
  TempFolder temp;
  temp.write("a.tf", "a\n");
  temp.write(".infragen-files.json", "not json");
  std::string report;
  EXPECT_FALSE(check_output(temp.str(), make_output({{"a.tf", "a\n"}}), report));
  EXPECT_EQ(report, "invalid ownership file: .infragen-files.json: not a JSON object\n");
}

}  // namespace
}  // namespace infragen
