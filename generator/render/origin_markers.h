// Invisible markers that carry template positions through kainjow and out of the rendered text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace infragen {

// A template line ends with "\x01<id>\x02" before its newline; a tag's name is replaced by
// "\x03<id>". The text between the tags is kept out of the source kainjow parses (it spends
// about 150 instructions on every byte it parses): each run becomes the tag {{&\x04<id>}}, whose
// value is the run itself (TemplateCompiler::literal). Templates and view-model values may not
// contain these four characters.
inline constexpr char kLineMarkerBegin = '\x01';
inline constexpr char kLineMarkerEnd = '\x02';
inline constexpr char kTagIdPrefix = '\x03';
inline constexpr char kLiteralPrefix = '\x04';

std::string line_marker(int origin_id);
std::string encoded_tag_name(int tag_id);
// The id of a name made by encoded_tag_name, or nothing.
std::optional<int> decoded_tag_id(std::string_view name);
std::string encoded_literal_name(int literal_id);
// The id of a name made by encoded_literal_name, or nothing.
std::optional<int> decoded_literal_id(std::string_view name);
// Whether `text` holds one of the marker characters (U+0001..U+0004).
bool contains_marker_character(std::string_view text);

struct UnmarkedText {
  std::string text;
  // Per output line: the origin id of the first marker at or after the line's start (a value
  // with newlines belongs to the template line that inserted it); -1 when there is none.
  std::vector<int> line_origin_ids;
};

UnmarkedText strip_line_markers(std::string_view rendered);

}  // namespace infragen
