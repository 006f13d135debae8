// Measures tokens in source text so that a caret can underline a whole scalar.
#pragma once

#include <string>
#include <string_view>

namespace infragen {

// The length of the quoted scalar starting at `pos` ('"' or '\''), up to the end of its
// line when it continues on the next one.
int quoted_token_length(std::string_view text, size_t pos);

// The length of the part of a plain scalar `value` that appears verbatim at `pos`
// (a multi-line plain scalar is underlined on its first line only).
int plain_token_length(std::string_view text, size_t pos, std::string_view value);

// The length of a null written at `pos` (`~`, `null`, `Null`, `NULL`); 0 when nothing is
// written there (an empty value).
int null_token_length(std::string_view text, size_t pos);

// The column (1-based) of the first tab in the indentation of `line`, or 0.
int indentation_tab_column(std::string_view line);

}  // namespace infragen

namespace infragen {

// The offset of the last '[' (or '{' when `open` is '{') before `end` in `text` that is not
// closed before `end`, skipping quoted strings and comments; npos when there is none. Used
// to point at the list or map that a "flow not closed" syntax error is about.
size_t unclosed_flow_opening(std::string_view text, size_t end, char open);

}  // namespace infragen

namespace infragen {

// The offset of the first byte of `text` that is not part of well-formed UTF-8 (overlong
// forms, surrogates and code points above U+10FFFF included); npos when all of it is.
size_t first_invalid_utf8(std::string_view text);

}  // namespace infragen
