#include "frontend/instance_check.h"

#include <algorithm>
#include <map>
#include <optional>

#include "frontend/json_pointer.h"
#include "frontend/source_order.h"

namespace infragen {
namespace {

using json = nlohmann::json;

std::optional<long> count_of(const json& capacity, const char* field) {
  auto found = capacity.find(field);
  if (found == capacity.end() || !found->is_number_integer()) return std::nullopt;
  return found->get<long>();
}

// `min` above `max`, reported at the `min` written at `pointer` (or at its `max` when `min` comes
// from `instances`); a count written nowhere is derived by the target and never too small.
void check_counts(const SemanticInput& input, const std::string& pointer, const std::string& what,
                  std::optional<long> min, std::optional<long> max) {
  if (!min || !max || *min <= *max) return;
  const bool min_here = input.written.value_locations.count(pointer + "/min") > 0;
  const bool max_here = input.written.value_locations.count(pointer + "/max") > 0;
  const std::string at = min_here ? pointer + "/min" : max_here ? pointer + "/max" : pointer;
  input.diagnostics.error(input.written.locate(at), what + " has 'min' " + std::to_string(*min) +
                                                        " above 'max' " + std::to_string(*max));
}

}  // namespace

void check_instances(const SemanticInput& input) {
  auto instances = input.effective.find("instances");
  if (instances == input.effective.end() || !instances->is_object()) return;
  const std::optional<long> min = count_of(*instances, "min");
  const std::optional<long> max = count_of(*instances, "max");
  check_counts(input, "/instances", "'instances'", min, max);
  auto groups = instances->find("groups");
  if (groups == instances->end() || !groups->is_object()) return;
  const std::vector<std::string> services = entry_names(input, "services");
  std::map<std::string, std::string> group_of;  // service -> the first group that lists it
  for (const auto& group : keys_in_source_order(input.written, "/instances/groups", *groups)) {
    const json& entry = (*groups)[group];
    const std::string pointer = "/instances/groups/" + escape_pointer_token(group);
    // Counts both taken from `instances` are checked there.
    const std::optional<long> group_min = count_of(entry, "min");
    const std::optional<long> group_max = count_of(entry, "max");
    if (group_min || group_max) {
      check_counts(input, pointer, "instance group '" + group + "'", group_min ? group_min : min,
                   group_max ? group_max : max);
    }
    auto listed = entry.find("services");
    if (listed == entry.end() || !listed->is_array()) continue;
    for (size_t index = 0; index < listed->size(); ++index) {
      if (!(*listed)[index].is_string()) continue;
      const std::string service = (*listed)[index].get<std::string>();
      const SourceLocation where =
          input.written.locate(child_pointer(pointer + "/services", index));
      if (std::find(services.begin(), services.end(), service) == services.end()) {
        input.diagnostics.error(
            where, "unknown service '" + service + "' in instance group '" + group + "'",
            name_hint(service, services, "services"));
      } else if (auto [it, added] = group_of.emplace(service, group); !added) {
        input.diagnostics.error(where,
                                "service '" + service + "' is in instance groups '" + it->second +
                                    "' and '" + group + "'",
                                "a service runs on the instances of one group");
      }
    }
  }
}

}  // namespace infragen
