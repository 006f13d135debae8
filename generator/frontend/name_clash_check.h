// Checks that no two names of one kind become the same identifier in generated code.
#pragma once

#include "frontend/semantic_input.h"

namespace infragen {

// CloudFormation logical ids are names in PascalCase with the hyphens dropped (`orders-db` ->
// `OrdersDb`), so two services (jobs, databases, caches, buckets, secrets) whose names differ
// only in a '-' before a digit or another '-' (`api-1` and `api1`) would be one logical id.
// Each such pair is an error at the second name, in manifest order.
void check_name_clashes(const SemanticInput& input);

}  // namespace infragen
