#include "frontend/json_pointer.h"
#include "frontend/manifest.h"

namespace infragen {

SourceLocation Document::locate(const std::string& pointer) const {
  std::string at = pointer;
  while (true) {
    auto found = value_locations.find(at);
    if (found != value_locations.end()) return found->second;
    if (at.empty()) break;
    at = parent_pointer(at);
  }
  SourceLocation nowhere;
  nowhere.file = file;
  return nowhere;
}

SourceLocation Document::locate_key(const std::string& pointer) const {
  auto found = key_locations.find(pointer);
  if (found != key_locations.end()) return found->second;
  return locate(pointer);
}

}  // namespace infragen
