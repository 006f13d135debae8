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
// A group's stack names each of its services' log group, target group and repository in one
// mapping of at most 200 keys: the default groups split past 50 services of any kind, so that
// a hundred workers do not fill one group's stack either.
inline constexpr size_t kServicesPerDefaultGroup = kLoadBalancedPerGroup;
// "Listeners per Network Load Balancer" (default quota): one per private service, so past 50
// private services there is a second internal load balancer, a third...
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
  std::string name;                      // "front", "back", or an `instances.groups` name
  std::string resource;                  // Terraform identifier
  std::vector<ComposeService> services;  // in name order
  std::vector<std::string> jobs;         // scheduled jobs, run by systemd timers; name order
};

// The groups of `model` in name order: each `instances.groups` entry with the services it lists,
// then the other services on "front" (public) or "back" ("front-2", "back-2"... past 50
// load-balanced services each), groups without services left out. The scheduled jobs run on
// "back" (a group of its own, of one instance, when no service is there).
std::vector<ComposeGroup> compose_groups(const AppModel& model);

// Where private service `service` is reached: its internal network load balancer (0 for the
// first) and the port it listens on there. The private services with a port, in name order,
// take 8000, 8001... on the first load balancer, then the same ports on the next.
struct InternalListener {
  size_t balancer = 0;
  int port = 0;  // 0: not a private service with a port
};
InternalListener internal_listener(const LoweringContext& context, const std::string& service);

// The Terraform name of internal load balancer `index`: "internal", "internal_2"...
std::string internal_balancer_name(size_t index);

// view["compose"]: {groups: [{name, resource, label, services: [...], ...}], has_groups,
// has_private_services}, each service's `compose_group` and `host_port`, and the checks that
// every environment has the same groups.
// `jobs`: view["jobs"], whose scheduled jobs the group files run.
nlohmann::json lower_compose_groups(const LoweringContext& context, nlohmann::json& services,
                                    const nlohmann::json& jobs);

// environments[i]["compose"]: per group {name, resource, type, min, max, spot, disk,
// architecture, ami_parameter, cpu_target, scales}.
nlohmann::json compose_group_values(const LoweringContext& context, const AppModel& model);

}  // namespace infragen
