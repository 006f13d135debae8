#include "lowering/view_security.h"

#include <map>
#include <set>

#include "lowering/access.h"
#include "lowering/references.h"

namespace infragen {

namespace {

constexpr int kSecurityGroupRuleQuota = 60;
// A target with more clients than this admits them through one group they join.
constexpr size_t kDirectClients = 40;
// EC2 allows 5 security groups per network interface (the default quota).
constexpr size_t kGroupsPerInterfaceQuota = 5;
const std::string kLoadBalancedServices = "load_balanced_services";
// EFS mount targets answer NFS on 2049 only.
constexpr int kNfsPort = 2049;

class SecurityPlan {
 public:
  void group(const std::string& label, const std::string& description) {
    groups_.push_back({{"label", label}, {"description", description}});
  }

  // `from` may send to `to` on `port`: an egress rule on `from` and an ingress rule on `to`.
  void allow(const std::string& from, const std::string& to, int port,
             const std::string& description) {
    ingress_.push_back(rule(to + "_from_" + from, to, port, description, from, ""));
    egress_.push_back(rule(from + "_to_" + to, from, port, description, to, ""));
  }
  // `from` may send to members of `to` on `port` (the members admit it with their own rules).
  void allow_egress(const std::string& from, const std::string& to, int port,
                    const std::string& description) {
    egress_.push_back(rule(from + "_to_" + to, from, port, description, to, ""));
  }
  void allow_egress_on_port(const std::string& from, const std::string& to, int port,
                            const std::string& description) {
    egress_.push_back(
        rule(from + "_to_" + to + "_" + std::to_string(port), from, port, description, to, ""));
  }
  // `member`'s tasks also carry `group` (a group that others admit).
  void join(const std::string& member, const std::string& group) {
    memberships_[member].push_back(group);
  }
  const std::map<std::string, std::vector<std::string>>& memberships() const {
    return memberships_;
  }
  // `to` admits `from` on `port` (`from` sends through a rule of its own).
  void allow_ingress(const std::string& from, const std::string& to, int port,
                     const std::string& description) {
    ingress_.push_back(rule(to + "_from_" + from, to, port, description, from, ""));
  }
  void allow_from_internet(const std::string& to, int port, const std::string& description) {
    ingress_.push_back(rule(to + "_from_internet_" + std::to_string(port), to, port, description,
                            "", "0.0.0.0/0"));
  }
  void allow_to_internet(const std::string& from, int port, const std::string& description) {
    egress_.push_back(rule(from + "_to_internet_" + std::to_string(port), from, port, description,
                           "", "0.0.0.0/0"));
  }

  std::string description_of(const std::string& label) const {
    for (const auto& group : groups_) {
      if (group["label"] == label) return group["description"];
    }
    return label;
  }

  // Rules per security group and direction, for the quota check.
  std::map<std::string, int> counts(bool ingress) const {
    std::map<std::string, int> out;
    for (const auto& rule : ingress ? ingress_ : egress_) ++out[rule["security_group"]];
    return out;
  }

  nlohmann::json take() {
    nlohmann::json memberships = nlohmann::json::object();
    for (const auto& [member, groups] : memberships_) {
      nlohmann::json list = nlohmann::json::array();
      for (const auto& group : groups) list.push_back({{"group", group}});
      memberships[member] = list;
    }
    return {{"groups", with_last(std::move(groups_))},
            {"memberships", memberships},
            {"ingress", with_last(std::move(ingress_))},
            {"egress", with_last(std::move(egress_))}};
  }

 private:
  static nlohmann::json rule(const std::string& label, const std::string& group, int port,
                             const std::string& description, const std::string& peer,
                             const std::string& cidr) {
    return {{"label", label},  {"security_group", group},    {"port", port},
            {"to_port", port}, {"description", description}, {"has_peer", !peer.empty()},
            {"peer", peer},    {"has_cidr", !cidr.empty()},  {"cidr", cidr}};
  }

