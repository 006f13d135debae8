#include "lowering/view_security.h"

#include "lowering/access.h"
#include "lowering/references.h"

namespace infragen {

namespace {

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
  void allow_from_internet(const std::string& to, int port, const std::string& description) {
    ingress_.push_back(rule(to + "_from_internet_" + std::to_string(port), to, port, description,
                            "", "0.0.0.0/0"));
  }
  void allow_to_internet(const std::string& from, int port, const std::string& description) {
    egress_.push_back(rule(from + "_to_internet_" + std::to_string(port), from, port, description,
                           "", "0.0.0.0/0"));
  }

  nlohmann::json take() {
    return {{"groups", with_last(std::move(groups_))},
            {"ingress", with_last(std::move(ingress_))},
            {"egress", with_last(std::move(egress_))}};
  }

 private:
  static nlohmann::json rule(const std::string& label, const std::string& group, int port,
                             const std::string& description, const std::string& peer,
                             const std::string& cidr) {
    return {{"label", label},
            {"security_group", group},
            {"port", port},
            {"description", description},
            {"has_peer", !peer.empty()},
            {"peer", peer},
            {"has_cidr", !cidr.empty()},
            {"cidr", cidr}};
  }

  nlohmann::json groups_ = nlohmann::json::array();
  nlohmann::json ingress_ = nlohmann::json::array();
  nlohmann::json egress_ = nlohmann::json::array();
};

}  // namespace

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
    plan.group("database_" + resource_identifier(database.name), "Database " + database.name);
  }
  for (const auto& cache : model.caches) {
    plan.group("cache_" + resource_identifier(cache.name), "Cache " + cache.name);
  }
  for (const auto& service : model.services) {
    if (service.exposure == Exposure::public_ && service.port) {
      plan.allow(load_balancer, "service_" + resource_identifier(service.name), *service.port,
                 "Load balancer to service " + service.name);
    }
  }
  for (const auto& workload : workloads) {
    plan.allow_to_internet(workload.label, 443, "HTTPS to the internet: image pulls and AWS APIs");
    WorkloadAccess access = access_of(model, workload);
    for (const auto& name : access.databases) {
      const DatabaseModel* database = model.find_database(name);
      if (!database) continue;
      plan.allow(workload.label, "database_" + resource_identifier(name), database_port(*database),
                 workload.name + " to database " + name);
    }
    for (const auto& name : access.caches) {
      const CacheModel* cache = model.find_cache(name);
      if (!cache) continue;
      plan.allow(workload.label, "cache_" + resource_identifier(name), cache_port(*cache),
                 workload.name + " to cache " + name);
    }
    for (const auto& name : access.private_services) {
      const ServiceModel* target = model.find_service(name);
      if (!target || !target->port || name == workload.name) continue;
      plan.allow(workload.label, "service_" + resource_identifier(name), *target->port,
                 workload.name + " to service " + name);
    }
  }
  return plan.take();
}

}  // namespace infragen
