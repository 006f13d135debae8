#include "frontend/pattern_explainer.h"

#include <gtest/gtest.h>

namespace infragen {
namespace {

TEST(PatternExplainer, HeadAndBody) {
  EXPECT_EQ(explain_pattern("^[a-z][a-z0-9-]{1,24}$"),
            "consist of lower-case letters, digits and '-', start with a letter and be 2-25 "
            "characters long");
  EXPECT_EQ(explain_pattern("^[A-Za-z_][A-Za-z0-9_]*$"),
            "consist of letters, digits and '_' and start with a letter or '_'");
  EXPECT_EQ(explain_pattern("^[a-z][a-z0-9]{0,9}$"),
            "consist of lower-case letters and digits, start with a letter and be 1-10 characters "
            "long");
}

TEST(PatternExplainer, BodyOnlyAndPrefix) {
  EXPECT_EQ(explain_pattern("^[A-Za-z0-9 _.-]+$"),
            "consist of letters, digits, spaces, '-', '.' and '_'");
  EXPECT_EQ(explain_pattern("^[0-9]{4}$"), "consist of digits and be exactly 4 characters long");
  EXPECT_EQ(explain_pattern("^/"), "start with '/'");
  EXPECT_EQ(explain_pattern("^/[a-z]*$"), "consist of lower-case letters and start with '/'");
}

TEST(PatternExplainer, GivesUpOnAnythingElse) {
  EXPECT_EQ(explain_pattern("^[a-f0-9]+$"), std::nullopt);  // part of a range
  EXPECT_EQ(explain_pattern("^(small|large)$"), std::nullopt);
  EXPECT_EQ(explain_pattern("[a-z]+"), std::nullopt);  // not anchored
  EXPECT_EQ(explain_pattern("^[^@]+@[^@]+$"), std::nullopt);
  EXPECT_EQ(explain_pattern("^[a-z]{2}-[a-z]+-[0-9]$"), std::nullopt);
}

TEST(PatternExplainer, SaysWhyAValueFails) {
  const std::string name = "^[a-z][a-z0-9-]{1,24}$";
  EXPECT_EQ(explain_pattern_mismatch(name, "Voting"), "'Voting' starts with 'V'");
  EXPECT_EQ(explain_pattern_mismatch(name, "vo_te"), "'vo_te' contains '_'");
  EXPECT_EQ(explain_pattern_mismatch(name, "v"), "'v' is 1 character long");
  EXPECT_EQ(explain_pattern_mismatch(name, std::string(26, 'a')),
            "'" + std::string(26, 'a') + "' is 26 characters long");
  EXPECT_EQ(explain_pattern_mismatch(name, "fine"), std::nullopt);
  EXPECT_EQ(explain_pattern_mismatch("^(a|b)$", "c"), std::nullopt);
}

// Resource names follow DNS label rules: a letter first, no '-' last, 1-63 characters.
TEST(PatternExplainer, DnsLabel) {
  const std::string label = "^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$";
  EXPECT_EQ(explain_pattern(label),
            "consist of lower-case letters, digits and '-', start with a letter, end with a "
            "letter or a digit and be 1-63 characters long");
  EXPECT_EQ(explain_pattern_mismatch(label, "api-"), "'api-' ends with '-'");
  EXPECT_EQ(explain_pattern_mismatch(label, "Api"), "'Api' starts with 'A'");
  EXPECT_EQ(explain_pattern_mismatch(label, "a_b"), "'a_b' contains '_'");
  EXPECT_EQ(explain_pattern_mismatch(label, std::string(64, 'a')),
            "'" + std::string(64, 'a') + "' is 64 characters long");
  EXPECT_EQ(explain_pattern_mismatch(label, "a"), std::nullopt);
  EXPECT_EQ(explain_pattern_mismatch(label, std::string(63, 'a')), std::nullopt);
  // Other groups are not understood.
  EXPECT_EQ(explain_pattern("^[a-z]([a-z0-9-]{0,61})?$"), std::nullopt);
  EXPECT_EQ(explain_pattern("^([a-z])?$"), std::nullopt);
}

TEST(PatternExplainer, LiteralAlternatives) {
  EXPECT_EQ(pattern_literal_alternatives("^(small|medium|large|db\\.[a-z0-9]+\\.[a-z0-9]+)$"),
            (std::vector<std::string>{"small", "medium", "large"}));
  // Words inside a nested group are not alternatives of the whole value.
  EXPECT_EQ(pattern_literal_alternatives("^(cron\\(.+\\)|rate\\(1 (minute|hour)\\)|never)$"),
            (std::vector<std::string>{"never"}));
  EXPECT_TRUE(pattern_literal_alternatives("^[a-z]+$").empty());
}

}  // namespace
}  // namespace infragen
