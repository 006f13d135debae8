#include "lowering/event_filters.h"

#include <gtest/gtest.h>

namespace infragen {
namespace {

TEST(EventFilters, PrefixSuffixOrBoth) {
  EXPECT_TRUE(object_key_filter("", "").is_null());
  EXPECT_EQ(object_key_filter("incoming/", ""),
            (nlohmann::json{{"kind", "prefix"}, {"value", "incoming/"}}));
  EXPECT_EQ(object_key_filter("", ".csv"), (nlohmann::json{{"kind", "suffix"}, {"value", ".csv"}}));
  EXPECT_EQ(object_key_filter("in/", ".csv.gz"),
            (nlohmann::json{{"kind", "wildcard"}, {"value", "in/*.csv.gz"}}));
}

TEST(EventFilters, WildcardEscapesLiteralStars) {
  EXPECT_EQ(object_key_filter("a*b/", ".x\\y")["value"], "a\\*b/*.x\\\\y");
}

}  // namespace
}  // namespace infragen
