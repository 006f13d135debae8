// Checks that a network reusing an existing VPC is not also given an address range.
#pragma once

#include "diagnostics/diagnostics.h"
#include "frontend/manifest.h"

namespace infragen {

// An existing VPC keeps its own address range, so `network.cidr` must not be written in the
// same map as `network.existing`, nor by an environment whose network is an existing VPC.
// A base `cidr` that an environment's `existing` replaces is fine (it is for the other
// environments). Works on the manifest as written, overlays included.
void check_existing_network(const Document& document, Diagnostics& diagnostics);

}  // namespace infragen
