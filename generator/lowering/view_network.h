// The view of the network, the shared load balancer and its routing, the domain, service discovery.
#pragma once

#include <nlohmann/json.hpp>

#include "lowering/load_balancer_layout.h"
#include "lowering/lowering_context.h"

namespace infragen {

// `network`: which VPC shapes the code must handle (created, reused, both).
nlohmann::json lower_network(const LoweringContext& context);

// How the public services spread over load balancers (no shard: there are none). Errors are
// left to lower_load_balancer. Planned once per context.
const LoadBalancerLayout& load_balancer_layout(const LoweringContext& context);

// `load_balancer`: false without public services; else its `shards`, each a load balancer with
// its default action and listener rules, and `several` when there is more than one. Reports
// quotas no layout fits at /services.
nlohmann::json lower_load_balancer(const LoweringContext& context);

// The code's names of the load balancer at `index` and its parts: Terraform resources
// (`tf`: aws_lb.public, aws_lb.public_2), CloudFormation id suffixes, name table keys.
nlohmann::json load_balancer_shard_names(size_t index);

// The names of the load balancer that serves public service `service` (the first for any other):
// {tf, listener, id_suffix, number}, as a service's `balancer` in the view.
nlohmann::json balancer_of(const LoweringContext& context, const std::string& service);

// Per-environment values of the network in `model`: the VPC or its subnet plan, NAT gateways.
// Reports a VPC too small for its zones at /network/cidr.
nlohmann::json network_values(const LoweringContext& context, const AppModel& model);

}  // namespace infragen
