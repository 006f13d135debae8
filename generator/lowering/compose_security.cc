#include "lowering/compose_security.h"

#include <map>
#include <set>
#include <tuple>

#include "lowering/access.h"
#include "lowering/compose_groups.h"
#include "lowering/data_host.h"
#include "lowering/references.h"

namespace infragen {

namespace {

constexpr int kSecurityGroupRuleQuota = 60;
constexpr int kNfsPort = 2049;  // EFS mount targets
const std::string kLoadBalancer = "load_balancer";
const std::string kInternalLoadBalancer = "internal_load_balancer";
// The instance of the `managed: false` databases and caches (data_host.h).
const std::string kDataHost = "data_host";

// Rules by (group, peer, port), so that two services of one group that use the same database
// make one rule.
class RuleSet {
 public:
  void group(const std::string& label, const std::string& description) {
    groups_.push_back({{"label", label}, {"description", description}});
  }
  void allow(const std::string& from, const std::string& to, int port,
             const std::string& description, int to_port = 0) {
    add(ingress_, to, from, "", port, description, to + "_from_" + from, to_port);
    add(egress_, from, to, "", port, description, from + "_to_" + to, to_port);
  }
  void allow_from_internet(const std::string& to, int port, const std::string& description) {
    add(ingress_, to, "", "0.0.0.0/0", port, description, to + "_from_internet");
  }
  void allow_to_internet(const std::string& from, int port, const std::string& description) {
    add(egress_, from, "", "0.0.0.0/0", port, description, from + "_to_internet");
  }
  std::map<std::string, int> counts() const {
    std::map<std::string, int> out;
    for (const auto& rules : {&ingress_, &egress_}) {
      std::map<std::string, int> direction;
      for (const auto& [key, rule] : *rules) ++direction[std::get<0>(key)];
      for (const auto& [group, count] : direction) out[group] = std::max(out[group], count);
    }
    return out;
  }
  nlohmann::json take() {
    auto list = [](const std::map<Key, nlohmann::json>& rules) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& [key, rule] : rules) out.push_back(rule);
      return with_last(std::move(out));
    };
    return {{"groups", with_last(std::move(groups_))},
            {"memberships", nlohmann::json::object()},
            {"ingress", list(ingress_)},
            {"egress", list(egress_)}};
  }

 private:
  using Key = std::tuple<std::string, std::string, int>;  // group, peer or CIDR, port
  // `to_port`: the last port of a range that starts at `port` (0: one port).
  static void add(std::map<Key, nlohmann::json>& rules, const std::string& group,
                  const std::string& peer, const std::string& cidr, int port,
                  const std::string& description, const std::string& label, int to_port = 0) {
    Key key{group, peer.empty() ? cidr : peer, port};
    if (rules.count(key)) return;
    rules[key] = {{"label", label + "_" + std::to_string(port)},
                  {"security_group", group},
                  {"port", port},
                  {"to_port", to_port == 0 ? port : to_port},
                  {"description", description},
                  {"has_peer", !peer.empty()},
                  {"peer", peer},
                  {"has_cidr", !cidr.empty()},
                  {"cidr", cidr}};
  }

  nlohmann::json groups_ = nlohmann::json::array();
  std::map<Key, nlohmann::json> ingress_;
  std::map<Key, nlohmann::json> egress_;
};

}  // namespace

