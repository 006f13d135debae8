#include "lowering/view_cloudformation.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "lowering/logical_ids.h"
#include "model/naming.h"

namespace infragen {

namespace {

std::string nat_mode(int nat_gateways) {
  if (nat_gateways == 0) return "none";
  return nat_gateways == 1 ? "single" : "per-zone";
}

int zone_count(const nlohmann::json& network) {
  return network["creates"].get<bool>() ? static_cast<int>(network["public_subnet_cidrs"].size())
                                        : 0;
}

// The private subnets an environment has: one per zone of a network it creates, else those listed.
int private_subnet_count(const nlohmann::json& network) {
  return static_cast<int>(network["creates"].get<bool>() ? network["public_subnet_cidrs"].size()
                                                         : network["private_subnet_ids"].size());
}

// One slot per private subnet any environment has, for resources made once per subnet (EFS mount
// targets): a slot past the fewest an environment has exists on a condition of the app stack's
// PrivateSubnetCount, true for the counts that reach it.
nlohmann::json private_subnet_slots(nlohmann::json& view) {
  int most = 0;
  int fewest = 1000;
  for (auto& environment : view["environments"]) {
    const int count = private_subnet_count(environment["network"]);
    environment["cloudformation"]["private_subnet_count"] = count;
    most = std::max(most, count);
    fewest = std::min(fewest, count);
  }
  for (auto& environment : view["environments"]) {
    environment["cloudformation"]["private_subnet_count_varies"] = most != fewest;
  }
  nlohmann::json slots = nlohmann::json::array();
  for (int index = 1; index <= most; ++index) {
    nlohmann::json counts = nlohmann::json::array();
    for (int count = index; count <= most; ++count) counts.push_back({{"count", count}});
    slots.push_back({{"index", index},
                     {"index0", index - 1},
                     {"conditional", index > fewest},
                     {"several_counts", counts.size() > 1},
                     {"counts", with_last(std::move(counts))}});
  }
  // The mount targets every environment has, which the access point waits for.
  nlohmann::json required = nlohmann::json::array();
  for (int index = 1; index <= fewest; ++index) required.push_back({{"index", index}});
  return {{"slots", with_last(std::move(slots))},
          {"required", with_last(std::move(required))},
          {"varies", most != fewest},
          {"most", most},
          {"fewest", fewest}};
}

std::string cidr_at(const nlohmann::json& list, int index) {
  return index < static_cast<int>(list.size()) ? list[index]["value"].get<std::string>() : "";
}

// Stack names: <app>-<environment>-<part>; parts are network, app, pipeline, service-X, job-X,
// each fitted to CloudFormation's 128 characters (long names end in a stable hash).
nlohmann::json stack_names(const nlohmann::json& view, const std::string& app,
                           const std::string& environment, bool workloads_in_chart) {
  auto stack = [&](const std::string& part) {
    return resource_name(name_rules::cloudformation_stack, app, environment, part);
  };
  nlohmann::json workload_stacks = nlohmann::json::array();
  // ec2-compose: a stack per instance group, holding its services (group-<name>.json).
  if (view.contains("compose")) {
    for (const auto& group : view["compose"]["groups"]) {
      const std::string part = "group-" + group["name"].get<std::string>();
      // The group's name (and its name_id) keys the pipeline's mapping of group stacks.
      workload_stacks.push_back({{"file", part + ".json"},
                                 {"stack", stack(part)},
                                 {"name", group["name"]},
                                 {"pulled", !group["has_built_images"].get<bool>()}});
    }
  }
  for (const auto& [list, kind] : {std::pair{"services", "service"}, std::pair{"jobs", "job"}}) {
    // On ECS a stack per service and job; ec2-compose's services are in their group's stack.
    // On Kubernetes a service's stack holds its pod role and security group (the chart runs it).
    if (!view.contains(list) || view.contains("compose")) continue;
    for (const auto& workload : view[list]) {
      const std::string part = std::string(kind) + "-" + workload["name"].get<std::string>();
      workload_stacks.push_back({{"file", part + ".json"},
                                 {"stack", stack(part)},
                                 {"pulled", workload.value("pulled", true)}});
    }
  }
  // EKS: the node groups last, as their nodes carry every service's security group.
  if (workloads_in_chart) {
    workload_stacks.push_back(
        {{"file", "nodes.json"}, {"stack", stack("nodes")}, {"pulled", true}});
  }
  return {{"network_stack", stack("network")},
          {"app_stack", stack("app")},
          {"pipeline_stack", stack("pipeline")},
          {"workload_stacks", workload_stacks}};
}

// The app's name as a Kubernetes namespace (as the eks Terraform's local.namespace): lowercase
// letters, digits and '-', at most 63, no '-' at either end.
std::string kubernetes_namespace(const std::string& app) {
  std::string name;
  for (char c : app) {
    const char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool kept = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9');
    name += kept ? lower : '-';
  }
  name = name.substr(0, 63);
  const size_t first = name.find_first_not_of('-');
  if (first == std::string::npos) return "";
  return name.substr(first, name.find_last_not_of('-') - first + 1);
}

// EKS: the app's security groups every node carries besides the cluster's (the pods' group,
// lower_pod_security_groups). The nodes stack imports each (the app stack exports it).
nlohmann::json node_security_groups(const nlohmann::json& view) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& group : view["security"].value("node_groups", nlohmann::json::array())) {
    list.push_back({{"id", logical_id(group["group"].get<std::string>())}});
  }
  return list;
}

