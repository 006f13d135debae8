#include "frontend/aws_regions.h"

#include <algorithm>
#include <iterator>

namespace infragen {
namespace {

// From AWS's "Regions and Zones" documentation and DescribeAvailabilityZones in a new account
// (December 2026), in name order for the binary search. A region missing here is warned about,
// not refused: AWS opens new regions faster than a release of infragen.
constexpr AwsRegion kRegions[] = {
    {"af-south-1", 3, true},      {"ap-east-1", 3, true},       {"ap-east-2", 3, true},
    {"ap-northeast-1", 3, false}, {"ap-northeast-2", 4, false}, {"ap-northeast-3", 3, false},
    {"ap-south-1", 3, false},     {"ap-south-2", 3, true},      {"ap-southeast-1", 3, false},
    {"ap-southeast-2", 3, false}, {"ap-southeast-3", 3, true},  {"ap-southeast-4", 3, true},
    {"ap-southeast-5", 3, true},  {"ap-southeast-6", 3, true},  {"ap-southeast-7", 3, true},
    {"ca-central-1", 3, false},   {"ca-west-1", 3, true},       {"cn-north-1", 3, false},
    {"cn-northwest-1", 3, false}, {"eu-central-1", 3, false},   {"eu-central-2", 3, true},
    {"eu-north-1", 3, false},     {"eu-south-1", 3, true},      {"eu-south-2", 3, true},
    {"eu-west-1", 3, false},      {"eu-west-2", 3, false},      {"eu-west-3", 3, false},
    {"il-central-1", 3, true},    {"me-central-1", 3, true},    {"me-south-1", 3, true},
    {"mx-central-1", 3, true},    {"sa-east-1", 3, false},      {"us-east-1", 6, false},
    {"us-east-2", 3, false},      {"us-gov-east-1", 3, false},  {"us-gov-west-1", 3, false},
    {"us-west-1", 2, false},      {"us-west-2", 4, false},
};

}  // namespace

const AwsRegion* find_aws_region(std::string_view name) {
  auto it = std::lower_bound(
      std::begin(kRegions), std::end(kRegions), name,
      [](const AwsRegion& region, std::string_view key) { return region.name < key; });
  return it != std::end(kRegions) && it->name == name ? &*it : nullptr;
}

std::vector<std::string> aws_region_names() {
  std::vector<std::string> names;
  for (const AwsRegion& region : kRegions) names.emplace_back(region.name);
  return names;
}

}  // namespace infragen
