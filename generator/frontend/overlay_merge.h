// Deep-merges an environment overlay into the base manifest, keeping source positions.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "frontend/manifest.h"

namespace infragen {

// The base of `document` (without "environments") with `overlay` merged in: maps merge key by
// key, `null` removes a key, any other value replaces. `overlay_pointer` is where the overlay
// sits in `document` ("/environments/prod"); values taken from it keep their overlay positions,
// and a key removed with `null` keeps the position of that key in key_locations (with no
// value), so a "missing required field" can point at the removal. Keys in `skip` (such as
// "schedule", which belongs to the environment, not the manifest) are not merged.
Document merge_overlay(const Document& document, const nlohmann::json& overlay,
                       const std::string& overlay_pointer, const std::vector<std::string>& skip);

}  // namespace infragen
