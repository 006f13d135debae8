// Flattening JSON into attribute paths.
#include "review/json_paths.h"

#include <cctype>

namespace infragen::review {

std::string json_child_path(const std::string& path, const std::string& key) {
  bool plain = !key.empty();
  for (char c : key) plain = plain && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
  if (plain) return path.empty() ? key : path + "." + key;
  return path + "[" + nlohmann::json(key).dump() + "]";
}

void flatten_json(const std::string& path, const nlohmann::json& value,
                  std::map<std::string, std::string>& out, bool keep_intrinsics) {
  bool intrinsic = keep_intrinsics && value.is_object() && value.size() == 1 &&
                   (value.begin().key() == "Ref" || value.begin().key().rfind("Fn::", 0) == 0);
  if (value.is_object() && !value.empty() && !intrinsic) {
    for (const auto& [key, element] : value.items()) {
      flatten_json(json_child_path(path, key), element, out, keep_intrinsics);
    }
  } else if (value.is_array() && !value.empty()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      flatten_json(path + "[" + std::to_string(i) + "]", value[i], out, keep_intrinsics);
    }
  } else {
    out[path] = value.dump();
  }
}

}  // namespace infragen::review
