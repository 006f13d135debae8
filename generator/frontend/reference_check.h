// Checks that `${...}` references in env values and `secrets:` entries name existing things.
#pragma once

#include "frontend/semantic_input.h"

namespace infragen {

// For every service and job: each `${KIND.NAME.ATTRIBUTE}` in `env` resolves
// (databases: host|port|name|user, caches: host|port, services: url, buckets: name; a
// service's url needs a port and expose public/private), each `secrets:` entry is
// `databases.NAME.password` of an existing database or a top-level secret, and no variable is
// set in both `env` and `secrets`.
void check_references(const SemanticInput& input);

}  // namespace infragen