bool is_workload(const std::string& label) {
  return label.rfind("service_", 0) == 0 || label.rfind("job_", 0) == 0;
}

// The workload stack a security group rule belongs to ("" = the app stack): the workload at
// the source end (ingress: peer; egress: group), else the workload at the other end.
std::string rule_owner(const nlohmann::json& rule, bool ingress) {
  const std::string group = rule["security_group"].get<std::string>();
  const std::string peer = rule["peer"].get<std::string>();
  const std::string& source = ingress ? peer : group;
  const std::string& destination = ingress ? group : peer;
  if (is_workload(source)) return source;
  if (is_workload(destination)) return destination;
  return "";
}

nlohmann::json rules_of(const nlohmann::json& rules, bool ingress, const std::string& owner) {
  nlohmann::json owned = nlohmann::json::array();
  for (const auto& rule : rules) {
    if (rule_owner(rule, ingress) == owner) owned.push_back(rule);
  }
  return owned;
}

// Slots 1..count, each naming the one before it (conditions chain: slot k exists when k-1
// does and the count is not k-1).
nlohmann::json slots(int count) {
  nlohmann::json list = nlohmann::json::array();
  for (int index = 1; index <= count; ++index) {
    list.push_back({{"index", index}, {"previous", index - 1}, {"first", index == 1}});
  }
  return list;
}

// The workload security groups that a stack other than the workload's own names in a rule (a
// private service that others reach): these stay in the app stack and are exported. Every
// other workload's group lives in the workload's stack, so the app stack's outputs (200 at
// most) do not grow with the number of services and jobs.
std::set<std::string> shared_workload_groups(const nlohmann::json& security) {
  std::set<std::string> shared;
  for (bool ingress : {true, false}) {
    for (const auto& rule : security[ingress ? "ingress" : "egress"]) {
      const std::string owner = rule_owner(rule, ingress);
      for (const char* end : {"security_group", "peer"}) {
        const std::string group = rule[end].get<std::string>();
        if (is_workload(group) && group != owner) shared.insert(group);
      }
    }
  }
  return shared;
}

// A workload stack's copy of its rules, each end marked `*_local` when it is the stack's own
// security group (a Ref there, an import of the app stack's export otherwise).
nlohmann::json local_rules(nlohmann::json rules, const std::string& own_group) {
  for (auto& rule : rules) {
    rule["group_local"] = rule["security_group"] == own_group;
    rule["peer_local"] = rule["peer"] == own_group;
  }
  return rules;
}

// The rules of `rules` by the workload that owns them (rule_owner), each list in the rules'
// order. One pass, not one per workload: that was quadratic in the services.
std::map<std::string, nlohmann::json> rules_by_owner(const nlohmann::json& rules, bool ingress) {
  std::map<std::string, nlohmann::json> owned;
  for (const auto& rule : rules) {
    auto [entry, inserted] = owned.try_emplace(rule_owner(rule, ingress));
    if (inserted) entry->second = nlohmann::json::array();
    entry->second.push_back(rule);
  }
  return owned;
}

