#include "frontend/overlay_merge.h"

#include <algorithm>

#include "frontend/json_pointer.h"

namespace infragen {
namespace {

using json = nlohmann::json;
using LocationMap = std::map<std::string, SourceLocation>;

// Removes the positions of `pointer` and everything below it.
void erase_subtree(LocationMap& locations, const std::string& pointer) {
  auto it = locations.lower_bound(pointer);
  while (it != locations.end() && it->first.compare(0, pointer.size(), pointer) == 0) {
    if (pointer_within(it->first, pointer)) {
      it = locations.erase(it);
    } else {
      ++it;
    }
  }
}

// Copies the positions below `from` (in `source`) to the same places below `to`.
void copy_subtree(const LocationMap& source, const std::string& from, LocationMap& target,
                  const std::string& to) {
  for (auto it = source.lower_bound(from);
       it != source.end() && it->first.compare(0, from.size(), from) == 0; ++it) {
    if (pointer_within(it->first, from)) target[to + it->first.substr(from.size())] = it->second;
  }
}

class OverlayMerger {
 public:
  OverlayMerger(const Document& source, Document& merged) : source_(source), merged_(merged) {}

  void merge(json& target, const std::string& target_pointer, const json& overlay,
             const std::string& overlay_pointer) {
    for (const auto& [key, value] : overlay.items()) {
      const std::string into = child_pointer(target_pointer, key);
      const std::string from = child_pointer(overlay_pointer, key);
      if (value.is_null()) {
        target.erase(key);
        erase_subtree(merged_.value_locations, into);
        erase_subtree(merged_.key_locations, into);
        auto removal = source_.key_locations.find(from);
        if (removal != source_.key_locations.end()) merged_.key_locations[into] = removal->second;
      } else if (value.is_object() && target.contains(key) && target[key].is_object()) {
        merge(target[key], into, value, from);
      } else if (value.is_object()) {
        // A map the base does not have is merged into an empty one, so that a null inside it
        // (`observability: {alarms: null}`) removes nothing instead of staying a null value.
        target[key] = json::object();
        erase_subtree(merged_.value_locations, into);
        erase_subtree(merged_.key_locations, into);
        for (auto* locations : {&merged_.value_locations, &merged_.key_locations}) {
          const LocationMap& original = locations == &merged_.value_locations
                                            ? source_.value_locations
                                            : source_.key_locations;
          auto own = original.find(from);
          if (own != original.end()) (*locations)[into] = own->second;
        }
        merge(target[key], into, value, from);
      } else {
        target[key] = value;
        erase_subtree(merged_.value_locations, into);
        erase_subtree(merged_.key_locations, into);
        copy_subtree(source_.value_locations, from, merged_.value_locations, into);
        copy_subtree(source_.key_locations, from, merged_.key_locations, into);
      }
    }
  }

 private:
  const Document& source_;
  Document& merged_;
};

}  // namespace

Document merge_overlay(const Document& document, const json& overlay,
                       const std::string& overlay_pointer, const std::vector<std::string>& skip) {
  Document merged;
  merged.file = document.file;
  merged.root = document.root;
  merged.root.erase("environments");
  merged.value_locations = document.value_locations;
  merged.key_locations = document.key_locations;
  erase_subtree(merged.value_locations, "/environments");
  erase_subtree(merged.key_locations, "/environments");
  if (!overlay.is_object()) return merged;
  json changes = overlay;
  for (const auto& key : skip) changes.erase(key);
  OverlayMerger merger(document, merged);
  merger.merge(merged.root, "", changes, overlay_pointer);
  return merged;
}

}  // namespace infragen
