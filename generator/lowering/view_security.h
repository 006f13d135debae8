// Security groups and their rules: least privilege between the load balancer, tasks and data.
#pragma once

#include <nlohmann/json.hpp>

#include "lowering/lowering_context.h"

namespace infragen {

// {groups: [...], ingress: [...], egress: [...]}. Only the public load balancer admits traffic
// from anywhere, and only on 80 (and 443 with a domain); it sends traffic only to the ports of
// public services. Tasks admit traffic only from the load balancer (public services) or from the
// workloads that use them (private services); databases and caches only from the workloads that
// use them. Tasks may send HTTPS anywhere (image pulls, AWS APIs) and reach what they use.
nlohmann::json lower_security_groups(const LoweringContext& context);

}  // namespace infragen