// The rules `owned` holds for `owner`, as a workload stack's copy (local_rules).
nlohmann::json owned_rules(const std::map<std::string, nlohmann::json>& owned,
                           const std::string& owner, const std::string& own_group) {
  auto found = owned.find(owner);
  return local_rules(found == owned.end() ? nlohmann::json::array() : found->second, own_group);
}

void attach_workload_rules(nlohmann::json& view, const std::string& list) {
  const std::set<std::string> shared = shared_workload_groups(view["security"]);
  nlohmann::json& workloads = view[list];
  if (!workloads.empty()) {
    const nlohmann::json& security = view["security"];
    const std::map<std::string, nlohmann::json> ingress_of =
        rules_by_owner(security["ingress"], true);
    const std::map<std::string, nlohmann::json> egress_of =
        rules_by_owner(security["egress"], false);
    std::map<std::string, const nlohmann::json*> description_of;  // the last group of a label
    for (const auto& group : security["groups"]) {
      description_of[group["label"].get<std::string>()] = &group["description"];
    }
    for (auto& workload : workloads) {
      const std::string label = workload["label"].get<std::string>();
      // A workload without a group of its own (eks: pods carry their node's) owns none.
      const bool owns_group = shared.count(label) == 0 && description_of.count(label) > 0;
      const std::string own_group = owns_group ? label : "";
      nlohmann::json ingress = owned_rules(ingress_of, label, own_group);
      nlohmann::json egress = owned_rules(egress_of, label, own_group);
      // A workload stack needs the VPC id for a target group or a security group of its own.
      const bool needs_vpc = owns_group || (workload.value("load_balanced", false) &&
                                            !workload.value("default_target", false));
      std::string description;
      if (auto found = description_of.find(label); found != description_of.end()) {
        description = *found->second;
      }
      workload["cloudformation"] = {{"ingress", std::move(ingress)},
                                    {"egress", std::move(egress)},
                                    {"needs_vpc", needs_vpc},
                                    {"owns_security_group", owns_group},
                                    {"security_group_description", description}};
    }
  }
  for (auto& group : view["security"]["groups"]) {
    const std::string label = group["label"];
    group["in_app_stack"] = !is_workload(label) || shared.count(label) > 0;
  }
}

// Per database: the most read replicas (RDS) or instances (Aurora: writer, standby reader,
// replicas) any environment has, as slots; each environment's database gets `instances`.
void attach_database_slots(nlohmann::json& view) {
  for (auto& database : view["databases"]) {
    int replicas = 0;
    int instances = 1;
    for (auto& environment : view["environments"]) {
      for (auto& values : environment["databases"]) {
        if (values["name"] != database["name"]) continue;
        int count = values["read_replicas"].get<int>();
        int total = 1 + (values["multi_az"].get<bool>() ? 1 : 0) + count;
        values["instances"] = total;
        replicas = std::max(replicas, count);
        instances = std::max(instances, total);
      }
    }
    nlohmann::json extra = slots(instances);
    extra.erase(extra.begin());
    if (!extra.empty()) extra[0]["first"] = true;
    database["replica_slots"] = slots(replicas);
    database["has_instance_slots"] = !extra.empty();
    database["instance_slots"] = extra;
  }
}

// Stack tags (CloudFormation copies them to every taggable resource, like Terraform's
// default_tags): the manifest's tags, the environment's own, then app, environment, managed-by.
nlohmann::json stack_tags(const nlohmann::json& view, const nlohmann::json& environment) {
  std::map<std::string, std::string> tags;
  for (const auto& tag : view["tags"]["common"]) tags[tag["key"]] = tag["value"];
  for (const auto& tag : environment["tags"]) tags[tag["key"]] = tag["value"];
  tags["app"] = view["app"];
  tags["environment"] = environment["name"];
  tags["managed-by"] = "infragen";
  nlohmann::json list = nlohmann::json::array();
  for (const auto& [key, value] : tags) list.push_back({{"key", key}, {"value", value}});
  if (!list.empty()) list.back()["last"] = true;
  for (auto& tag : list) tag["last"] = tag.value("last", false);
  return list;
}

