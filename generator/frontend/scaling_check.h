// Checks the replica counts of services: autoscale bounds and the starting count inside them.
#pragma once

#include "frontend/semantic_input.h"

namespace infragen {

// `autoscale.min` is not above `autoscale.max`, and a `replicas` the user wrote lies between
// them (it is the starting count of an autoscaled service).
void check_scaling(const SemanticInput& input);

}  // namespace infragen
