// Checks the region against infragen's table of AWS regions and the zones the network asks of it.
#pragma once

#include "frontend/semantic_input.h"

namespace infragen {

// A region close to a known one is a typo (an error with "did you mean"); one the table does
// not know is a warning. An opt-in region is a warning (a new account must enable it first).
// A new network over more zones than a new account sees in the region is an error at
// `network.zones`: the subnets would index zones that do not exist.
void check_region(const SemanticInput& input);

}  // namespace infragen
