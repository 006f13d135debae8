// Checks `depends_on`: every name exists and services do not depend on each other in a cycle.
#pragma once

#include "frontend/semantic_input.h"

namespace infragen {

// Each `depends_on` entry of a service names a service, database or cache; a service does not
// depend on itself; the dependencies between services form no cycle (each cycle is reported
// once, as "a -> b -> a", at the edge leaving the cycle's first service in manifest order).
void check_dependencies(const SemanticInput& input);

}  // namespace infragen
