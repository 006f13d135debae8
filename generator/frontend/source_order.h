// The keys of a map in the order the user wrote them (JSON objects here are sorted by key).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "frontend/manifest.h"

namespace infragen {

// The keys of `object` (found at `pointer` in `document`) ordered by where each key is written;
// keys without a position (e.g. filled-in defaults) come last, alphabetically.
std::vector<std::string> keys_in_source_order(const Document& document, const std::string& pointer,
                                              const nlohmann::json& object);

}  // namespace infragen
