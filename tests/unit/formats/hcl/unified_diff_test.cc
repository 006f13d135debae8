// Unified diff: GNU diff -u compatible hunks, and Myers' algorithm finds shortest scripts.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "formats/hcl/unified_diff.h"

namespace infragen::hcl {
namespace {

// Hunks as `diff -u` prints them (checked against GNU diff 3.8).
TEST(UnifiedDiff, MatchesGnuDiffOutput) {
  EXPECT_EQ(unified_diff("a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n",
                         "a\nb\nc\nD\ne\nf\ng\nh\ni\nj\nk\nL\nm\nn", "old", "new"),
            "--- old\n+++ new\n"
            "@@ -1,7 +1,7 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n"
            "@@ -9,5 +9,6 @@\n i\n j\n k\n-l\n+L\n m\n+n\n\\ No newline at end of file\n");
  EXPECT_EQ(unified_diff("x\n", "y\nx\n", "a", "b"), "--- a\n+++ b\n@@ -1 +1,2 @@\n+y\n x\n");
  EXPECT_EQ(unified_diff("", "new\n", "a", "b"), "--- a\n+++ b\n@@ -0,0 +1 @@\n+new\n");
  EXPECT_EQ(unified_diff("a\nb\nc\nd\ne\nf\ng\nh\n", "a\nb\nc\nd\ne\nf\ng\n", "a", "b"),
            "--- a\n+++ b\n@@ -5,4 +5,3 @@\n e\n f\n g\n-h\n");
}

TEST(UnifiedDiff, EqualTextsHaveNoDiff) {
  EXPECT_EQ(unified_diff("", "", "a", "b"), "");
  EXPECT_EQ(unified_diff("same\n", "same\n", "a", "b"), "");
}

TEST(UnifiedDiff, ChangesCloseTogetherShareAHunk) {
  // Six unchanged lines between two changes: still one hunk with context 3.
  std::string diff = unified_diff("1\n2\n3\n4\n5\n6\n7\n8\n", "X\n2\n3\n4\n5\n6\n7\nY\n", "a", "b");
  EXPECT_EQ(diff, "--- a\n+++ b\n@@ -1,8 +1,8 @@\n-1\n+X\n 2\n 3\n 4\n 5\n 6\n 7\n-8\n+Y\n");
}

TEST(UnifiedDiff, LineEndingChangesAreVisible) {
  EXPECT_EQ(unified_diff("a\r\n", "a\n", "a", "b"), "--- a\n+++ b\n@@ -1 +1 @@\n-a\r\n+a\n");
  EXPECT_EQ(unified_diff("a", "a\n", "a", "b"),
            "--- a\n+++ b\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+a\n");
}

// Longest common subsequence length by dynamic programming, to check that Myers' script
// is a shortest one.
std::size_t lcs_length(const std::vector<std::string_view>& a,
                       const std::vector<std::string_view>& b) {
  std::vector<std::vector<std::size_t>> table(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      table[i][j] = a[i - 1] == b[j - 1] ? table[i - 1][j - 1] + 1
                                         : std::max(table[i - 1][j], table[i][j - 1]);
    }
  }
  return table[a.size()][b.size()];
}

TEST(UnifiedDiff, EditScriptsAreShortestAndRebuildTheNewText) {
  std::mt19937 random(1234);
  for (int round = 0; round < 300; ++round) {
    auto random_text = [&] {
      std::string text;
      int lines = static_cast<int>(random() % 30);
      for (int i = 0; i < lines; ++i)
        text += std::string(1, static_cast<char>('a' + random() % 4)) + "\n";
      return text;
    };
    std::string old_text = random_text();
    std::string new_text = random_text();
    auto old_lines = split_lines_keep_ends(old_text);
    auto new_lines = split_lines_keep_ends(new_text);
    std::vector<DiffLine> script = diff_lines(old_lines, new_lines);
    std::string rebuilt;
    std::size_t edits = 0;
    int next_old = 0;
    for (const DiffLine& step : script) {
      if (step.kind != DiffLine::Kind::insert) {
        ASSERT_EQ(step.old_index, next_old++) << "old lines must be visited in order";
      }
      if (step.kind == DiffLine::Kind::keep) {
        ASSERT_EQ(old_lines[step.old_index], new_lines[step.new_index]);
        rebuilt += new_lines[step.new_index];
      } else if (step.kind == DiffLine::Kind::insert) {
        rebuilt += new_lines[step.new_index];
        ++edits;
      } else {
        ++edits;
      }
    }
    EXPECT_EQ(next_old, static_cast<int>(old_lines.size()));
    EXPECT_EQ(rebuilt, new_text);
    EXPECT_EQ(edits, old_lines.size() + new_lines.size() - 2 * lcs_length(old_lines, new_lines))
        << "not a shortest edit script for\n"
        << old_text << "---\n"
        << new_text;
  }
}

TEST(UnifiedDiff, LargeInputsStayFast) {
  std::string old_text, new_text;
  for (int i = 0; i < 200000; ++i) {
    old_text += "line " + std::to_string(i) + "\n";
    new_text += (i % 1000 == 0 ? "changed " : "line ") + std::to_string(i) + "\n";
  }
  std::string diff = unified_diff(old_text, new_text, "a", "b");
  EXPECT_NE(diff.find("\n-line 199000\n+changed 199000\n"), std::string::npos);
  EXPECT_NE(diff.find("@@ -198998,7 +198998,7 @@\n"), std::string::npos);
}

}  // namespace
}  // namespace infragen::hcl
