// Checks `instances`: the services its groups name, one group per service, min below max.
#pragma once

#include "frontend/semantic_input.h"

namespace infragen {

// Every service an instance group lists exists (with a "did you mean"), no service is in two
// groups, and the fewest instances are not more than the most, for `instances` and for each
// group (a group's count not set is the one of `instances`).
void check_instances(const SemanticInput& input);

}  // namespace infragen
