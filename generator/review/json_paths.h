// JSON values as attribute paths (`spec.ports[0].port`), as the review compares resources.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

namespace infragen::review {

// `path.key`, or `path["key"]` when the key is more than letters, digits and `_`.
std::string json_child_path(const std::string& path, const std::string& key);

// Every leaf of `value` under `path` into `out` as canonical one-line JSON; empty objects and
// arrays are leaves. With `keep_intrinsics`, CloudFormation's `Ref` and `Fn::*` stay whole.
void flatten_json(const std::string& path, const nlohmann::json& value,
                  std::map<std::string, std::string>& out, bool keep_intrinsics);

}  // namespace infragen::review
