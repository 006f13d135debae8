#include "output/unified_diff.h"

#include <gtest/gtest.h>

#include <random>

namespace infragen {
namespace {

std::string numbered_lines(int from, int to) {
  std::string text;
  for (int i = from; i <= to; ++i) text += std::to_string(i) + "\n";
  return text;
}

TEST(UnifiedDiff, EqualTextsGiveNothing) {
  EXPECT_EQ(unified_diff("a\nb\n", "a\nb\n", "a/x", "b/x"), "");
}

// The expected texts below are what GNU `diff -u` prints for the same inputs.
TEST(UnifiedDiff, SeparateHunksWithThreeLinesOfContext) {
  std::string old_text = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\n";
  std::string new_text = "a\nb\nC\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\no\n";
  EXPECT_EQ(unified_diff(old_text, new_text, "a/f.tf", "b/f.tf"),
            "--- a/f.tf\n+++ b/f.tf\n"
            "@@ -1,6 +1,6 @@\n a\n b\n-c\n+C\n d\n e\n f\n"
            "@@ -12,3 +12,4 @@\n l\n m\n n\n+o\n");
}

TEST(UnifiedDiff, ChangesSixLinesApartShareAHunkSevenDoNot) {
  std::string old_text = numbered_lines(1, 20);
  std::string new_text = "1\n2\nthree\n4\n5\n6\n7\n8\n9\nten\n11\n12\n13\n14\n15\n16\n17\n19\n20\n";
  EXPECT_EQ(unified_diff(old_text, new_text, "a/n", "b/n"),
            "--- a/n\n+++ b/n\n"
            "@@ -1,13 +1,13 @@\n 1\n 2\n-3\n+three\n 4\n 5\n 6\n 7\n 8\n 9\n-10\n+ten\n 11\n 12\n"
            " 13\n"
            "@@ -15,6 +15,5 @@\n 15\n 16\n 17\n-18\n 19\n 20\n");
}

TEST(UnifiedDiff, SingleLineRangesOmitTheCount) {
  EXPECT_EQ(unified_diff("x\n", "y\n", "a/f", "b/f"), "--- a/f\n+++ b/f\n@@ -1 +1 @@\n-x\n+y\n");
}

TEST(UnifiedDiff, MissingFinalNewlineIsMarked) {
  EXPECT_EQ(unified_diff("one\ntwo", "one\ntwo\n", "a/f", "b/f"),
            "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n one\n-two\n\\ No newline at end of file\n+two\n");
}

TEST(UnifiedDiff, NewFileFromDevNull) {
  EXPECT_EQ(unified_diff("", "a\nb\n", "/dev/null", "b/new.tf"),
            "--- /dev/null\n+++ b/new.tf\n@@ -0,0 +1,2 @@\n+a\n+b\n");
}

TEST(UnifiedDiff, EverythingRemoved) {
  EXPECT_EQ(unified_diff("a\nb\n", "", "a/f", "b/f"),
            "--- a/f\n+++ b/f\n@@ -1,2 +0,0 @@\n-a\n-b\n");
}

// Applies an edit script to old lines; must give the new lines.
std::vector<std::string_view> apply(const std::vector<LineEdit>& edits,
                                    const std::vector<std::string_view>& old_lines,
                                    const std::vector<std::string_view>& new_lines) {
  std::vector<std::string_view> result;
  int expected_old = 0;
  for (const LineEdit& edit : edits) {
    if (edit.kind != LineEdit::Kind::insert) {
      EXPECT_EQ(edit.old_index, expected_old++);
    }
    if (edit.kind == LineEdit::Kind::keep) {
      EXPECT_EQ(old_lines[edit.old_index], new_lines[edit.new_index]);
      result.push_back(old_lines[edit.old_index]);
    } else if (edit.kind == LineEdit::Kind::insert) {
      result.push_back(new_lines[edit.new_index]);
    }
  }
  EXPECT_EQ(expected_old, static_cast<int>(old_lines.size()));
  return result;
}

int longest_common_subsequence(const std::vector<std::string_view>& a,
                               const std::vector<std::string_view>& b) {
  std::vector<std::vector<int>> table(a.size() + 1, std::vector<int>(b.size() + 1, 0));
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      table[i][j] = a[i - 1] == b[j - 1] ? table[i - 1][j - 1] + 1
                                         : std::max(table[i - 1][j], table[i][j - 1]);
    }
  }
  return table[a.size()][b.size()];
}

TEST(DiffLines, RandomInputsGiveCorrectShortestScripts) {
  std::mt19937 random(12345);
  for (int round = 0; round < 500; ++round) {
    auto make = [&](int length) {
      std::string text;
      for (int i = 0; i < length; ++i) text += std::string(1, "abcd"[random() % 4]) + "\n";
      return text;
    };
    std::string old_text = make(static_cast<int>(random() % 30));
    std::string new_text = make(static_cast<int>(random() % 30));
    auto old_lines = split_lines_keeping_ends(old_text);
    auto new_lines = split_lines_keeping_ends(new_text);
    std::vector<LineEdit> edits = diff_lines(old_lines, new_lines);
    EXPECT_EQ(apply(edits, old_lines, new_lines), new_lines);
    int kept = 0;
    for (const LineEdit& edit : edits) kept += edit.kind == LineEdit::Kind::keep ? 1 : 0;
    EXPECT_EQ(kept, longest_common_subsequence(old_lines, new_lines)) << old_text << "--\n"
                                                                      << new_text;
  }
}

TEST(DiffLines, LargeDissimilarInputsFinish) {
  std::string old_text, new_text;
  for (int i = 0; i < 3000; ++i) {
    old_text += "old " + std::to_string(i) + "\n";
    new_text += "new " + std::to_string(i) + "\n";
  }
  auto edits = diff_lines(split_lines_keeping_ends(old_text), split_lines_keeping_ends(new_text));
  EXPECT_EQ(edits.size(), 6000u);
}

}  // namespace
}  // namespace infragen
