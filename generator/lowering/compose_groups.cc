#include "lowering/compose_groups.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "frontend/instance_types.h"
#include "lowering/compose_capacity.h"
#include "lowering/compose_volumes.h"
#include "lowering/instance_capacity.h"
#include "lowering/logical_ids.h"
#include "lowering/reference_snippets.h"
#include "lowering/systemd_calendar.h"

namespace infragen {

namespace {

// Amazon Linux 2023's snapshot is 8 GiB; images and container logs need room beside it.
constexpr int kMinimumRootVolume = 20;
// Docker and the compose stack's own processes, kept free on every instance.
constexpr int kDockerReservedMib = 256;
// The first port a group's instances publish, and the internal load balancer's first listener.
constexpr int kFirstHostPort = 8000;

const std::string& default_group_of(const ServiceModel& service) {
  static const std::string front = kFrontGroup;
  static const std::string back = kBackGroup;
  return service.exposure == Exposure::public_ && service.port ? front : back;
}

// Consecutive ports from 8000: the public services', then the private ones'.
void assign_host_ports(ComposeGroup& group) {
  int port = kFirstHostPort;
  for (bool public_first : {true, false}) {
    for (auto& service : group.services) {
      if (service.is_public == public_first && (service.is_public || service.is_private)) {
        service.host_port = port++;
      }
    }
  }
}

std::vector<std::string> group_shape(const std::vector<ComposeGroup>& groups) {
  std::vector<std::string> shape;
  for (const auto& group : groups) {
    shape.push_back(group.name + ":");
    for (const auto& service : group.services) shape.push_back(service.name);
    for (const auto& job : group.jobs) shape.push_back("job " + job);
  }
  return shape;
}

// What every instance of a group runs at once: one container of each of its services.
struct GroupLoad {
  int cpu = 0;
  int memory = 0;
  int min = 0;            // instances the services need steadily
  int max = 0;            // and at their peak
  int cpu_target = 0;     // the lowest CPU target of its services' auto scaling, 0: none
  int memory_target = 0;  // and memory target (of the instances' memory), 0: none
  // Requests per instance that a public service scales on, by service: one policy each, on
  // that service's target group.
  std::map<std::string, int> request_targets;
  std::string pointer;  // where the largest service's size is written
};

// The lowest of two targets, where 0 is none.
int lower_target(int current, int target) {
  return current == 0 ? target : std::min(current, target);
}

GroupLoad load_of(const AppModel& model, const ComposeGroup& group) {
  GroupLoad load;
  int largest = -1;
  // A job runs beside the services, one at a time on one instance (see the run-job script): the
  // instance keeps room for the largest.
  int job_cpu = 0;
  int job_memory = 0;
  for (const auto& name : group.jobs) {
    const JobModel* job = model.find_job(name);
    if (!job) continue;
    const int cpu = static_cast<int>(std::ceil(job->compute.vcpus * 1024));
    if (cpu + job->compute.memory > largest) {
      largest = cpu + job->compute.memory;
      load.pointer = job->origin.pointer + "/compute";
    }
    job_cpu = std::max(job_cpu, cpu);
    job_memory = std::max(job_memory, job->compute.memory);
  }
  load.cpu += job_cpu;
  load.memory += job_memory;
  // The timers need an instance to run on.
  if (!group.jobs.empty()) load.min = load.max = 1;
  for (const auto& entry : group.services) {
    const ServiceModel* service = model.find_service(entry.name);
    if (!service) continue;
    load.cpu += service->cpu;
    load.memory += service->memory;
    if (service->cpu + service->memory > largest) {
      largest = service->cpu + service->memory;
      load.pointer = service->origin.pointer;
    }
    int steady = service->replicas;
    int peak = service->replicas;
    if (service->autoscale) {
      steady = service->autoscale->min;
      peak = std::max(service->autoscale->max, service->replicas);
      if (service->autoscale->cpu_percent) {
        load.cpu_target = lower_target(load.cpu_target, *service->autoscale->cpu_percent);
      }
      if (service->autoscale->memory_percent) {
        load.memory_target = lower_target(load.memory_target, *service->autoscale->memory_percent);
      }
      // Only a public service has a target group whose requests are counted per instance (a
      // private one's requests are an error, reported with the workloads).
      if (service->autoscale->requests_per_target && service->exposure == Exposure::public_ &&
          service->port) {
        load.request_targets[service->name] = *service->autoscale->requests_per_target;
      }
    }
    load.min = std::max(load.min, steady);
    load.max = std::max(load.max, peak);
  }
  load.memory += kDockerReservedMib;
  return load;
}

std::string sizes_phrase(const GroupLoad& load) {
  return std::to_string(load.cpu) + " CPU units and " + std::to_string(load.memory) +
         " MiB with Docker's share";
}

// The written type, or the smallest default one that runs all of the group's containers at once;
// null (reported) when none does.
const InstanceType* group_type(const LoweringContext& context, const AppModel& model,
                               const InstanceCapacity& capacity, const ComposeGroup& group,
                               const GroupLoad& load, std::string& name) {
  if (capacity.type) {
    name = *capacity.type;
    const InstanceType* type = find_instance_type(name);
    if (!type) return nullptr;  // reported by the front end
    if (task_fits(*type, load.cpu, load.memory)) return type;
    context.diagnostics.error(
        model.locate(capacity.origin.pointer + "/type"),
        context.target_phrase() + " runs one container of each service of group '" + group.name +
            "' on every instance: " + sizes_phrase(load) + " do not fit on " + name,
        "choose a larger type, or split the services over more `instances.groups`");
    return nullptr;
  }
  for (const std::string& candidate : default_instance_types()) {
    const InstanceType* type = find_instance_type(candidate);
    if (type && task_fits(*type, load.cpu, load.memory)) {
      name = candidate;
      return type;
    }
  }
  context.diagnostics.error(
      model.locate(load.pointer),
      context.target_phrase() + " has no default instance type for group '" + group.name +
          "', whose containers need " + sizes_phrase(load),
      "set `instances.type`, or split the services over more `instances.groups`");
  return nullptr;
}

// `prefix`: the workload's variable prefix ("API", "JOB_STATS").
nlohmann::json variable_list(const std::string& prefix, const std::set<std::string>& names) {
  // Interpolated from the .env file that the instance writes at boot.
  nlohmann::json list = nlohmann::json::array();
  for (const auto& name : names) {
    const std::string interpolation = prefix + "__" + name;
    list.push_back({{"name", name},
                    {"interpolation", interpolation},
                    {"reference", "${" + interpolation + ":-}"}});
  }
  return with_last(std::move(list));
}

// The names of a service's variables in any environment: its compose file lists them all, and
// each environment's configuration gives the values.
std::set<std::string> environment_names(const LoweringContext& context, const std::string& name,
                                        bool job) {
  std::set<std::string> names;
  for (const auto& model : context.environments) {
    const ServiceModel* service = job ? nullptr : model.find_service(name);
    const JobModel* run = job ? model.find_job(name) : nullptr;
    for (const auto& variable : service ? service->env : run ? run->env : std::vector<EnvVar>{}) {
      names.insert(variable.name);
    }
  }
  return names;
}

// {value, repository}: `repository` gets its logical id (repository_id), which CloudFormation's
// names of the repository use.
nlohmann::json built_repository_list(const std::set<std::string>& repositories) {
  nlohmann::json list = value_list({repositories.begin(), repositories.end()});
  for (auto& entry : list) entry["repository"] = entry["value"];
  return list;
}

}  // namespace

std::vector<ComposeGroup> compose_groups(const AppModel& model) {
  std::map<std::string, ComposeGroup> groups;
  std::map<std::string, std::string> listed;  // service -> its `instances.groups` entry
  if (model.instances) {
    for (const auto& entry : model.instances->groups) {
      for (const auto& name : entry.services) listed[name] = entry.name;
    }
  }
  // Services so far on the current default group of each kind.
  std::map<std::string, size_t> members;
  std::map<std::string, int> number;
  for (const auto& service : model.services) {
    ComposeService entry{service.name, service.port.value_or(0), 0,
                         service.port && service.exposure == Exposure::public_,
                         service.port && service.exposure == Exposure::private_};
    std::string name;
    if (auto found = listed.find(service.name); found != listed.end()) {
      name = found->second;
    } else {
      const std::string& kind = default_group_of(service);
      if (members[kind] == kServicesPerDefaultGroup) {
        members[kind] = 0;
        ++number[kind];
      }
      ++members[kind];
      name = number[kind] == 0 ? kind : kind + "-" + std::to_string(number[kind] + 1);
    }
    ComposeGroup& group = groups[name];
    group.name = name;
    group.resource = resource_identifier(name);
    group.services.push_back(entry);
  }
  for (const auto& job : model.jobs) {
    if (!job.schedule) continue;  // a triggered job is refused with the target's features
    ComposeGroup& group = groups[kBackGroup];
    group.name = kBackGroup;
    group.resource = resource_identifier(kBackGroup);
    group.jobs.push_back(job.name);
  }
  std::vector<ComposeGroup> out;
  for (auto& [name, group] : groups) {
    std::sort(group.services.begin(), group.services.end(),
              [](const ComposeService& a, const ComposeService& b) { return a.name < b.name; });
    std::sort(group.jobs.begin(), group.jobs.end());
    assign_host_ports(group);
    out.push_back(std::move(group));
  }
  return out;
}

InternalListener internal_listener(const LoweringContext& context, const std::string& service) {
  if (!context.internal_listeners) {
    auto plan = std::make_shared<std::map<std::string, std::pair<size_t, int>>>();
    size_t index = 0;
    for (const auto& candidate : context.base().services) {
      if (candidate.exposure != Exposure::private_ || !candidate.port) continue;
      (*plan)[candidate.name] = {index / kInternalListenerQuota,
                                 kFirstHostPort + static_cast<int>(index % kInternalListenerQuota)};
      ++index;
    }
    context.internal_listeners = std::move(plan);
  }
  auto found = context.internal_listeners->find(service);
  if (found == context.internal_listeners->end()) return {};
  return {found->second.first, found->second.second};
}

std::string internal_balancer_name(size_t index) {
  return index == 0 ? "internal" : "internal_" + std::to_string(index + 1);
}

namespace {

// What no layout of the groups solves: refused at the line rather than failing on apply.
void check_quotas(const LoweringContext& context, const std::vector<ComposeGroup>& groups) {
  const AppModel& base = context.base();
  for (const auto& group : groups) {
    size_t balanced = 0;
    for (const auto& service : group.services) {
      balanced += service.is_public || service.is_private ? 1 : 0;
    }
    if (balanced <= kLoadBalancedPerGroup) continue;
    context.diagnostics.error(
        base.locate("/instances/groups/" + group.name),
        context.target_phrase() + " gives group '" + group.name + "' " + std::to_string(balanced) +
            " load-balanced services, a target group each; an Auto " + "Scaling group takes " +
            std::to_string(kLoadBalancedPerGroup) +
            " (quota 'Elastic Load Balancing target groups per Auto Scaling group')",
        "split its services over more `instances.groups`");
  }
}

// What a group's files know of one of its services or jobs: its name and the names of the
// variables it is given in the .env file (`prefix`: "API", "JOB_STATS").
nlohmann::json workload_member(const std::string& name, const std::string& prefix,
                               const std::set<std::string>& variables) {
  return {{"name", name},
          {"resource", resource_identifier(name)},
          {"variables", variable_list(prefix, variables)},
          // One underscore: a variable's own names have two ("VOTE__REDIS_HOST").
          {"image_variable", prefix + "_IMAGE"},
          {"variable_prefix", prefix + "__"},
          {"log_group_variable", prefix + "_LOG_GROUP"}};
}

// The group's files (configuration, compose file) need the workload's values and secrets, each
// with the name it is interpolated by, and the image and log group compose interpolates; the
// defaults keep the file valid (and runnable by hand) without the .env file.
void attach_workload(nlohmann::json& member, const nlohmann::json& view_workload,
                     const std::string& default_image, const std::string& default_log_group) {
  const std::string prefix = member["variable_prefix"].get<std::string>();
  member["service"] = view_workload;
  for (auto& variable : member["service"]["environment"]) {
    variable["interpolation"] = prefix + variable["name"].get<std::string>();
  }
  for (auto& secret : member["service"]["secrets"]) {
    const std::string interpolation = prefix + secret["name"].get<std::string>();
    secret["interpolation"] = interpolation;
    secret["reference"] = "${" + interpolation + ":-}";
  }
  member["secrets"] = member["service"]["secrets"];
  member["has_secrets"] = !member["secrets"].empty();
  member["has_environment"] = !member["secrets"].empty() || !member["variables"].empty();
  member["image_reference"] =
      "${" + member["image_variable"].get<std::string>() + ":-" + default_image + "}";
  member["log_group_reference"] =
      "${" + member["log_group_variable"].get<std::string>() + ":-" + default_log_group + "}";
}

}  // namespace

nlohmann::json lower_compose_groups(const LoweringContext& context, nlohmann::json& services,
                                    const nlohmann::json& jobs) {
  const AppModel& base = context.base();
  const std::vector<ComposeGroup> groups = compose_groups(base);
  const std::vector<std::string> base_shape = group_shape(groups);
  for (const auto& model : context.environments) {
    if (group_shape(compose_groups(model)) == base_shape) continue;
    context.diagnostics.error(
        model.locate(model.instances ? "/instances/groups" : "/instances"),
        context.target_phrase() + " needs the same instance groups with the same services in " +
            "every environment; environment '" + model.environment + "' differs from '" +
            base.environment + "'",
        "set types and counts per environment, and keep `groups` and their services in the base");
  }
  check_quotas(context, groups);
  bool has_private = false;
  nlohmann::json list = nlohmann::json::array();
  for (const auto& group : groups) {
    nlohmann::json members = nlohmann::json::array();
    bool group_public = false;
    bool group_private = false;
    for (const auto& entry : group.services) {
      const bool is_public = entry.is_public;
      const bool is_private = entry.is_private;
      group_public = group_public || is_public;
      group_private = group_private || is_private;
      has_private = has_private || is_private;
      nlohmann::json member = workload_member(entry.name, upper_identifier(entry.name),
                                              environment_names(context, entry.name, false));
      member.update({{"container_port", entry.container_port},
                     {"host_port", entry.host_port},
                     {"has_port", entry.container_port != 0},
                     {"public", is_public},
                     {"private", is_private},
                     {"internal_port", internal_listener(context, entry.name).port},
                     {"log_group_label", "service_" + resource_identifier(entry.name)}});
      for (auto& view_service : services) {
        if (view_service["name"] != entry.name) continue;
        view_service["compose_group"] = group.resource;
        view_service["compose_group_name"] = group.name;
        view_service["host_port"] = entry.host_port;
        view_service["internal_port"] = member["internal_port"];
        view_service["internal_balancer"] =
            internal_balancer_name(internal_listener(context, entry.name).balancer);
        view_service["internal_balancer_id"] =
            logical_id(view_service["internal_balancer"].get<std::string>());
        const std::string default_image = view_service["image"]["built"].get<bool>()
                                              ? entry.name
                                              : base.find_service(entry.name)->image.image;
        attach_workload(member, view_service, default_image,
                        "/compose/" + base.app + "/" + entry.name);
      }
      // Volumes (EFS): the containers' bind mounts of the instance's mounts.
      add_member_mounts(base.app, member);
      members.push_back(std::move(member));
    }
    nlohmann::json job_members = nlohmann::json::array();
    for (const auto& name : group.jobs) {
      const JobModel& job = *base.find_job(name);
      const std::string prefix = "JOB_" + upper_identifier(name);
      nlohmann::json member = workload_member(name, prefix, environment_names(context, name, true));
      const SystemdTimer timer = systemd_timer(*job.schedule);
      if (!timer.unsupported.empty()) {
        context.diagnostics.error(base.locate(job.origin.pointer + "/schedule"),
                                  context.target_phrase() + " runs job '" + name +
                                      "' from a systemd timer, which has no equivalent of " +
                                      timer.unsupported,
                                  "write the days of the month or of the week the job runs on");
      }
      nlohmann::json settings = nlohmann::json::array();
      for (const auto& [key, value] : timer.settings) {
        settings.push_back({{"key", key}, {"value", value}});
      }
      // Compose names it apart from a service of the same name.
      member.update({{"compose_name", "job-" + name},
                     {"log_group_label", "job_" + resource_identifier(name)},
                     {"schedule", *job.schedule},
                     {"timer", with_last(std::move(settings))},
                     {"timeout", job.timeout_seconds},
                     {"attempts", job.retries + 1}});
      for (const auto& view_job : jobs) {
        if (view_job["name"] != name) continue;
        const std::string default_image =
            view_job["image"]["built"].get<bool>() ? "job-" + name : job.image.image;
        attach_workload(member, view_job, default_image, "/compose/" + base.app + "/job-" + name);
      }
      add_member_mounts(base.app, member);
      job_members.push_back(std::move(member));
    }
    // What the instances' role grants: the union of what the group's services and jobs use.
    // Keyed by the Terraform expression; each keeps its CloudFormation one beside it.
    std::map<std::string, nlohmann::json> secret_arns;     // ARN -> its secret's `arn`
    std::map<std::string, nlohmann::json> bucket_objects;  // bucket ARN -> its bucket
    std::set<std::string> repositories;
    nlohmann::json workloads = members;
    workloads.insert(workloads.end(), job_members.begin(), job_members.end());
    for (const auto& member : workloads) {
      if (!member.contains("service")) continue;
      const nlohmann::json& service = member["service"];
      for (const auto& secret : service["secret_arns"]) {
        secret_arns[secret["arn"]["terraform"].get<std::string>()] = secret["arn"];
      }
      for (const auto& bucket : service["buckets"]) {
        bucket_objects[bucket["arn"]["terraform"].get<std::string>()] = bucket;
      }
      if (service["image"]["built"].get<bool>()) {
        repositories.insert(service["image"]["repository"].get<std::string>());
      }
    }
    nlohmann::json secrets = nlohmann::json::array();
    for (const auto& [arn, formats] : secret_arns) {
      secrets.push_back({{"value", arn}, {"cloudformation", formats.value("cloudformation", "")}});
    }
    nlohmann::json buckets = nlohmann::json::array();
    for (const auto& [arn, bucket] : bucket_objects) {
      buckets.push_back({{"arn", arn},
                         {"objects", bucket["objects"]["terraform"]},
                         {"cloudformation",
                          {{"arn", bucket["arn"].value("cloudformation", "")},
                           {"objects", bucket["objects"].value("cloudformation", "")}}}});
    }
    const bool load_balanced = group_public || group_private;
    // Memory is not an EC2 metric: the CloudWatch agent publishes the instances' use where
    // any environment scales this group on it.
    bool scales_on_memory = false;
    for (const auto& model : context.environments) {
      for (const auto& candidate : compose_groups(model)) {
        if (candidate.name == group.name && load_of(model, candidate).memory_target > 0) {
          scales_on_memory = true;
        }
      }
    }
    list.push_back({{"name", group.name},
                    {"resource", group.resource},
                    {"label", "instances_" + group.resource},
                    {"has_secret_arns", !secrets.empty()},
                    {"secret_arns", with_last(std::move(secrets))},
                    {"has_buckets", !buckets.empty()},
                    {"buckets", with_last(std::move(buckets))},
                    {"has_built_images", !repositories.empty()},
                    {"built_repositories", built_repository_list(repositories)},
                    {"has_load_balanced_services", load_balanced},
                    {"memory_scaling", scales_on_memory},
                    {"has_services", !members.empty()},
                    {"services", with_last(std::move(members))},
                    {"has_jobs", !job_members.empty()},
                    {"jobs", with_last(std::move(job_members))},
                    {"has_public_services", group_public},
                    {"has_private_services", group_private}});
    // Volumes (EFS) the group's instances mount for its services and jobs, and their grants.
    add_group_volumes(base.app, workloads, list.back());
  }
  // The internal network load balancers, 50 private services each.
  std::vector<nlohmann::json> members;
  for (const auto& service : base.services) {
    const InternalListener listener = internal_listener(context, service.name);
    if (listener.port == 0) continue;
    if (members.size() <= listener.balancer) members.resize(listener.balancer + 1);
    members[listener.balancer].push_back({{"name", service.name}, {"port", listener.port}});
  }
  nlohmann::json balancers = nlohmann::json::array();
  for (size_t index = 0; index < members.size(); ++index) {
    const std::string name = internal_balancer_name(index);
    balancers.push_back(
        {{"tf", name},
         // Its output and export names in the app stack: "Internal", "Internal2"...
         {"id", logical_id(name)},
         {"name_key", index == 0 ? std::string("internal_load_balancer") : name + "_load_balancer"},
         {"number", index + 1},
         {"services", with_last(std::move(members[index]))}});
  }
  const bool several_balancers = balancers.size() > 1;
  return {{"groups", with_last(std::move(list))},
          {"has_groups", !groups.empty()},
          {"has_private_services", has_private},
          {"internal_balancers", with_last(std::move(balancers))},
          {"several_internal_balancers", several_balancers}};
}

nlohmann::json compose_group_values(const LoweringContext& context, const AppModel& model) {
  nlohmann::json values = nlohmann::json::array();
  for (const auto& group : compose_groups(model)) {
    const InstanceCapacity& capacity = capacity_of(model, group.name);
    const GroupLoad load = load_of(model, group);
    std::string type_name;
    const InstanceType* type = group_type(context, model, capacity, group, load, type_name);
    if (capacity.disk < kMinimumRootVolume) {
      context.diagnostics.error(model.locate(capacity.origin.pointer + "/disk"),
                                context.target_phrase() + " needs a root volume of at least " +
                                    std::to_string(kMinimumRootVolume) +
                                    " GiB for Amazon Linux, Docker and the images");
    }
    if (!type) continue;
    // A written max caps the derived min (the services' counts) rather than contradict it.
    const int min = capacity.min.value_or(std::min(load.min, capacity.max.value_or(load.min)));
    // The peak of the busiest service; an instance refresh launches before it terminates, for
    // which Auto Scaling may briefly run above this maximum.
    const int max = capacity.max.value_or(std::max({min, 1, load.max}));
    const std::string architecture = architecture_of(*type);
    const bool scales =
        (load.cpu_target > 0 || load.memory_target > 0 || !load.request_targets.empty()) &&
        max > min;
    nlohmann::json requests = nlohmann::json::array();
    for (const auto& [service, target] : load.request_targets) {
      requests.push_back({{"name", service}, {"value", target}});
    }
    values.push_back(
        {{"name", group.name},
         {"resource", group.resource},
         {"label", "instances_" + group.resource},
         {"type", type_name},
         {"min", min},
         {"max", max},
         // What a CloudFormation rolling update keeps in service: less than max, its rule.
         {"min_in_service", std::min(min, max - 1)},
         // Spot: compose_capacity.h says when.
         {"spot", group_runs_on_spot(model, group)},
         {"disk", capacity.disk},
         {"architecture", architecture},
         {"ami_parameter",
          "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-" + architecture},
         {"scales", scales},
         {"scales_on_cpu", scales && load.cpu_target > 0},
         {"cpu_target", load.cpu_target},
         {"scales_on_memory", scales && load.memory_target > 0},
         {"memory_target", load.memory_target},
         {"has_request_targets", scales && !requests.empty()},
         {"request_targets", with_last(std::move(requests))}});
  }
  return with_last(std::move(values));
}

}  // namespace infragen