// Literal env values that differ between environments: one parameter per variable any
// environment sets (<Label>Env<Variable>), listed on the workload; each environment's workload
// gets every one of them, "" where it does not set that variable (the container then lacks it).
void attach_environment_overrides(nlohmann::json& view, const std::string& list,
                                  const std::string& prefix) {
  nlohmann::json& workloads = view[list];
  if (workloads.empty()) return;
  // Each workload's values in every environment, in the environments' order: found once, not
  // by a search of every environment per workload (quadratic in the services).
  std::map<std::string, std::vector<nlohmann::json*>> values_of;
  for (auto& environment : view["environments"]) {
    for (auto& values : environment[list]) {
      values_of[values["name"].get<std::string>()].push_back(&values);
    }
  }
  const std::vector<nlohmann::json*> none;
  for (auto& workload : workloads) {
    const std::string workload_name = workload["name"].get<std::string>();
    auto found = values_of.find(workload_name);
    const std::vector<nlohmann::json*>& environments =
        found == values_of.end() ? none : found->second;
    std::map<std::string, std::string> parameters;  // variable -> parameter
    const std::string label = prefix + logical_id(workload_name);
    for (const nlohmann::json* values : environments) {
      for (const auto& variable : (*values)["environment"]) {
        const std::string name = variable["name"];
        parameters[name] = label + "Env" + logical_id(name);
      }
    }
    nlohmann::json overrides = nlohmann::json::array();
    for (const auto& [name, parameter] : parameters) {
      overrides.push_back({{"name", name}, {"parameter", parameter}});
    }
    workload["cloudformation"]["environment_overrides"] = overrides;
    for (nlohmann::json* values : environments) {
      nlohmann::json settings = nlohmann::json::array();
      for (const auto& [name, parameter] : parameters) {
        std::string value;
        for (const auto& variable : (*values)["environment"]) {
          if (variable["name"] == name) value = variable["value"];
        }
        settings.push_back({{"parameter", parameter}, {"value", value}});
      }
      (*values)["cloudformation_overrides"] = settings;
    }
  }
}

using NameFilter = std::function<std::optional<std::string>(const std::string& key)>;

