// Checks the volumes that services and jobs mount: each names a volume, each path once.
#pragma once

#include "frontend/semantic_input.h"

namespace infragen {

// Every `volumes` entry of a service or job names a volume under `volumes:`, mounts it at a path
// other than `/`, and no two entries of one workload mount at the same path.
void check_volume_mounts(const SemanticInput& input);

}  // namespace infragen
