// Checks the wiring of jobs and the network: trigger buckets exist, an existing VPC stays as is.
#pragma once

#include "frontend/semantic_input.h"

namespace infragen {

// A job's `trigger.bucket` names a bucket of the manifest; `network.existing` is not combined
// with an explicitly written `network.cidr` (an existing VPC keeps its own range).
void check_resources(const SemanticInput& input);

}  // namespace infragen
