// The view of the network, the shared load balancer and its routing, the domain, service discovery.
#pragma once

#include <nlohmann/json.hpp>

#include "lowering/lowering_context.h"

namespace infragen {

// `network`: which VPC shapes the code must handle (created, reused, both).
nlohmann::json lower_network(const LoweringContext& context);

// `load_balancer`: false without public services; else its default action and listener rules.
nlohmann::json lower_load_balancer(const LoweringContext& context);

// Per-environment values of the network in `model`: the VPC or its subnet plan, NAT gateways.
// Reports a VPC too small for its zones at /network/cidr.
nlohmann::json network_values(const LoweringContext& context, const AppModel& model);

}  // namespace infragen
