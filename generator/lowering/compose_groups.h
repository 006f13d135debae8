// Instance groups of the docker compose target (pack section `compose_groups`): which services
// share the instances of a group, the host port each container publishes, the compose file of
// each group, and the groups' instance types and counts per environment.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lowering/lowering_context.h"

namespace infragen {

// The default groups: public services on "front", every other service on "back".
inline constexpr const char* kFrontGroup = "front";
inline constexpr const char* kBackGroup = "back";

// A target group per load-balanced service, and an Auto Scaling group takes at most 50 (a
// quota that cannot be raised): the default groups split past it.
inline constexpr size_t kLoadBalancedPerGroup = 50;
// "Listeners per Network Load Balancer" (default quota): one per private service.
inline constexpr size_t kInternalListenerQuota = 50;

// One service as a container of a group: the port it listens on inside the container and the
// one it publishes on the instance. A group's public services publish consecutive ports from
// 8000, then its private ones, so that one security group rule admits each load balancer.
struct ComposeService {
  std::string name;
  int container_port = 0;  // 0: no port (a worker)
  int host_port = 0;
  bool is_public = false;   // behind the public load balancer
  bool is_private = false;  // behind the internal one
};

// One group's structure, the same in every environment.
struct ComposeGroup {
  std::string name;      // "front", "back", or an `instances.groups` name
  std::string resource;  // Terraform identifier
  std::vector<ComposeService> services;  // in name order
};

// The groups of `model` in name order: each `instances.groups` entry with the services it lists,
// then the other services on "front" (public) or "back" ("front-2", "back-2"... past 50
// load-balanced services each), groups without services left out.
std::vector<ComposeGroup> compose_groups(const AppModel& model);

// The port the internal network load balancer listens on for private service `service`: 8000
// for the first private service with a port (name order), 8001 for the next...
int internal_listener_port(const AppModel& model, const std::string& service);

// view["compose"]: {groups: [{name, resource, label, services: [...], ...}], has_groups,
// has_private_services}, each service's `compose_group` and `host_port`, and the checks that
// every environment has the same groups.
nlohmann::json lower_compose_groups(const LoweringContext& context, nlohmann::json& services);

// environments[i]["compose"]: per group {name, resource, type, min, max, spot, disk,
// architecture, ami_parameter, cpu_target, scales}.
nlohmann::json compose_group_values(const LoweringContext& context, const AppModel& model);

}  // namespace infragen
