// The AWS regions infragen knows: their availability zones and whether an account must opt in.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace infragen {

struct AwsRegion {
  std::string_view name;
  // Availability zones that DescribeAvailabilityZones lists for a new account (some regions
  // have more, which older accounts alone can use: us-west-1, ap-northeast-1).
  int zones;
  // Disabled in a new account until its owner enables it (Regions launched after March 2019).
  bool opt_in;
};

// The region named `name`, or null when the table does not know it.
const AwsRegion* find_aws_region(std::string_view name);

// Every region's name, in the table's order (for "did you mean").
std::vector<std::string> aws_region_names();

}  // namespace infragen
