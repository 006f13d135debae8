// Lowering's work grows linearly with the services: the view model (names, rules, references,
// logical ids, CloudFormation parameters) of 4N services is at most 4.5 times that of N. Sizes,
// not times, so the guard is exact on any machine (bench/run.sh measures the time).
#include <gtest/gtest.h>

#include <string>

#include "../growth_manifest.h"
#include "lowering_fixture.h"

namespace infragen {
namespace {

using testing::growth_manifest;
using testing::lower_yaml;
using testing::target_spec_from_pack;

size_t view_size(int services, const std::string& target) {
  auto lowered = lower_yaml(growth_manifest(services), target_spec_from_pack(target));
  EXPECT_TRUE(lowered.ok()) << lowered.messages;
  return lowered.ok() ? lowered.view.dump().size() : 0;
}

TEST(Scaling, TheViewModelGrowsLinearlyWithTheServices) {
  for (const char* target : {"ecs-fargate", "ecs-ec2"}) {
    const size_t small = view_size(10, target);
    const size_t large = view_size(40, target);
    ASSERT_GT(small, 0u);
    const double ratio = static_cast<double>(large) / static_cast<double>(small);
    EXPECT_LE(ratio, 4.5) << target << ": view of 40 services is " << large << " bytes, of 10 "
                          << small;
    EXPECT_GE(ratio, 2.0) << target << ": the view does not grow with the services";
  }
}

}  // namespace
}  // namespace infragen
