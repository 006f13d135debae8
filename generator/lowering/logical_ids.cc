#include "lowering/logical_ids.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>
#include <utility>
#include <vector>

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
  // Walks the whole view (megabytes for hundreds of services): no JSON is built for what is
  // added, and a value is only descended into when it can hold more.
  if (view.is_array()) {
    for (auto& item : view) add_logical_ids(item);
    return;
  }
  if (!view.is_object()) return;
  std::vector<std::pair<std::string, std::string>> added;
  for (auto it = view.begin(); it != view.end(); ++it) {
    if (it->is_string()) {
      const std::string& key = it.key();
      if (std::find(kIdentifierKeys.begin(), kIdentifierKeys.end(), key) != kIdentifierKeys.end()) {
        added.emplace_back(key + "_id", logical_id(it->get_ref<const std::string&>()));
      }
    } else if (it->is_structured()) {
      add_logical_ids(*it);
    }
  }
  auto key = view.find("key");
  if (key != view.end() && key->is_string() && view.contains("value")) {
    added.emplace_back("key_id", logical_id(key->get_ref<const std::string&>()));
  }
  // A key the view already has is kept.
  for (auto& [name, id] : added) view.emplace(std::move(name), std::move(id));
}

}  // namespace infragen
