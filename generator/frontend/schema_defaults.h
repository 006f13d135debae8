// Fills the schema's `default` values into a manifest so later stages never guess them.
#pragma once

#include <nlohmann/json.hpp>

#include "frontend/schema_tree.h"

namespace infragen {

// Adds every absent property that has a `default` in `schema`, recursively: inside objects
// given as defaults themselves (`health: {}` then gets `path: /`), inside maps of named things
// (additionalProperties / patternProperties schemas), array items and allOf parts.
// Values that are present are never changed.
void fill_schema_defaults(const SchemaTree& schema, nlohmann::json& value);

}  // namespace infragen
