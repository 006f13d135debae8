// JSON pointers (RFC 6901) as the front end uses them to key source positions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace infragen {

// One reference token escaped for a pointer: '~' -> "~0", '/' -> "~1".
std::string escape_pointer_token(std::string_view token);
// The inverse of escape_pointer_token.
std::string unescape_pointer_token(std::string_view token);

// `parent` + "/" + the escaped `token`.
std::string child_pointer(const std::string& parent, std::string_view token);
std::string child_pointer(const std::string& parent, size_t index);

// The unescaped reference tokens of `pointer` ("" -> none).
std::vector<std::string> split_pointer(std::string_view pointer);
// The pointer without its last token ("" stays "").
std::string parent_pointer(std::string_view pointer);
// The unescaped last token ("" for the root).
std::string last_pointer_token(std::string_view pointer);
// Whether `pointer` is `ancestor` itself or lies below it.
bool pointer_within(std::string_view pointer, std::string_view ancestor);

}  // namespace infragen
