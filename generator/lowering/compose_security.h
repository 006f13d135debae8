// Security groups of the docker compose target (section `compose_groups`): one per instance
// group (an instance has one network interface for all its containers), the load balancers'
// and the data stores', and every rule between them.
#pragma once

#include <nlohmann/json.hpp>

#include "lowering/lowering_context.h"

namespace infragen {

// view["security"] in the shape of the `security_groups` section: {groups, ingress, egress,
// memberships}. Labels: "load_balancer", "internal_load_balancer", "instances_<group>",
// "database_<name>", "cache_<name>".
nlohmann::json lower_compose_security_groups(const LoweringContext& context);

}  // namespace infragen
