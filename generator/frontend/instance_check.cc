#include "frontend/instance_check.h"

#include <algorithm>
#include <map>
#include <optional>

#include "diagnostics/suggest.h"
#include "frontend/instance_types.h"
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

// The instance type at `pointer` + "/type" (a capacity that sets one): a name EC2 knows, and
// large enough for each of `services` (their cpu units and memory). Null when not set or unknown.
const InstanceType* checked_type(const SemanticInput& input, const json& capacity,
                                 const std::string& pointer) {
  auto type = capacity.find("type");
  if (type == capacity.end() || !type->is_string()) return nullptr;
  const std::string name = type->get<std::string>();
  const InstanceType* found = find_instance_type(name);
  if (!found) {
    std::string hint = did_you_mean(name, instance_type_names());
    if (hint.empty()) hint = "EC2 instance types are named family.size, such as t3.medium";
    input.diagnostics.error(input.written.locate(pointer + "/type"),
                            "unknown EC2 instance type '" + name + "'", hint);
  }
  return found;
}

// A service that cannot be placed on one instance of `type` (named `type_name`): an error at the
// service's cpu or memory.
void check_fits(const SemanticInput& input, const std::string& service,
                const std::string& type_name, const InstanceType& type) {
  const json& entry = input.effective.at("services").at(service);
  const std::string pointer = "/services/" + escape_pointer_token(service);
  const long cpu = entry.value("cpu", 256L);
  const long memory = entry.value("memory", 512L);
  const std::string hint =
      "choose a larger `instances.type`, or give the service a group of its own";
  if (cpu > 1024L * type.vcpus) {
    input.diagnostics.error(input.written.locate(pointer + "/cpu"),
                            "service '" + service + "' needs " + std::to_string(cpu) +
                                " CPU units, more than one " + type_name + " has (" +
                                std::to_string(type.vcpus) +
                                " vCPUs = " + std::to_string(1024L * type.vcpus) + " units)",
                            hint);
  }
  const long usable = usable_memory_mib(type);
  if (memory > usable) {
    input.diagnostics.error(input.written.locate(pointer + "/memory"),
                            "service '" + service + "' needs " + std::to_string(memory) +
                                " MiB of memory, more than one " + type_name +
                                " leaves for containers (" + std::to_string(usable) + " of " +
                                std::to_string(type.memory_mib) + " MiB)",
                            hint);
  }
}

// The groups: the services each lists (known, in one group only, recorded in `group_of`), its
// counts over those of `instances`, and its instance type against its services.
void check_groups(const SemanticInput& input, const json& instances,
                  const std::vector<std::string>& services, std::optional<long> min,
                  std::optional<long> max, std::map<std::string, std::string>& group_of) {
  auto groups = instances.find("groups");
  if (groups == instances.end() || !groups->is_object()) return;
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
    // A group without a type of its own runs on the type of `instances`.
    const json& typed = entry.contains("type") ? entry : instances;
    const InstanceType* type =
        entry.contains("type") ? checked_type(input, entry, pointer) : nullptr;
    if (!entry.contains("type") && typed.contains("type") && typed["type"].is_string()) {
      type = find_instance_type(typed["type"].get<std::string>());  // reported at `instances`
    }
    if (!type) continue;
    for (const auto& service : listed->get<std::vector<std::string>>()) {
      if (group_of.count(service) && group_of[service] == group) {
        check_fits(input, service, typed["type"].get<std::string>(), *type);
      }
    }
  }
}

}  // namespace

void check_instances(const SemanticInput& input) {
  auto instances = input.effective.find("instances");
  if (instances == input.effective.end() || !instances->is_object()) return;
  const std::optional<long> min = count_of(*instances, "min");
  const std::optional<long> max = count_of(*instances, "max");
  check_counts(input, "/instances", "'instances'", min, max);
  const std::vector<std::string> services = entry_names(input, "services");
  std::map<std::string, std::string> group_of;  // service -> the first group that lists it
  check_groups(input, *instances, services, min, max, group_of);
  // The services no group lists run on the type of `instances`.
  if (const InstanceType* type = checked_type(input, *instances, "/instances")) {
    for (const auto& service : services) {
      if (!group_of.count(service)) {
        check_fits(input, service, (*instances)["type"].get<std::string>(), *type);
      }
    }
  }
}

}  // namespace infragen
