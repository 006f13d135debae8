// Reads the resources of a CloudFormation folder per environment (one params/<name>.json each).
#pragma once

#include "review/resource.h"

namespace infragen::review {

// `files` are the part's files relative to the part folder. Every JSON file with a `Resources`
// object is a template (a stack); its resources are addressed `FILE:LogicalId`. Parameters take
// their value from `params/<env>.json` (the `aws cloudformation` list of ParameterKey /
// ParameterValue, or a {"Parameters": {...}} / plain object) or their Default; `Conditions`
// are evaluated with them (Fn::Equals, Fn::Not, Fn::And, Fn::Or, Condition); a resource whose
// Condition is false does not exist, one whose Condition cannot be decided is conditional.
// Properties resolve Ref to a known parameter and Fn::If on a known condition.
void read_cloudformation_resources(const FileMap& files, PartResources& part);

}  // namespace infragen::review
