// Invisible markers that carry template positions through kainjow and out of the rendered text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace infragen {

// A template line ends with "\x01<id>\x02" before its newline; a tag's name is replaced by
// "\x03<id>". The blanks of template text (space, tab, newline, return) are written as the bytes
// FB..FE, which UTF-8 never uses: kainjow makes a component of every blank character it parses,
// so a compiled template with encoded blanks has a few long text runs instead of thousands of
// one-character components. Templates and view-model values may hold none of these bytes.
inline constexpr char kLineMarkerBegin = '\x01';
inline constexpr char kLineMarkerEnd = '\x02';
inline constexpr char kTagIdPrefix = '\x03';
inline constexpr unsigned char kEncodedBlankFirst = 0xFB;

// Appends template text with its blanks encoded.
void append_encoded_blanks(std::string& out, std::string_view text);

std::string line_marker(int origin_id);
std::string encoded_tag_name(int tag_id);
// The id of a name made by encoded_tag_name, or nothing.
std::optional<int> decoded_tag_id(std::string_view name);
// Whether `text` holds one of the marker characters (U+0001..U+0003) or a byte F8..FF.
bool contains_marker_character(std::string_view text);

struct UnmarkedText {
  std::string text;
  // Per output line: the origin id of the first marker at or after the line's start (a value
  // with newlines belongs to the template line that inserted it); -1 when there is none.
  std::vector<int> line_origin_ids;
};

// The rendered text without its line markers and with its blanks decoded.
UnmarkedText strip_line_markers(std::string_view rendered);

}  // namespace infragen
