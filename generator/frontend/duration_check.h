// Checks time settings that the schema describes but cannot relate to each other.
#pragma once

#include "frontend/semantic_input.h"

namespace infragen {

// A service's health check `timeout` is below its `interval` (load balancers reject it
// otherwise), and a database `backup.window` ("hh:mm-hh:mm", UTC) lasts at least 30 minutes.
void check_durations(const SemanticInput& input);

}  // namespace infragen
