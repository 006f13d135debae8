#include "render/origin_markers.h"

#include <algorithm>
#include <charconv>

namespace infragen {

std::string line_marker(int origin_id) {
  return kLineMarkerBegin + std::to_string(origin_id) + kLineMarkerEnd;
}

std::string encoded_tag_name(int tag_id) { return kTagIdPrefix + std::to_string(tag_id); }

namespace {

std::optional<int> decoded_id(std::string_view name, char prefix) {
  if (name.size() < 2 || name[0] != prefix) return std::nullopt;
  int id = 0;
  auto [end, error] = std::from_chars(name.data() + 1, name.data() + name.size(), id);
  if (error != std::errc() || end != name.data() + name.size()) return std::nullopt;
  return id;
}

}  // namespace

std::optional<int> decoded_tag_id(std::string_view name) { return decoded_id(name, kTagIdPrefix); }

std::string encoded_literal_name(int literal_id) {
  return kLiteralPrefix + std::to_string(literal_id);
}

std::optional<int> decoded_literal_id(std::string_view name) {
  return decoded_id(name, kLiteralPrefix);
}

// Runs over every view-model string, so it is written without an early exit per byte or a
// table lookup, for the compiler to vectorize (CMakeLists.txt builds this file with -O3).
bool contains_marker_character(std::string_view text) {
  constexpr size_t kChunk = 64;
  for (size_t start = 0; start < text.size(); start += kChunk) {
    const size_t end = std::min(text.size(), start + kChunk);
    unsigned char found = 0;
    for (size_t i = start; i < end; ++i) {
      const auto byte = static_cast<unsigned char>(text[i]);
      found |= static_cast<unsigned char>(static_cast<unsigned char>(byte - 1) < 4);
    }
    if (found) return true;
  }
  return false;
}

UnmarkedText strip_line_markers(std::string_view rendered) {
  UnmarkedText result;
  result.text.reserve(rendered.size());
  size_t first_unassigned_line = 0;
  size_t current_line = 0;
  bool line_started = false;
  // The text between markers is copied a run at a time (this runs over every rendered byte).
  size_t i = 0;
  while (i < rendered.size()) {
    size_t marker = rendered.find(kLineMarkerBegin, i);
    std::string_view run =
        rendered.substr(i, marker == std::string_view::npos ? marker : marker - i);
    if (!run.empty()) {
      result.text.append(run);
      current_line += static_cast<size_t>(std::count(run.begin(), run.end(), '\n'));
      line_started = run.back() != '\n';
    }
    if (marker == std::string_view::npos) break;
    size_t end = rendered.find(kLineMarkerEnd, marker);
    if (end == std::string_view::npos) break;  // markers are the renderer's own: always closed
    int id = -1;
    std::from_chars(rendered.data() + marker + 1, rendered.data() + end, id);
    result.line_origin_ids.resize(current_line + 1, -1);
    for (size_t line = first_unassigned_line; line <= current_line; ++line) {
      result.line_origin_ids[line] = id;
    }
    first_unassigned_line = current_line + 1;
    i = end + 1;
  }
  size_t line_count = current_line + (line_started ? 1 : 0);
  result.line_origin_ids.resize(line_count, -1);
  return result;
}

}  // namespace infragen