// Per environment [{name, entries: [{key_id, value}]}] of the names `filter` keeps, keyed by
// what it returns.
nlohmann::json names_by_environment(const nlohmann::json& view, const NameFilter& filter) {
  nlohmann::json environments = nlohmann::json::array();
  for (const auto& environment : view["environments"]) {
    nlohmann::json entries = nlohmann::json::array();
    for (const auto& name : environment["names"]) {
      if (auto key = filter(name["key"].get<std::string>())) {
        entries.push_back({{"key_id", logical_id(*key)}, {"value", name["value"]}});
      }
    }
    environments.push_back({{"name", environment["name"]}, {"entries", entries}});
  }
  return environments;
}

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0;
}

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// ec2-compose: the stack of an instance group (group-<name>.json) holds the group's resources
// and those of its services, so it gets their names (keys under the group's label, the longest
// that matches: "instances_front_2_..." is group front-2's, not front's; the names its services
// own; its images' repositories), its services' parameters of values that differ between
// environments, and whether it names the VPC.
void attach_group_stacks(nlohmann::json& view,
                         const std::function<const std::string&(const std::string&)>& owner_of) {
  if (!view.contains("compose")) return;
  std::map<std::string, std::string> group_of;  // service or group label -> group label
  for (const auto& group : view["compose"]["groups"]) {
    const std::string label = group["label"];
    group_of[label] = label;
    for (const char* list : {"services", "jobs"}) {
      for (const auto& member : group[list]) {
        if (member.contains("service")) group_of[member["service"]["label"]] = label;
      }
    }
  }
  std::map<std::string, std::string> owners;  // key -> group label ("" none)
  auto group_owning = [&](const std::string& key) -> const std::string& {
    auto found = owners.find(key);
    if (found != owners.end()) return found->second;
    std::string owner;
    if (auto service = group_of.find(owner_of(key)); service != group_of.end()) {
      owner = service->second;
    } else {
      for (size_t at = key.find('_'); at != std::string::npos; at = key.find('_', at + 1)) {
        auto group = group_of.find(key.substr(0, at));
        if (group != group_of.end() && group->first == group->second) owner = group->second;
      }
    }
    return owners.emplace(key, std::move(owner)).first->second;
  };
  // name -> view service or job (a job's own list: a service may have its name)
  std::map<std::string, const nlohmann::json*> workloads[2];
  for (const auto& service : view["services"]) workloads[0][service["name"]] = &service;
  if (view.contains("jobs")) {
    for (const auto& job : view["jobs"]) workloads[1][job["name"]] = &job;
  }
  for (auto& group : view["compose"]["groups"]) {
    const std::string label = group["label"];
    // The images the group pulls from ECR: their repositories' names give the URIs and ARNs.
    std::set<std::string> repositories;
    for (const auto& repository : group["built_repositories"]) {
      repositories.insert("repository_" + repository["value"].get<std::string>());
    }
    group["cloudformation"]["names"] = names_by_environment(view, [&](const std::string& key) {
      return group_owning(key) == label || repositories.count(key) ? std::optional(key)
                                                                   : std::nullopt;
    });
    // Each service's and job's parameters of the literal values that differ between
    // environments; the configuration parameter lists the services' and jobs' values alike.
    nlohmann::json configured = nlohmann::json::array();
    for (int kind = 0; kind < 2; ++kind) {
      for (auto& member : group[kind == 0 ? "services" : "jobs"]) {
        auto workload = workloads[kind].find(member["name"].get<std::string>());
        member["environment_overrides"] =
            workload == workloads[kind].end()
                ? nlohmann::json::array()
                : (*workload->second)["cloudformation"]["environment_overrides"];
        configured.push_back(member);
        configured.back()["last"] = false;
      }
    }
    if (!configured.empty()) configured.back()["last"] = true;
    group["cloudformation"]["workloads"] = std::move(configured);
    // Only the target groups the group's stack creates need the VPC id (the instances' subnets
    // name it themselves; the catch-all service's target group is in the app stack).
    bool needs_vpc = false;
    for (const auto& member : group["services"]) {
      if (!member.contains("service")) continue;
      const nlohmann::json& service = member["service"];
      needs_vpc = needs_vpc || service.value("private", false) ||
                  (service.value("public", false) && !service.value("default_target", false));
    }
    group["cloudformation"]["needs_vpc"] = needs_vpc;
  }
}

