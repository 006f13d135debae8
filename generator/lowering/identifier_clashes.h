// Names that would become the same identifier in generated code, reported at the manifest.
#pragma once

#include "lowering/lowering_context.h"

namespace infragen {

// CloudFormation logical ids are names in PascalCase with the hyphens dropped, so two names of
// one kind that differ only in where a hyphen stands before a digit (`api-1` and `api1`) would
// be one logical id. Reports each such pair at the second name; returns false then.
bool check_identifier_clashes(const LoweringContext& context);

}  // namespace infragen