nlohmann::json lower_compose_security_groups(const LoweringContext& context) {
  const AppModel& model = context.base();
  const std::vector<ComposeGroup> groups = compose_groups(model);
  // Services and scheduled jobs by name -> the label of the group whose instances run them.
  std::map<std::string, std::string> group_of[2];
  for (const auto& group : groups) {
    for (const auto& service : group.services) {
      group_of[0][service.name] = "instances_" + group.resource;
    }
    for (const auto& job : group.jobs) group_of[1][job] = "instances_" + group.resource;
  }
  RuleSet rules;
  bool has_public = false;
  bool has_private = false;
  for (const auto& service : model.services) {
    if (!service.port) continue;
    has_public = has_public || service.exposure == Exposure::public_;
    has_private = has_private || service.exposure == Exposure::private_;
  }
  if (has_public) {
    rules.group(kLoadBalancer, "Public load balancer: HTTP(S) from the internet");
    rules.allow_from_internet(kLoadBalancer, 80, "HTTP from the internet");
    if (model.domain) rules.allow_from_internet(kLoadBalancer, 443, "HTTPS from the internet");
  }
  if (has_private) {
    rules.group(kInternalLoadBalancer, "Internal load balancer of the private services");
  }
  for (const auto& group : groups) {
    rules.group("instances_" + group.resource, "Instances of group " + group.name);
  }
  for (const auto& database : model.databases) {
    if (!database.managed) continue;
    rules.group("database_" + resource_identifier(database.name), "Database " + database.name);
  }
  for (const auto& cache : model.caches) {
    if (!cache.managed) continue;
    rules.group("cache_" + resource_identifier(cache.name), "Cache " + cache.name);
  }
  // --- data host (managed: false data stores) ---
  const std::map<std::string, int> data_ports = data_host_ports(model);
  if (!data_ports.empty()) {
    rules.group(kDataHost, "Data host: databases and caches run as containers");
    rules.allow_to_internet(kDataHost, 443,
                            "HTTPS to the internet: packages, image pulls and AWS APIs");
  }
  // Volumes (EFS): the mount targets admit NFS from the groups whose services mount them.
  for (const auto& volume : model.volumes) {
    rules.group("volume_" + resource_identifier(volume.name),
                "Mount targets of volume " + volume.name);
  }
  // Each load balancer reaches a group's instances on one range of ports: its public (or
  // private) services publish consecutive ports.
  for (const auto& group : groups) {
    const std::string label = "instances_" + group.resource;
    for (bool public_side : {true, false}) {
      int first = 0;
      int last = 0;
      for (const auto& service : group.services) {
        if (!(public_side ? service.is_public : service.is_private)) continue;
        if (first == 0) first = service.host_port;
        last = service.host_port;
      }
      if (first == 0) continue;
      if (public_side) {
        rules.allow(kLoadBalancer, label, first, "Load balancer to the public services", last);
      } else {
        rules.allow(kInternalLoadBalancer, label, first,
                    "Internal load balancer to the private services", last);
      }
    }
  }
  for (const auto& group : groups) {
    rules.allow_to_internet("instances_" + group.resource, 443,
                            "HTTPS to the internet: packages, image pulls and AWS APIs");
  }
  // Every internal load balancer listens on the same consecutive ports from 8000.
  int first_listener = 0;
  int last_listener = 0;
  for (const auto& service : model.services) {
    const InternalListener listener = internal_listener(context, service.name);
    if (listener.port == 0) continue;
    first_listener = first_listener == 0 ? listener.port : std::min(first_listener, listener.port);
    last_listener = std::max(last_listener, listener.port);
  }
  // What each service and job reaches, from its group's instances: a job runs there too (a
  // systemd timer), so a database only a job uses must admit the group.
  for (const auto& workload : workloads_of(model)) {
    const auto& groups_of_kind = group_of[workload.kind == Workload::Kind::service ? 0 : 1];
    auto found = groups_of_kind.find(workload.name);
    if (found == groups_of_kind.end()) continue;  // a triggered job: refused with the features
    const std::string& from = found->second;
    const WorkloadAccess access = access_of(model, workload);
    for (const auto& name : access.databases) {
      if (data_ports.count("databases." + name)) {
        rules.allow(from, kDataHost, data_ports.at("databases." + name),
                    "Instances to database " + name + " (data host)");
      } else if (const DatabaseModel* database = model.find_database(name)) {
        rules.allow(from, "database_" + resource_identifier(name), database_port(*database),
                    "Instances to database " + name);
      }
    }
    for (const auto& name : access.caches) {
      if (data_ports.count("caches." + name)) {
        rules.allow(from, kDataHost, data_ports.at("caches." + name),
                    "Instances to cache " + name + " (data host)");
      } else if (const CacheModel* cache = model.find_cache(name)) {
        rules.allow(from, "cache_" + resource_identifier(name), cache_port(*cache),
                    "Instances to cache " + name);
      }
    }
    // Volumes (EFS): NFS to the mount targets.
    for (const auto& [name, writes] : access.volumes) {
      (void)writes;
      if (model.find_volume(name)) {
        rules.allow(from, "volume_" + resource_identifier(name), kNfsPort,
                    "Instances to volume " + name);
      }
    }
    for (const auto& name : access.private_services) {
      const ServiceModel* target = model.find_service(name);
      if (!target || !target->port || target->exposure != Exposure::private_) continue;
      // One rule for all of the internal load balancer's listeners (consecutive ports).
      rules.allow(from, kInternalLoadBalancer, first_listener,
                  "Instances to the internal load balancer", last_listener);
    }
  }
  for (const auto& [group, count] : rules.counts()) {
    if (count <= kSecurityGroupRuleQuota) continue;
    context.diagnostics.error(
        model.locate("/services"),
        "the security group '" + group + "' needs " + std::to_string(count) +
            " rules in one direction; EC2 allows " + std::to_string(kSecurityGroupRuleQuota) +
            " per security group (quota 'Inbound or outbound rules per security group')",
        "split the services over more `instances.groups`");
  }
  return rules.take();
}

}  // namespace infragen
