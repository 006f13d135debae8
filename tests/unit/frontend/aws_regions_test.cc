// The region table: every entry is found by its name (the binary search needs name order).
#include "frontend/aws_regions.h"

#include <gtest/gtest.h>

namespace infragen {
namespace {

TEST(AwsRegions, EveryRegionIsFoundByName) {
  const std::vector<std::string> names = aws_region_names();
  ASSERT_GT(names.size(), 30u);
  for (std::size_t i = 0; i < names.size(); ++i) {
    const AwsRegion* region = find_aws_region(names[i]);
    ASSERT_NE(region, nullptr) << names[i];
    EXPECT_EQ(region->name, names[i]);
    EXPECT_GE(region->zones, 2) << names[i];
    if (i > 0) {
      EXPECT_LT(names[i - 1], names[i]) << "the table must stay in name order";
    }
  }
}

TEST(AwsRegions, ZonesANewAccountSees) {
  EXPECT_EQ(find_aws_region("us-east-1")->zones, 6);
  EXPECT_EQ(find_aws_region("us-west-1")->zones, 2);
  EXPECT_EQ(find_aws_region("ap-northeast-1")->zones, 3);
  EXPECT_FALSE(find_aws_region("eu-west-1")->opt_in);
  EXPECT_TRUE(find_aws_region("af-south-1")->opt_in);
  EXPECT_EQ(find_aws_region("eu-west-9"), nullptr);
  EXPECT_EQ(find_aws_region(""), nullptr);
}

}  // namespace
}  // namespace infragen
