#include "frontend/instance_types.h"

#include <gtest/gtest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

namespace infragen {

const std::string& instance_types_text();

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

// find_instance_type reads one line of the table; it must agree with a reading of the whole.
TEST(InstanceTypes, EveryEntryReadAloneMatchesTheWholeTable) {
  const nlohmann::json whole = nlohmann::json::parse(instance_types_text());
  ASSERT_GT(whole.at("types").size(), 1000u);
  for (const auto& [name, entry] : whole.at("types").items()) {
    SCOPED_TRACE(name);
    const InstanceType* type = find_instance_type(name);
    ASSERT_NE(type, nullptr);
    EXPECT_EQ(type->vcpus, entry.at("vcpus").get<int>());
    EXPECT_EQ(type->memory_mib, entry.at("memory_mib").get<int>());
    EXPECT_EQ(type->architectures, entry.at("architectures").get<std::vector<std::string>>());
    EXPECT_EQ(type->gpus, entry.at("gpus").get<int>());
    EXPECT_EQ(type->network_interfaces, entry.at("network_interfaces").get<int>());
    EXPECT_EQ(type->current_generation, entry.at("current_generation").get<bool>());
  }
  EXPECT_EQ(find_instance_type("types"), nullptr);
  EXPECT_EQ(find_instance_type(""), nullptr);
}

}  // namespace
}  // namespace infragen
