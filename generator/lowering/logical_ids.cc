#include "lowering/logical_ids.h"

#include <array>
#include <cctype>
#include <string_view>

namespace infragen {

namespace {

constexpr std::array<std::string_view, 11> kIdentifierKeys = {
    "resource",   "label",    "peer", "security_group", "bucket_resource", "default_resource",
    "repository", "settings", "name", "group",          "capacity_group"};

}  // namespace

std::string logical_id(const std::string& identifier) {
  std::string id;
  bool upper = true;
  for (char c : identifier) {
    if (std::isalnum(static_cast<unsigned char>(c)) == 0) {
      upper = true;
      continue;
    }
    id += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return id;
}

void add_logical_ids(nlohmann::json& view) {
  if (view.is_array()) {
    for (auto& item : view) add_logical_ids(item);
    return;
  }
  if (!view.is_object()) return;
  nlohmann::json added = nlohmann::json::object();
  for (auto& [key, value] : view.items()) {
    if (value.is_string()) {
      for (std::string_view identifier_key : kIdentifierKeys) {
        if (key == identifier_key) added[key + "_id"] = logical_id(value.get<std::string>());
      }
    } else {
      add_logical_ids(value);
    }
  }
  if (view.contains("key") && view["key"].is_string() && view.contains("value")) {
    added["key_id"] = logical_id(view["key"].get<std::string>());
  }
  for (auto& [key, value] : added.items()) {
    if (!view.contains(key)) view[key] = value;
  }
}

}  // namespace infragen
