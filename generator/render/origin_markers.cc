#include "render/origin_markers.h"

#include <algorithm>
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

namespace {

// The blanks in the order of their codes, from kEncodedBlankFirst.
constexpr char kBlanks[] = {' ', '\t', '\n', '\r'};

// A table from every byte to its encoded form in template text.
struct BlankCodes {
  char encoded[256];
  constexpr BlankCodes() : encoded() {
    for (int c = 0; c < 256; ++c) encoded[c] = static_cast<char>(c);
    for (int i = 0; i < 4; ++i) {
      encoded[static_cast<unsigned char>(kBlanks[i])] = static_cast<char>(kEncodedBlankFirst + i);
    }
  }
};
constexpr BlankCodes kBlankCodes;

}  // namespace

void append_encoded_blanks(std::string& out, std::string_view text) {
  const size_t start = out.size();
  out.append(text);
  for (size_t i = start; i < out.size(); ++i) {
    out[i] = kBlankCodes.encoded[static_cast<unsigned char>(out[i])];
  }
}

// The loops below run over every rendered byte and every view-model string; they are written
// without early exits or table lookups so that the compiler vectorizes them (CMakeLists.txt
// builds this file with -O3).
bool contains_marker_character(std::string_view text) {
  constexpr size_t kChunk = 64;
  for (size_t start = 0; start < text.size(); start += kChunk) {
    const size_t end = std::min(text.size(), start + kChunk);
    unsigned char found = 0;
    for (size_t i = start; i < end; ++i) {
      const auto byte = static_cast<unsigned char>(text[i]);
      found |= static_cast<unsigned char>(static_cast<unsigned char>(byte - 1) < 3) |
               static_cast<unsigned char>(byte >= 0xF8);
    }
    if (found) return true;
  }
  return false;
}

namespace {

// Decodes the encoded blanks of data[0, size) in place; returns the number of newlines.
size_t decode_blanks(char* data, size_t size) {
  size_t newlines = 0;
  for (size_t i = 0; i < size; ++i) {
    const auto byte = static_cast<unsigned char>(data[i]);
    const auto code = static_cast<unsigned char>(byte - kEncodedBlankFirst);
    // Masks instead of branches: 0xFF where the byte is that blank's code.
    const auto is_space = static_cast<unsigned char>(-(code == 0));
    const auto is_tab = static_cast<unsigned char>(-(code == 1));
    const auto is_newline = static_cast<unsigned char>(-(code == 2));
    const auto is_return = static_cast<unsigned char>(-(code == 3));
    const auto encoded = static_cast<unsigned char>(is_space | is_tab | is_newline | is_return);
    const auto decoded = static_cast<unsigned char>(
        (byte & ~encoded) | (kBlanks[0] & is_space) | (kBlanks[1] & is_tab) |
        (kBlanks[2] & is_newline) | (kBlanks[3] & is_return));
    data[i] = static_cast<char>(decoded);
    newlines += decoded == '\n';
  }
  return newlines;
}

}  // namespace

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
      const size_t start = result.text.size();
      result.text.append(run);
      current_line += decode_blanks(result.text.data() + start, run.size());
      line_started = result.text.back() != '\n';
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
