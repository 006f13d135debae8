// One code for all environments: reports manifest structure that differs between environments.
#pragma once

#include "lowering/lowering_context.h"

namespace infragen {

// Environments may differ only in values the generated code takes as per-environment variables
// (sizes, counts, images, literal env values, tags, network, domain name, alarms, schedules...).
// Everything that shapes the code itself — which services, databases, caches, secrets, buckets
// and jobs exist, ports, routes, health checks, commands, references, engines — must be equal;
// a difference is an error at the overlay that makes it. Returns false when one was reported.
bool check_consistency(const LoweringContext& context);

}  // namespace infragen
