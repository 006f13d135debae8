// Validates a pack.yaml document against schemas/pack.v1.schema.json, with readable messages.
#pragma once

#include "diagnostics/diagnostics.h"
#include "render/marked_yaml.h"

namespace infragen {

// Reports every schema violation of `document` at its position in pack.yaml (unknown fields
// with a suggestion, missing fields, wrong types, invalid values). Returns true when valid.
bool check_pack_schema(const MarkedDocument& document, Diagnostics& diagnostics);

}  // namespace infragen
