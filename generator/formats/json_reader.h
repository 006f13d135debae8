// A fast JSON reader for the finisher's common case: valid JSON without a duplicate key.
#pragma once

#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

namespace infragen {

// The value of `text` when it is valid JSON in which no object has a key twice; nothing
// otherwise (the caller then reads it again to locate the problem). The value is the one
// nlohmann::json::parse gives.
std::optional<nlohmann::json> read_json_without_duplicate_keys(std::string_view text);

}  // namespace infragen
