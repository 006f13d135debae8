#include "render/origin_markers.h"

#include <charconv>

namespace infragen {

std::string line_marker(int origin_id) {
  return kLineMarkerBegin + std::to_string(origin_id) + kLineMarkerEnd;
}

std::string encoded_tag_name(int tag_id) { return kTagIdPrefix + std::to_string(tag_id); }

std::optional<int> decoded_tag_id(std::string_view name) {
  if (name.size() < 2 || name[0] != kTagIdPrefix) return std::nullopt;
  int id = 0;
  auto [end, error] = std::from_chars(name.data() + 1, name.data() + name.size(), id);
  if (error != std::errc() || end != name.data() + name.size()) return std::nullopt;
  return id;
}

bool contains_marker_character(std::string_view text) {
  return text.find_first_of(std::string_view("\x01\x02\x03", 3)) != std::string_view::npos;
}

UnmarkedText strip_line_markers(std::string_view rendered) {
  UnmarkedText result;
  result.text.reserve(rendered.size());
  size_t first_unassigned_line = 0;
  size_t current_line = 0;
  bool line_started = false;
  for (size_t i = 0; i < rendered.size(); ++i) {
    char c = rendered[i];
    if (c == kLineMarkerBegin) {
      size_t end = rendered.find(kLineMarkerEnd, i);
      int id = -1;
      std::from_chars(rendered.data() + i + 1, rendered.data() + end, id);
      result.line_origin_ids.resize(current_line + 1, -1);
      for (size_t line = first_unassigned_line; line <= current_line; ++line) {
        result.line_origin_ids[line] = id;
      }
      first_unassigned_line = current_line + 1;
      i = end;
      continue;
    }
    result.text += c;
    line_started = true;
    if (c == '\n') {
      ++current_line;
      line_started = false;
    }
  }
  size_t line_count = current_line + (line_started ? 1 : 0);
  result.line_origin_ids.resize(line_count, -1);
  return result;
}

}  // namespace infragen
