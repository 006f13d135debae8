#include "lowering/event_filters.h"

namespace infragen {

namespace {

std::string escape_wildcard(const std::string& text) {
  std::string escaped;
  for (char c : text) {
    if (c == '*' || c == '\\') escaped += '\\';
    escaped += c;
  }
  return escaped;
}

}  // namespace

nlohmann::json object_key_filter(const std::string& prefix, const std::string& suffix) {
  if (prefix.empty() && suffix.empty()) return nullptr;
  if (suffix.empty()) return {{"kind", "prefix"}, {"value", prefix}};
  if (prefix.empty()) return {{"kind", "suffix"}, {"value", suffix}};
  return {{"kind", "wildcard"}, {"value", escape_wildcard(prefix) + "*" + escape_wildcard(suffix)}};
}

}  // namespace infragen
