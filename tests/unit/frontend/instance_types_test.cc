#include "frontend/instance_types.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace infragen {
namespace {

TEST(InstanceTypes, SizesOfKnownTypes) {
  const InstanceType* medium = find_instance_type("t3.medium");
  ASSERT_NE(medium, nullptr);
  EXPECT_EQ(medium->vcpus, 2);
  EXPECT_EQ(medium->memory_mib, 4096);
  EXPECT_EQ(medium->architectures, std::vector<std::string>{"x86_64"});
  EXPECT_EQ(medium->gpus, 0);
  const InstanceType* graviton = find_instance_type("m7g.large");
  ASSERT_NE(graviton, nullptr);
  EXPECT_EQ(graviton->architectures, std::vector<std::string>{"arm64"});
  const InstanceType* gpu = find_instance_type("g5.xlarge");
  ASSERT_NE(gpu, nullptr);
  EXPECT_EQ(gpu->gpus, 1);
}

TEST(InstanceTypes, UnknownTypeIsNull) { EXPECT_EQ(find_instance_type("t3.mediun"), nullptr); }

TEST(InstanceTypes, NamesAreSortedAndComplete) {
  const auto& names = instance_type_names();
  EXPECT_GT(names.size(), 1000u);
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  for (const auto& name : names) EXPECT_NE(find_instance_type(name), nullptr) << name;
}

}  // namespace
}  // namespace infragen
