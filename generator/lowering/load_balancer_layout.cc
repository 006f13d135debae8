#include "lowering/load_balancer_layout.h"

#include <algorithm>
#include <map>

namespace infragen {

size_t LoadBalancerLayout::shard_of(const std::string& service) const {
  auto found = shard_by_service.find(service);
  return found == shard_by_service.end() ? 0 : found->second;
}

namespace {

// Services that must share a load balancer, with what they cost it.
struct PackingUnit {
  std::string host;  // empty: routes without a host
  std::vector<std::string> services;
  size_t rules = 0;
  size_t target_groups = 0;
  bool holds_default = false;
};

std::vector<PackingUnit> packing_units(const std::vector<PublicRoute>& routes,
                                       const ListenerPlan& plan, bool domain) {
  std::vector<PackingUnit> units;
  std::map<std::string, size_t> unit_of_host;
  for (const auto& public_route : routes) {
    const RouteRequest& route = public_route.route;
    // Without a domain every load balancer has a name of its own, so a route without a host is
    // reached at its load balancer's name and needs no company.
    bool alone = route.host.empty() && !domain;
    size_t index = units.size();
    if (!alone) index = unit_of_host.emplace(route.host, units.size()).first->second;
    if (index == units.size()) units.push_back({route.host, {}, 0, 0, false});
    PackingUnit& unit = units[index];
    unit.services.push_back(route.service);
    unit.target_groups += public_route.target_groups;
    if (plan.default_service == route.service) {
      unit.holds_default = true;
    } else {
      ++unit.rules;
    }
  }
  // The first load balancer carries the catch-all service and, with a domain, its name.
  std::stable_partition(units.begin(), units.end(), [&](const PackingUnit& unit) {
    return unit.holds_default || (domain && unit.host.empty());
  });
  return units;
}

std::string unit_phrase(const PackingUnit& unit, bool domain) {
  std::string count = std::to_string(unit.services.size()) + " public services";
  if (!unit.host.empty()) return count + " routed by host '" + unit.host + "'";
  if (domain) return count + " without a host (served at the domain's name)";
  return count;
}

void check_unit(const PackingUnit& unit, bool domain, std::vector<LayoutProblem>& problems) {
  auto report = [&](size_t count, const std::string& what, size_t quota, const std::string& name) {
    problems.push_back(
        {unit_phrase(unit, domain) + " need " + std::to_string(count) + " " + what +
             " on one load balancer; an Application Load Balancer allows " + std::to_string(quota) +
             " (Elastic Load Balancing quota '" + name + "')",
         unit.host.empty()
             ? "give some of them a `route.host`, make some private, or split the app into "
               "several manifests"
             : "spread them over more host names, make some private, or split the app into "
               "several manifests"});
  };
  if (unit.rules > kListenerRuleQuota) {
    report(unit.rules, "listener rules", kListenerRuleQuota, "Rules per Application Load Balancer");
  }
  if (unit.target_groups > kTargetGroupQuota) {
    report(unit.target_groups, "target groups", kTargetGroupQuota,
           "Target groups per Application Load Balancer");
  }
}

}  // namespace

LoadBalancerLayout plan_load_balancers(const std::vector<PublicRoute>& routes, bool domain) {
  LoadBalancerLayout layout;
  if (routes.empty()) return layout;
  std::vector<RouteRequest> requests;
  size_t target_groups = 0;
  for (const auto& route : routes) {
    requests.push_back(route.route);
    target_groups += route.target_groups;
  }
  ListenerPlan plan = plan_listener(requests);
  if (plan.rules.size() <= kListenerRuleQuota && target_groups <= kTargetGroupQuota) {
    LoadBalancerShard shard;
    shard.listener = std::move(plan);
    for (const auto& route : routes) {
      shard.services.push_back(route.route.service);
      layout.shard_by_service[route.route.service] = 0;
    }
    shard.target_groups = target_groups;
    layout.shards.push_back(std::move(shard));
    return layout;
  }

  // First fit in manifest order; a new load balancer opens when a unit fits on none.
  std::vector<size_t> shard_rules;
  for (const auto& unit : packing_units(routes, plan, domain)) {
    check_unit(unit, domain, layout.problems);
    size_t chosen = layout.shards.size();
    for (size_t index = 0; index < layout.shards.size(); ++index) {
      if (shard_rules[index] + unit.rules <= kListenerRuleQuota &&
          layout.shards[index].target_groups + unit.target_groups <= kTargetGroupQuota) {
        chosen = index;
        break;
      }
    }
    if (chosen == layout.shards.size()) {
      layout.shards.emplace_back();
      shard_rules.push_back(0);
    }
    LoadBalancerShard& shard = layout.shards[chosen];
    for (const auto& service : unit.services) {
      shard.services.push_back(service);
      layout.shard_by_service[service] = chosen;
    }
    shard.target_groups += unit.target_groups;
    shard_rules[chosen] += unit.rules;
    if (unit.holds_default) shard.listener.default_service = plan.default_service;
  }
  for (const auto& rule : plan.rules) {
    layout.shards[layout.shard_by_service.at(rule.service)].listener.rules.push_back(rule);
  }
  if (layout.shards.size() > kLoadBalancerQuota) {
    layout.problems.push_back(
        {std::to_string(routes.size()) + " public services need " +
             std::to_string(layout.shards.size()) + " load balancers; a region allows " +
             std::to_string(kLoadBalancerQuota) +
             " (Elastic Load Balancing quota 'Application Load Balancers per Region')",
         "make some services private, or split the app into several manifests"});
  }
  return layout;
}

}  // namespace infragen
