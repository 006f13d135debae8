// EventBridge event-pattern filters for the object keys that start a job.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace infragen {

// The EventBridge content filter matching keys with `prefix` and `suffix` (either may be empty):
// {"prefix": p}, {"suffix": s}, or — both, which one list entry cannot AND — {"wildcard": "p*s"}
// with '*' and '\' of the literal parts escaped. Null when both are empty (any key).
nlohmann::json object_key_filter(const std::string& prefix, const std::string& suffix);

}  // namespace infragen
