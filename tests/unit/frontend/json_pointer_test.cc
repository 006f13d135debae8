#include "frontend/json_pointer.h"

#include <gtest/gtest.h>

namespace infragen {
namespace {

TEST(JsonPointer, EscapesTildeAndSlash) {
  EXPECT_EQ(escape_pointer_token("a/b~c"), "a~1b~0c");
  EXPECT_EQ(unescape_pointer_token("a~1b~0c"), "a/b~c");
  // "~01" is an escaped '~' followed by '1', not a '/'.
  EXPECT_EQ(unescape_pointer_token("~01"), "~1");
  EXPECT_EQ(child_pointer("/tags", "x/y"), "/tags/x~1y");
  EXPECT_EQ(child_pointer("/list", size_t{3}), "/list/3");
}

TEST(JsonPointer, SplitsAndWalksUp) {
  EXPECT_EQ(split_pointer(""), std::vector<std::string>{});
  EXPECT_EQ(split_pointer("/services/vote/port"),
            (std::vector<std::string>{"services", "vote", "port"}));
  EXPECT_EQ(split_pointer("/tags/a~1b/"), (std::vector<std::string>{"tags", "a/b", ""}));
  EXPECT_EQ(parent_pointer("/services/vote"), "/services");
  EXPECT_EQ(parent_pointer("/services"), "");
  EXPECT_EQ(parent_pointer(""), "");
  EXPECT_EQ(last_pointer_token("/tags/a~1b"), "a/b");
  EXPECT_EQ(last_pointer_token(""), "");
}

TEST(JsonPointer, Within) {
  EXPECT_TRUE(pointer_within("/services/vote", "/services"));
  EXPECT_TRUE(pointer_within("/services", "/services"));
  EXPECT_TRUE(pointer_within("/services", ""));
  EXPECT_FALSE(pointer_within("/servicesx", "/services"));
  EXPECT_FALSE(pointer_within("/services", "/services/vote"));
}

}  // namespace
}  // namespace infragen
