// Checks how services are reached: ports, exposure, routes on the shared load balancer, domain.
#pragma once

#include "frontend/semantic_input.h"

namespace infragen {

// `expose: public|private` needs a `port`; `route` needs `expose: public`; two public services
// must not claim the same route of the shared load balancer (same host and path, or both
// without a route); `domain` needs at least one public service and its name lies in its zone.
void check_exposure(const SemanticInput& input);

}  // namespace infragen
