#include "lowering/instance_capacity.h"

#include <algorithm>
#include <set>

#include "frontend/instance_types.h"
#include "lowering/environment_class.h"
#include "lowering/reference_snippets.h"
#include "lowering/sizing.h"

namespace infragen {

namespace {

// The ECS-optimized Amazon Linux 2023 AMI's snapshot is 30 GiB; a smaller root volume fails.
constexpr int kMinimumRootVolume = 30;

// One task a group must place: its size, the count it runs steadily and at its peak.
struct TaskShape {
  std::string owner;    // "service 'api'", "job 'report'"
  std::string pointer;  // where its size is written
  int cpu = 0;
  int memory = 0;
  int steady = 0;
  int peak = 0;
  bool job = false;  // the front end checks only services against a written type
};

std::vector<TaskShape> tasks_of(const AppModel& model, const CapacityGroup& group) {
  std::vector<TaskShape> tasks;
  for (const auto& name : group.services) {
    const ServiceModel* service = model.find_service(name);
    if (!service) continue;
    TaskShape task{"service '" + name + "'", service->origin.pointer, service->cpu,
                   service->memory,          service->replicas,       service->replicas};
    if (service->autoscale) {
      task.steady = service->autoscale->min;
      task.peak = std::max(service->autoscale->max, service->replicas);
    }
    tasks.push_back(task);
  }
  for (const auto& name : group.jobs) {
    const JobModel* job = model.find_job(name);
    if (!job) continue;
    // A job runs now and then: it needs room at its peak, none steadily.
    tasks.push_back({"job '" + name + "'", job->origin.pointer + "/compute",
                     job_cpu_units(job->compute.vcpus), job->compute.memory, 0, 1, true});
  }
  return tasks;
}

// Tasks of one awsvpc-mode group per instance: each task takes a network interface (the
// instance keeps one), and all of them share its CPU and memory.
int tasks_per_instance(const InstanceType& type, const std::vector<TaskShape>& tasks) {
  int largest_cpu = 1;
  int largest_memory = 1;
  for (const auto& task : tasks) {
    largest_cpu = std::max(largest_cpu, task.cpu);
    largest_memory = std::max(largest_memory, task.memory);
  }
  int fit = std::min({type.network_interfaces - 1, 1024 * type.vcpus / largest_cpu,
                      usable_memory_mib(type) / largest_memory});
  return std::max(1, fit);
}

int divide_up(int total, int per) { return (total + per - 1) / per; }

// The type, written or derived; null (reported) when none fits a task.
const InstanceType* group_type(const LoweringContext& context, const AppModel& model,
                               const InstanceCapacity& capacity, const CapacityGroup& group,
                               const std::vector<TaskShape>& tasks, std::string& name) {
  if (capacity.type) {
    name = *capacity.type;
    const InstanceType* type = find_instance_type(name);
    if (!type) return nullptr;  // reported by the front end
    bool fits = true;
    // Services are checked against a written type by the front end; jobs run here too.
    for (const auto& task : tasks) {
      if (!task.job || task_fits(*type, task.cpu, task.memory)) continue;
      context.diagnostics.error(model.locate(task.pointer),
                                context.target_phrase() + " cannot run " + task.owner + " (" +
                                    std::to_string(task.cpu) + " CPU units, " +
                                    std::to_string(task.memory) + " MiB) on the " + name +
                                    " instances of group '" + group.name + "'",
                                "choose a larger `instances.type`");
      fits = false;
    }
    return fits ? type : nullptr;
  }
  for (const std::string& candidate : default_instance_types()) {
    const InstanceType* type = find_instance_type(candidate);
    if (!type) continue;
    bool fits = std::all_of(tasks.begin(), tasks.end(), [&](const TaskShape& task) {
      return task_fits(*type, task.cpu, task.memory);
    });
    if (fits) {
      name = candidate;
      return type;
    }
  }
  for (const auto& task : tasks) {
    context.diagnostics.error(model.locate(task.pointer),
                              context.target_phrase() + " has no default instance type for " +
                                  task.owner + " (" + std::to_string(task.cpu) + " CPU units, " +
                                  std::to_string(task.memory) + " MiB)",
                              "set `instances.type` to a type large enough for it");
    break;
  }
  return nullptr;
}

std::vector<std::string> group_names(const std::vector<CapacityGroup>& groups) {
  std::vector<std::string> names;
  for (const auto& group : groups) {
    names.push_back(group.name + ":");
    for (const auto& service : group.services) names.push_back(service);
  }
  return names;
}

}  // namespace

const std::vector<std::string>& default_instance_types() {
  // Smallest first: burstable t3 for small workloads, then general-purpose m5 (each step
  // doubles vCPUs or memory).
  static const std::vector<std::string> types = {
      "t3.small",   "t3.medium",  "t3.large",    "t3.xlarge",   "m5.2xlarge",
      "m5.4xlarge", "m5.8xlarge", "m5.12xlarge", "m5.16xlarge", "m5.24xlarge"};
  return types;
}

const InstanceCapacity& capacity_of(const AppModel& model, const std::string& group) {
  static const InstanceCapacity none;
  if (!model.instances) return none;
  for (const auto& entry : model.instances->groups) {
    if (entry.name == group) return entry.capacity;
  }
  return model.instances->capacity;
}

std::string architecture_of(const InstanceType& type) {
  const auto& kinds = type.architectures;
  return std::find(kinds.begin(), kinds.end(), "x86_64") == kinds.end() &&
                 std::find(kinds.begin(), kinds.end(), "arm64") != kinds.end()
             ? "arm64"
             : "x86_64";
}

std::vector<CapacityGroup> capacity_groups(const AppModel& model) {
  std::vector<CapacityGroup> groups;
  std::set<std::string> grouped;
  CapacityGroup main{kDefaultCapacityGroup, kDefaultCapacityGroup, {}, {}};
  if (model.instances) {
    for (const auto& entry : model.instances->groups) {
      CapacityGroup group{entry.name, resource_identifier(entry.name), {}, {}};
      for (const auto& service : model.services) {
        if (std::find(entry.services.begin(), entry.services.end(), service.name) !=
            entry.services.end()) {
          group.services.push_back(service.name);
          grouped.insert(service.name);
        }
      }
      if (entry.name == kDefaultCapacityGroup) {
        main = group;
      } else if (!group.services.empty()) {
        groups.push_back(std::move(group));
      }
    }
  }
  for (const auto& service : model.services) {
    if (!grouped.count(service.name)) main.services.push_back(service.name);
  }
  for (const auto& job : model.jobs) main.jobs.push_back(job.name);
  if (!main.services.empty() || !main.jobs.empty()) groups.push_back(std::move(main));
  std::sort(groups.begin(), groups.end(),
            [](const CapacityGroup& a, const CapacityGroup& b) { return a.name < b.name; });
  return groups;
}

std::string capacity_group_of(const std::vector<CapacityGroup>& groups, const std::string& workload,
                              bool job) {
  for (const auto& group : groups) {
    const auto& names = job ? group.jobs : group.services;
    if (std::find(names.begin(), names.end(), workload) != names.end()) return group.resource;
  }
  return kDefaultCapacityGroup;
}

nlohmann::json lower_capacity(const LoweringContext& context) {
  const std::vector<CapacityGroup> groups = capacity_groups(context.base());
  const std::vector<std::string> base_shape = group_names(groups);
  for (const auto& model : context.environments) {
    if (group_names(capacity_groups(model)) == base_shape) continue;
    context.diagnostics.error(
        model.locate(model.instances ? "/instances/groups" : "/instances"),
        context.target_phrase() + " needs the same instance groups with the same services in " +
            "every environment; environment '" + model.environment + "' differs from '" +
            context.base().environment + "'",
        "set types and counts per environment, and keep `groups` and their services in the base");
  }
  // A task on an EC2 instance (awsvpc) gets no public IP, so without NAT it could pull no image.
  for (const auto& model : context.environments) {
    if (model.network.existing || model.network.nat != NatMode::none) continue;
    context.diagnostics.error(
        model.locate("/network/nat"),
        context.target_phrase() + " runs tasks on EC2 instances, where a task's network " +
            "interface gets no public IP: without NAT its tasks reach no image registry",
        "use `nat: single` (or `per-zone`) in environment '" + model.environment + "'");
  }
  // ECS needs a default strategy: the group that runs the jobs, else the first.
  std::string default_group = groups.empty() ? "" : groups.front().name;
  for (const auto& group : groups) {
    if (!group.jobs.empty() || group.name == kDefaultCapacityGroup) default_group = group.name;
  }
  nlohmann::json list = nlohmann::json::array();
  for (const auto& group : groups) {
    nlohmann::json services = nlohmann::json::array();
    for (const auto& name : group.services) services.push_back({{"name", name}});
    list.push_back({{"name", group.name},
                    {"resource", group.resource},
                    {"label", "capacity_" + group.resource},
                    {"has_services", !services.empty()},
                    {"services", with_last(std::move(services))},
                    {"has_jobs", !group.jobs.empty()},
                    {"default", group.name == default_group}});
  }
  return {{"groups", with_last(std::move(list))}, {"has_groups", !groups.empty()}};
}

nlohmann::json capacity_values(const LoweringContext& context, const AppModel& model) {
  nlohmann::json values = nlohmann::json::array();
  const bool production = is_production_environment(model.environment);
  for (const auto& group : capacity_groups(model)) {
    const InstanceCapacity& capacity = capacity_of(model, group.name);
    const std::vector<TaskShape> tasks = tasks_of(model, group);
    std::string type_name;
    const InstanceType* type = group_type(context, model, capacity, group, tasks, type_name);
    if (capacity.disk < kMinimumRootVolume) {
      context.diagnostics.error(model.locate(capacity.origin.pointer + "/disk"),
                                context.target_phrase() + " needs a root volume of at least " +
                                    std::to_string(kMinimumRootVolume) +
                                    " GiB: the ECS-optimized AMI's snapshot is " +
                                    std::to_string(kMinimumRootVolume) + " GiB");
    }
    if (!type) continue;
    const int per_instance = tasks_per_instance(*type, tasks);
    int steady = 0;
    int peak = 0;
    for (const auto& task : tasks) {
      steady += task.steady;
      peak += task.peak;
    }
    // Steady tasks placed from the start; at the peak, a rolling deployment runs old and new
    // tasks side by side (up to twice the count).
    const int min = capacity.min.value_or(divide_up(steady, per_instance));
    const int max = capacity.max.value_or(std::max({min, 1, divide_up(2 * peak, per_instance)}));
    const std::string architecture = architecture_of(*type);
    values.push_back({{"name", group.name},
                      {"resource", group.resource},
                      {"label", "capacity_" + group.resource},
                      {"type", type_name},
                      {"min", min},
                      {"max", max},
                      {"spot", capacity.spot && !production},
                      {"disk", capacity.disk},
                      {"architecture", architecture},
                      {"cloudformation_architecture", architecture == "arm64" ? "ARM64" : "X86_64"},
                      {"ami_parameter", "/aws/service/ecs/optimized-ami/amazon-linux-2023/" +
                                            std::string(architecture == "arm64" ? "arm64/" : "") +
                                            "recommended/image_id"},
                      {"tasks_per_instance", per_instance}});
  }
  return with_last(std::move(values));
}

}  // namespace infragen
