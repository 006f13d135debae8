// Runs every check of a manifest that JSON Schema cannot express.
#pragma once

#include "frontend/semantic_input.h"

namespace infragen {

// References, secrets, dependencies, exposure, routes and domain, scaling, job triggers and
// time settings of one environment's manifest (which passed the schema). Reports into
// input.diagnostics.
void check_semantics(const SemanticInput& input);

}  // namespace infragen