// The physical names each stack needs, as small mappings: CloudFormation allows 200 keys per
// level of a mapping, so no stack carries the names of every workload. A workload stack gets
// its own names (and the CodeDeploy names); the network and app stacks the names no workload
// owns (and the catch-all target group); the app stack every security group's name, and the
// pipeline stack each workload's family, roles, service and deployment group, in one mapping
// per kind keyed by the workload.
void attach_names(nlohmann::json& view) {
  std::set<std::string> labels;
  for (const char* list : {"services", "jobs"}) {
    for (const auto& workload : view[list]) labels.insert(workload["label"].get<std::string>());
  }
  // The workload a name belongs to: the longest label that, followed by '_', starts the key.
  // Found by trying each '_' of the key, once per distinct key (keys repeat per environment).
  std::map<std::string, std::string> owners;
  auto owner_of = [&](const std::string& key) -> const std::string& {
    auto found = owners.find(key);
    if (found != owners.end()) return found->second;
    std::string owner;
    for (size_t at = key.find('_'); at != std::string::npos; at = key.find('_', at + 1)) {
      std::string prefix = key.substr(0, at);
      if (labels.count(prefix)) owner = std::move(prefix);
    }
    return owners.emplace(key, std::move(owner)).first->second;
  };
  std::string default_target_group;
  for (const auto& service : view["services"]) {
    if (service.value("default_target", false)) {
      default_target_group = service["label"].get<std::string>() + "_target_group";
    }
  }
  const std::string repository_prefix = "repository_";
  nlohmann::json names = nlohmann::json::object();
  names["shared"] = names_by_environment(view, [&](const std::string& key) {
    if (starts_with(key, repository_prefix)) return std::optional<std::string>();
    return owner_of(key).empty() || key == default_target_group ? std::optional(key) : std::nullopt;
  });
  std::set<std::string> app_groups;
  for (const auto& group : view["security"]["groups"]) {
    if (group.value("in_app_stack", true)) app_groups.insert(group["label"].get<std::string>());
  }
  names["security_group"] = names_by_environment(view, [&](const std::string& key) {
    const std::string suffix = "_security_group";
    if (!ends_with(key, suffix)) return std::optional<std::string>();
    std::string group = key.substr(0, key.size() - suffix.size());
    return app_groups.count(group) ? std::optional(group) : std::nullopt;
  });
  for (const char* kind :
       {"family", "execution_role", "task_role", "service", "deployment_group"}) {
    const std::string suffix = std::string("_") + kind;
    names[kind] = names_by_environment(view, [&](const std::string& key) {
      const std::string& owner = owner_of(key);
      return !owner.empty() && key == owner + suffix ? std::optional(owner) : std::nullopt;
    });
  }
  // ECR repositories by image, apart from the shared names (up to 200 images fit a mapping
  // level): the pipeline pushes to them and workloads pull from them, each building the URI and
  // ARN from the name (exporting both from the app stack would spend two of its 200 outputs per
  // image).
  names["repository"] = names_by_environment(view, [&](const std::string& key) {
    return starts_with(key, repository_prefix) ? std::optional(key.substr(repository_prefix.size()))
                                               : std::nullopt;
  });
  view["cloudformation"]["names"] = names;

  // Each workload stack's own names, plus the CodeDeploy names and its image's repository: one
  // pass over every environment's names, handing each to the stacks that use it.
  std::map<std::string, nlohmann::json*> stacks;            // label -> workload
  std::map<std::string, std::vector<std::string>> readers;  // repository key -> labels
  std::vector<std::string> all_labels;
  for (const char* list : {"services", "jobs"}) {
    for (auto& workload : view[list]) {
      const std::string label = workload["label"];
      stacks[label] = &workload;
      all_labels.push_back(label);
      if (workload["image"].value("built", false)) {
        readers[repository_prefix + workload["image"]["repository"].get<std::string>()].push_back(
            label);
      }
      workload["cloudformation"]["names"] = nlohmann::json::array();
    }
  }
  for (const auto& environment : view["environments"]) {
    std::map<std::string, nlohmann::json> entries;  // label -> this environment's entries
    for (const auto& label : all_labels) entries[label] = nlohmann::json::array();
    for (const auto& name : environment["names"]) {
      const std::string key = name["key"].get<std::string>();
      const nlohmann::json entry = {{"key_id", logical_id(key)}, {"value", name["value"]}};
      if (key == "deploy_application" || key == "deploy_role") {
        for (auto& [label, list] : entries) list.push_back(entry);
        continue;
      }
      if (auto found = readers.find(key); found != readers.end()) {
        for (const auto& label : found->second) entries[label].push_back(entry);
        continue;
      }
      const std::string& owner = owner_of(key);
      if (!owner.empty()) entries[owner].push_back(entry);
    }
    for (auto& [label, list] : entries) {
      (*stacks[label])["cloudformation"]["names"].push_back(
          {{"name", environment["name"]}, {"entries", std::move(list)}});
    }
  }
  attach_group_stacks(view, owner_of);
}

}  // namespace