  std::map<std::string, std::vector<std::string>> memberships_;
  nlohmann::json groups_ = nlohmann::json::array();
  nlohmann::json ingress_ = nlohmann::json::array();
  nlohmann::json egress_ = nlohmann::json::array();
};

// Where a security group's rules come from, to report a quota at that line.
std::string source_of(const AppModel& model, const std::string& group) {
  auto pointer_of = [&](const std::string& prefix, const std::string& kind,
                        const auto& items) -> std::string {
    for (const auto& item : items) {
      if (group == prefix + resource_identifier(item.name)) return "/" + kind + "/" + item.name;
    }
    return "";
  };
  for (const std::string& found :
       {pointer_of("service_", "services", model.services), pointer_of("job_", "jobs", model.jobs),
        pointer_of("database_", "databases", model.databases),
        pointer_of("cache_", "caches", model.caches),
        pointer_of("volume_", "volumes", model.volumes)}) {
    if (!found.empty()) return found;
  }
  return "/services";
}

// EC2 allows 60 inbound and 60 outbound rules per security group (the default quota).
void check_rule_quota(const LoweringContext& context, const AppModel& model,
                      const SecurityPlan& plan, bool ingress) {
  const std::string direction = ingress ? "inbound" : "outbound";
  for (const auto& [group, count] : plan.counts(ingress)) {
    if (count <= kSecurityGroupRuleQuota) continue;
    context.diagnostics.error(
        model.locate(source_of(model, group)),
        "the security group '" + plan.description_of(group) + "' needs " + std::to_string(count) +
            " " + direction + " rules; EC2 allows " + std::to_string(kSecurityGroupRuleQuota) +
            " per security group (quota 'Inbound or outbound rules per security group')",
        ingress ? "fewer workloads may use it"
                : "it may use fewer databases, caches and private services");
  }
}

struct Use {
  std::string client;
  std::string client_name;
  int port;
};

// Who reaches what on the network, by target security group; `words` gets each target in words.
std::map<std::string, std::vector<Use>> uses_of(const AppModel& model,
                                                std::map<std::string, std::string>& words) {
  std::map<std::string, std::vector<Use>> uses;
  auto use = [&](const Workload& workload, const std::string& target, const std::string& text,
                 int port) {
    uses[target].push_back({workload.label, workload.name, port});
    words[target] = text;
  };
  for (const auto& workload : workloads_of(model)) {
    WorkloadAccess access = access_of(model, workload);
    // A `managed: false` store is a container (eks: a pod in the cluster), not a network
    // interface of its own: no security group admits it.
    for (const auto& name : access.databases) {
      const DatabaseModel* database = model.find_database(name);
      if (database != nullptr && database->managed) {
        use(workload, "database_" + resource_identifier(name), "database " + name,
            database_port(*database));
      }
    }
    for (const auto& name : access.caches) {
      const CacheModel* cache = model.find_cache(name);
      if (cache != nullptr && cache->managed) {
        use(workload, "cache_" + resource_identifier(name), "cache " + name, cache_port(*cache));
      }
    }
    for (const auto& [name, writes] : access.volumes) {
      (void)writes;
      if (model.find_volume(name)) {
        use(workload, "volume_" + resource_identifier(name), "volume " + name, kNfsPort);
      }
    }
    for (const auto& name : access.private_services) {
      const ServiceModel* target = model.find_service(name);
      if (!target || !target->port || name == workload.name) continue;
      use(workload, "service_" + resource_identifier(name), "service " + name, *target->port);
    }
  }
  return uses;
}

bool needs_client_group(const std::vector<Use>& clients) { return clients.size() > kDirectClients; }

// A task's network interface carries its own group and the groups it joined.
void check_network_interface_quota(const LoweringContext& context, const AppModel& model,
                                   const SecurityPlan& plan) {
  for (const auto& [member, groups] : plan.memberships()) {
    if (groups.size() + 1 <= kGroupsPerInterfaceQuota) continue;
    context.diagnostics.error(
        model.locate(source_of(model, member)),
        "the tasks of '" + plan.description_of(member) + "' need " +
            std::to_string(groups.size() + 1) + " security groups; EC2 allows " +
            std::to_string(kGroupsPerInterfaceQuota) +
            " per network interface (quota 'Security groups per network interface')",
        "fewer workloads may share the databases, caches and services this one uses");
  }
}

}  // namespace

const char* const kPodsSecurityGroup = "pods";

nlohmann::json lower_pod_security_groups(const LoweringContext& context) {
  const AppModel& model = context.base();
  std::map<std::string, std::string> words;
  const std::map<std::string, std::vector<Use>> uses = uses_of(model, words);
  // Services reach each other inside the cluster (the cluster's group admits its members).
  std::vector<std::pair<std::string, int>> stores;
  for (const auto& [target, clients] : uses) {
    if (target.rfind("database_", 0) == 0 || target.rfind("cache_", 0) == 0) {
      stores.emplace_back(target, clients.front().port);
    }
  }
  SecurityPlan plan;
  if (!stores.empty()) plan.group(kPodsSecurityGroup, "Pods of the app (every node carries it)");
  for (const auto& database : model.databases) {
    if (!database.managed) continue;
    plan.group("database_" + resource_identifier(database.name), "Database " + database.name);
  }
  for (const auto& cache : model.caches) {
    if (!cache.managed) continue;
    plan.group("cache_" + resource_identifier(cache.name), "Cache " + cache.name);
  }
  for (const auto& [target, port] : stores) {
    plan.allow_ingress(kPodsSecurityGroup, target, port, "Pods to " + words[target]);
  }
  nlohmann::json view = plan.take();
  view["node_groups"] = nlohmann::json::array();
  if (!stores.empty()) view["node_groups"].push_back({{"group", kPodsSecurityGroup}});
  return view;
}

std::string client_group_of(const std::string& target) { return target + "_clients"; }

std::vector<std::string> client_groups(const AppModel& model) {
  std::map<std::string, std::string> words;
  std::vector<std::string> groups;
  for (const auto& [target, clients] : uses_of(model, words)) {
    if (needs_client_group(clients)) groups.push_back(client_group_of(target));
  }
  return groups;
}

nlohmann::json lower_security_groups(const LoweringContext& context) {
  const AppModel& model = context.base();
  SecurityPlan plan;
  const std::string load_balancer = "load_balancer";
  bool has_public = false;
  for (const auto& service : model.services) {
    has_public = has_public || (service.exposure == Exposure::public_ && service.port);
  }
  if (has_public) {
    plan.group(load_balancer, "Public load balancer: HTTP(S) from the internet");
    plan.allow_from_internet(load_balancer, 80, "HTTP from the internet");
    if (model.domain) plan.allow_from_internet(load_balancer, 443, "HTTPS from the internet");
  }
  std::vector<Workload> workloads = workloads_of(model);
  for (const auto& workload : workloads) {
    bool service = workload.kind == Workload::Kind::service;
    plan.group(workload.label, std::string(service ? "Service " : "Job ") + workload.name);
  }
  for (const auto& database : model.databases) {
    if (!database.managed) continue;
    plan.group("database_" + resource_identifier(database.name), "Database " + database.name);
  }
  for (const auto& cache : model.caches) {
    if (!cache.managed) continue;
    plan.group("cache_" + resource_identifier(cache.name), "Cache " + cache.name);
  }
  for (const auto& volume : model.volumes) {
    plan.group("volume_" + resource_identifier(volume.name),
               "Mount targets of volume " + volume.name);
  }
  // The load balancer sends to one group that every public service's tasks join, one rule per
  // port: a rule per service would pass the 60 rules a security group may have at ~60 services.
  // Each service still admits the load balancer on its own port only.
  std::set<int> public_ports;
  for (const auto& service : model.services) {
    if (service.exposure == Exposure::public_ && service.port) {
      const std::string label = "service_" + resource_identifier(service.name);
      plan.allow_ingress(load_balancer, label, *service.port,
                         "Load balancer to service " + service.name);
      plan.join(label, kLoadBalancedServices);
      public_ports.insert(*service.port);
    }
  }
  if (has_public) {
    plan.group(kLoadBalancedServices, "Tasks of the services behind the public load balancer");
    for (int port : public_ports) {
      plan.allow_egress_on_port(load_balancer, kLoadBalancedServices, port,
                                "Load balancer to its services on port " + std::to_string(port));
    }
  }
  for (const auto& workload : workloads) {
    plan.allow_to_internet(workload.label, 443, "HTTPS to the internet: image pulls and AWS APIs");
  }
  // Each workload's egress names its targets one by one (a handful each), while a target admits
  // its clients directly up to kDirectClients and else through a group that its clients join, so
  // that no group passes the rule quota however many workloads share a database.
  std::map<std::string, std::string> target_words;
  const std::map<std::string, std::vector<Use>> uses = uses_of(model, target_words);
  for (const auto& [target, clients] : uses) {
    const std::string& words = target_words[target];
    for (const Use& client : clients) {
      plan.allow_egress(client.client, target, client.port, client.client_name + " to " + words);
    }
    if (!needs_client_group(clients)) {
      for (const Use& client : clients) {
        plan.allow_ingress(client.client, target, client.port, client.client_name + " to " + words);
      }
      continue;
    }
    const std::string group = client_group_of(target);
    plan.group(group, "Workloads that use " + words);
    plan.allow_ingress(group, target, clients.front().port, "Workloads that use " + words);
    for (const Use& client : clients) plan.join(client.client, group);
  }
  check_network_interface_quota(context, model, plan);
  check_rule_quota(context, model, plan, true);
  check_rule_quota(context, model, plan, false);
  return plan.take();
}

}  // namespace infragen
