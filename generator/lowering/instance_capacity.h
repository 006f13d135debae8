// Instance capacity (pack section `instance_capacity`): the EC2 groups workloads run on, their
// instance types and counts per environment, derived from the workloads where not written.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "frontend/instance_types.h"
#include "lowering/lowering_context.h"

namespace infragen {

// The group that runs the workloads no `instances.groups` entry lists (services) and every job.
inline constexpr const char* kDefaultCapacityGroup = "main";

// One group's structure, the same in every environment.
struct CapacityGroup {
  std::string name;                   // the manifest's group name, or "main"
  std::string resource;               // Terraform identifier: "main", "front_end"
  std::vector<std::string> services;  // in name order
  std::vector<std::string> jobs;      // in name order
};

// The types a group of instances gets when the manifest names none, smallest first.
const std::vector<std::string>& default_instance_types();

// The capacity settings of group `group` (a group's own, else `instances`; defaults without).
const InstanceCapacity& capacity_of(const AppModel& model, const std::string& group);

// "arm64" for a type that runs only arm64 (Graviton), else "x86_64".
std::string architecture_of(const InstanceType& type);

// The groups of `model`: those of `instances.groups` that run something, then "main" for the
// rest (when anything is left), in name order.
std::vector<CapacityGroup> capacity_groups(const AppModel& model);

// The name of the group that runs service or job `workload` (a name, not a label).
std::string capacity_group_of(const std::vector<CapacityGroup>& groups, const std::string& workload,
                              bool job);

// view["capacity"]: {groups: [{name, resource, id, services, jobs, ...}], has_groups}, and
// checks that every environment has the same groups, with an instance type that fits its tasks.
nlohmann::json lower_capacity(const LoweringContext& context);

// environments[i]["capacity"]: per group {name, resource, type, min, max, spot, disk,
// architecture, tasks_per_instance}.
nlohmann::json capacity_values(const LoweringContext& context, const AppModel& model);

}  // namespace infragen
