// The view of what only the CloudFormation format needs: zone and NAT slots, stack names.
#pragma once

#include <nlohmann/json.hpp>

#include "lowering/lowering_context.h"

namespace infragen {

// `cloudformation`: the zone slots of the network stack (one per zone any environment has;
// `conditional` when some environment has fewer), whether a network stack exists, and the
// deploy order of the stacks. Also adds `cloudformation` to each item of view["environments"]:
// its stack names, NAT mode and subnet CIDRs per zone slot ("" where it has fewer zones).
nlohmann::json lower_cloudformation(const LoweringContext& context, nlohmann::json& view);

// Adds `cloudformation.names` (per stack kind, per environment, the physical names as mapping
// entries; see view_cloudformation.cc) and each workload's `cloudformation.names`. Call after
// view["cloudformation"] is set.
void attach_cloudformation_names(nlohmann::json& view);

}  // namespace infragen