nlohmann::json lower_cloudformation(const LoweringContext& context, nlohmann::json& view) {
  const bool in_chart = context.target.workloads_in_chart;
  int max_zones = 0;
  int min_zones = 100;
  for (const auto& environment : view["environments"]) {
    int zones = zone_count(environment["network"]);
    if (zones == 0) continue;
    max_zones = std::max(max_zones, zones);
    min_zones = std::min(min_zones, zones);
  }
  nlohmann::json zones = nlohmann::json::array();
  for (int index = 1; index <= max_zones; ++index) {
    zones.push_back({{"index", index},
                     {"index0", index - 1},
                     {"first", index == 1},
                     {"conditional", index > min_zones},
                     {"last", index == max_zones}});
  }
  for (auto& environment : view["environments"]) {
    const nlohmann::json& network = environment["network"];
    nlohmann::json zone_values = nlohmann::json::array();
    for (int index = 0; index < max_zones; ++index) {
      zone_values.push_back({{"index", index + 1},
                             {"public_cidr", cidr_at(network["public_subnet_cidrs"], index)},
                             {"private_cidr", cidr_at(network["private_subnet_cidrs"], index)}});
    }
    nlohmann::json values = stack_names(view, context.base().app, environment["name"], in_chart);
    values["zones"] = zone_values;
    values["nat_mode"] = nat_mode(network["nat_gateways"].get<int>());
    values["creates_network"] = network["creates"];
    values["tags"] = stack_tags(view, environment);
    // Where environments differ (new VPC or existing), every parameter file sets both kinds.
    values["mixed_network"] = view["network"]["mixed"];
    environment["cloudformation"] = values;
  }
  attach_workload_rules(view, "services");
  attach_workload_rules(view, "jobs");
  attach_database_slots(view);
  attach_environment_overrides(view, "services", "Service");
  attach_environment_overrides(view, "jobs", "Job");
  bool app_security_groups = false;
  for (const auto& group : view["security"]["groups"]) {
    app_security_groups = app_security_groups || group.value("in_app_stack", true);
  }
  // EC2 capacity (section instance_capacity) puts Auto Scaling groups in the app stack.
  // So does EKS: its cluster and node groups (there are always some).
  const bool instance_groups =
      (view.contains("capacity") && view["capacity"].value("has_groups", false)) || in_chart;
  // ec2-compose's internal network load balancers are in the app stack, in the private subnets.
  const bool internal_balancers =
      view.contains("compose") && view["compose"].value("has_private_services", false);
  // ec2-compose's data host (`managed: false` data stores) is in the app stack, in the first
  // subnet of the instances.
  const bool data_host = view.contains("compose") && view["compose"].contains("data_host") &&
                         view["compose"]["data_host"].value("exists", false);
  nlohmann::json subnet_slots = nullptr;
  if (view.value("has_volumes", false)) subnet_slots = private_subnet_slots(view);
  // Whether the app stack names anything by the Names mapping (on ECS the cluster, always), and
  // whether it has any resource at all: ec2-compose without services or data stores has none,
  // and no app.json then.
  const bool app_names = !view.contains("compose") ||
                         (view.contains("load_balancer") && view["load_balancer"].is_object()) ||
                         internal_balancers || view.value("has_databases", false) ||
                         view.value("has_caches", false) || view.value("has_secrets", false) ||
                         view.value("has_buckets", false) || view.value("has_volumes", false) ||
                         view.value("alarms_possible", false) ||
                         view.value("pipeline_github_actions", false) || data_host;
  const bool app_stack = app_names || app_security_groups || view.value("has_repositories", false);
  for (auto& environment : view["environments"])
    environment["cloudformation"]["has_app_stack"] = app_stack;
  return {
      {"zones", zones},
      {"app_names", app_names},
      {"has_app_stack", app_stack},
      {"several_zones", max_zones > 1},
      // EFS mount targets, one per private subnet (only with volumes).
      {"private_subnet_slots", subnet_slots.is_null() ? nlohmann::json(false) : subnet_slots},
      // Whether the app stack holds any security group, and whether it needs the network
      // (for those, or for the service discovery namespace).
      {"app_security_groups", app_security_groups},
      {"app_network",
       app_security_groups || view.value("service_discovery", false) || instance_groups},
      // An existing VPC's id, for the app stack's security groups: on eks only they use it (the
      // cluster takes subnets; the nodes stack the node groups).
      {"app_vpc_id", in_chart ? app_security_groups
                              : (app_security_groups || view.value("service_discovery", false) ||
                                 instance_groups)},
      // The private subnets: for the data stores' subnet groups and the instance groups.
      {"app_private_subnets", view.value("has_data_stores", false) || instance_groups ||
                                  internal_balancers || view.value("has_volumes", false) ||
                                  data_host},
      {"app_ingress", rules_of(view["security"]["ingress"], true, "")},
      {"app_egress", rules_of(view["security"]["egress"], false, "")},
      {"kubernetes_namespace", kubernetes_namespace(context.base().app)},
      {"node_security_groups", in_chart ? node_security_groups(view) : nlohmann::json::array()}};
}

void attach_cloudformation_names(nlohmann::json& view) { attach_names(view); }

}  // namespace infragen
