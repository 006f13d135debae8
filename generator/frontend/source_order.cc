#include "frontend/source_order.h"

#include <algorithm>
#include <climits>
#include <tuple>

#include "frontend/json_pointer.h"

namespace infragen {

std::vector<std::string> keys_in_source_order(const Document& document, const std::string& pointer,
                                              const nlohmann::json& object) {
  struct Keyed {
    int line;
    int column;
    std::string key;
  };
  std::vector<Keyed> keyed;
  if (!object.is_object()) return {};
  for (const auto& entry : object.items()) {
    auto found = document.key_locations.find(child_pointer(pointer, entry.key()));
    if (found != document.key_locations.end() && found->second.known()) {
      keyed.push_back({found->second.line, found->second.column, entry.key()});
    } else {
      keyed.push_back({INT_MAX, INT_MAX, entry.key()});
    }
  }
  std::stable_sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
    return std::tie(a.line, a.column, a.key) < std::tie(b.line, b.column, b.key);
  });
  std::vector<std::string> keys;
  for (const auto& k : keyed) keys.push_back(k.key);
  return keys;
}

}  // namespace infragen
