#include "frontend/region_check.h"

#include <fmt/format.h>

#include "diagnostics/suggest.h"
#include "frontend/aws_regions.h"

namespace infragen {
namespace {

using json = nlohmann::json;

void check_zones(const SemanticInput& input, const AwsRegion& region) {
  const json& network = input.effective.value("network", json::object());
  if (!network.is_object()) return;
  if (network.contains("existing") && !network["existing"].is_null()) return;
  auto zones = network.find("zones");
  if (zones == network.end() || !zones->is_number_integer()) return;
  const long wanted = zones->get<long>();
  if (wanted <= region.zones) return;
  const bool written = input.written.value_locations.count("/network/zones") > 0;
  input.diagnostics.error(
      input.written.locate(written ? "/network/zones" : "/region"),
      fmt::format("'network.zones' is {}, but {} has {} availability zones", wanted, region.name,
                  region.zones),
      fmt::format("a new AWS account sees {} zones in {}; use 'zones: {}' or fewer", region.zones,
                  region.name, region.zones));
}

// The region named at `pointer` (a string), or null when the table does not know it: an error
// when a known region is close (a typo), else a warning.
const AwsRegion* known_region(const SemanticInput& input, const std::string& pointer,
                              const std::string& name) {
  const AwsRegion* region = find_aws_region(name);
  if (region) return region;
  // Region names share most of their letters, so only two edits or fewer make a typo.
  const std::optional<std::string> close = closest_name(name, aws_region_names());
  if (close && edit_distance(name, *close) <= 2) {
    input.diagnostics.error(input.written.locate(pointer), "unknown AWS region '" + name + "'",
                            did_you_mean(name, {*close}));
  } else {
    input.diagnostics.warning(input.written.locate(pointer),
                              "region '" + name + "' is not in infragen's table of AWS regions",
                              "its availability zones are not checked against 'network.zones'");
  }
  return nullptr;
}

}  // namespace

void check_region(const SemanticInput& input) {
  const json& state = input.effective.value("state", json::object());
  if (state.is_object() && state.contains("region") && state["region"].is_string()) {
    known_region(input, "/state/region", state["region"].get<std::string>());
  }
  auto found = input.effective.find("region");
  if (found == input.effective.end() || !found->is_string()) return;
  const std::string name = found->get<std::string>();
  const AwsRegion* region = known_region(input, "/region", name);
  if (!region) return;
  if (region->opt_in) {
    input.diagnostics.warning(
        input.written.locate("/region"), "region '" + name + "' is an opt-in region",
        "a new AWS account must enable it (Account settings, AWS Regions) before deploying");
  }
  check_zones(input, *region);
}

}  // namespace infragen
