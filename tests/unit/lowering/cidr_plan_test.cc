#include "lowering/cidr_plan.h"

#include <gtest/gtest.h>

#include <set>

namespace infragen {
namespace {

TEST(CidrPlan, ParsesAndPrints) {
  auto cidr = parse_ipv4_cidr("10.20.0.0/16");
  ASSERT_TRUE(cidr);
  EXPECT_EQ(cidr->prefix, 16);
  EXPECT_EQ(cidr->text(), "10.20.0.0/16");
  EXPECT_FALSE(parse_ipv4_cidr("10.20.0.1/16")) << "host bits set";
  EXPECT_FALSE(parse_ipv4_cidr("10.20.0/16"));
  EXPECT_FALSE(parse_ipv4_cidr("10.20.0.256/24"));
  EXPECT_FALSE(parse_ipv4_cidr("10.20.0.0"));
  EXPECT_FALSE(parse_ipv4_cidr("10.20.0.0/33"));
  EXPECT_FALSE(parse_ipv4_cidr("10..0.0/16"));
}

TEST(CidrPlan, SubnetOfMatchesTerraformCidrsubnet) {
  auto vpc = *parse_ipv4_cidr("10.20.0.0/16");
  EXPECT_EQ(subnet_of(vpc, 4, 0).text(), "10.20.0.0/20");
  EXPECT_EQ(subnet_of(vpc, 4, 1).text(), "10.20.16.0/20");
  EXPECT_EQ(subnet_of(vpc, 4, 8).text(), "10.20.128.0/20");
  EXPECT_EQ(subnet_of(vpc, 8, 255).text(), "10.20.255.0/24");
}

TEST(CidrPlan, TwoZonesOfASlash16) {
  auto plan = plan_subnets(*parse_ipv4_cidr("10.20.0.0/16"), 2);
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->public_subnets, (std::vector<std::string>{"10.20.0.0/20", "10.20.16.0/20"}));
  EXPECT_EQ(plan->private_subnets, (std::vector<std::string>{"10.20.128.0/20", "10.20.144.0/20"}));
}

TEST(CidrPlan, OneToSixZonesNeverOverlapAndStayInsideTheVpc) {
  for (const char* vpc_text : {"10.0.0.0/16", "172.16.0.0/20", "192.168.4.0/22", "10.1.2.0/24"}) {
    auto vpc = *parse_ipv4_cidr(vpc_text);
    for (int zones = 1; zones <= 6; ++zones) {
      auto plan = plan_subnets(vpc, zones);
      ASSERT_TRUE(plan) << vpc_text << " zones " << zones;
      ASSERT_EQ(plan->public_subnets.size(), static_cast<size_t>(zones));
      ASSERT_EQ(plan->private_subnets.size(), static_cast<size_t>(zones));
      std::set<uint32_t> starts;
      for (const auto& list : {plan->public_subnets, plan->private_subnets}) {
        for (const auto& text : list) {
          auto subnet = parse_ipv4_cidr(text);
          ASSERT_TRUE(subnet) << text;
          EXPECT_EQ(subnet->prefix, vpc.prefix + 4);
          uint32_t vpc_mask = 0xffffffffu << (32 - vpc.prefix);
          EXPECT_EQ(subnet->address & vpc_mask, vpc.address) << text << " outside " << vpc_text;
          EXPECT_TRUE(starts.insert(subnet->address).second) << text << " overlaps";
        }
      }
    }
  }
}

TEST(CidrPlan, AddingAZoneKeepsExistingSubnets) {
  auto vpc = *parse_ipv4_cidr("10.30.0.0/16");
  auto two = *plan_subnets(vpc, 2);
  auto three = *plan_subnets(vpc, 3);
  EXPECT_EQ(three.public_subnets[0], two.public_subnets[0]);
  EXPECT_EQ(three.public_subnets[1], two.public_subnets[1]);
  EXPECT_EQ(three.private_subnets[1], two.private_subnets[1]);
  EXPECT_EQ(three.private_subnets[2], "10.30.160.0/20");
}

TEST(CidrPlan, SixZonesOfASlash24UseTheSmallestSubnets) {
  auto plan = *plan_subnets(*parse_ipv4_cidr("10.1.2.0/24"), 6);
  EXPECT_EQ(plan.public_subnets[5], "10.1.2.80/28");
  EXPECT_EQ(plan.private_subnets[5], "10.1.2.208/28");
}

TEST(CidrPlan, RejectsImpossiblePlans) {
  EXPECT_FALSE(plan_subnets(*parse_ipv4_cidr("10.0.0.0/16"), 0));
  EXPECT_FALSE(plan_subnets(*parse_ipv4_cidr("10.0.0.0/16"), 7));
  EXPECT_FALSE(plan_subnets(*parse_ipv4_cidr("10.0.0.0/25"), 1)) << "subnets would be /29";
}

}  // namespace
}  // namespace infragen
