// Public services spread over as many application load balancers as the ALB quotas need.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "lowering/listener_rules.h"

namespace infragen {

// Elastic Load Balancing's default quotas.
inline constexpr size_t kListenerRuleQuota = 100;  // "Rules per Application Load Balancer"
inline constexpr size_t kTargetGroupQuota = 100;   // "Target groups per Application Load Balancer"
inline constexpr size_t kLoadBalancerQuota = 50;   // "Application Load Balancers per Region"

// A public service as the load balancers see it.
struct PublicRoute {
  RouteRequest route;
  size_t target_groups = 1;  // two with blue/green deployments
};

// One load balancer: its listener plan (the catch-all only on the first) and its services.
struct LoadBalancerShard {
  ListenerPlan listener;
  std::vector<std::string> services;
  size_t target_groups = 0;
};

// A problem no layout solves, worded for an error at the manifest's `services`.
struct LayoutProblem {
  std::string message;
  std::string hint;
};

struct LoadBalancerLayout {
  std::vector<LoadBalancerShard> shards;  // at least one when there are public services
  std::vector<LayoutProblem> problems;
  std::map<std::string, size_t> shard_by_service;

  // Index of the shard that serves `service` (0 when it is on none).
  size_t shard_of(const std::string& service) const;
};

// Plans the load balancers. One holds every public service while the rules and target groups fit
// its quotas. Past them, services are packed in manifest order onto more load balancers, keeping
// together what one host name must reach: all routes of one host, and with a domain (whose name
// points at the first load balancer) every route without a host, on the first. Rule priorities
// are those of the one-listener plan, so a rule's priority never depends on the split.
LoadBalancerLayout plan_load_balancers(const std::vector<PublicRoute>& routes, bool domain);

}  // namespace infragen
