// Escape sequences of HCL strings: resolving them when parsing, writing them when quoting.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace infragen::hcl {

// The first invalid escape found while decoding: its byte offset in the raw text and why.
struct EscapeError {
  std::size_t offset = 0;
  std::string message;
};

// Resolves the escapes of a literal piece of a template. In quoted strings these are \n \r
// \t \" \\ \uNNNN \UNNNNNNNN plus $${ and %%{; in heredocs (quoted = false) only $${ and %%{.
// Returns false and fills `error` at the first invalid escape.
bool decode_template_literal(std::string_view raw, bool quoted, std::string& decoded,
                             EscapeError& error);

// The body of a quoted string (without the quotes) whose value is `value`, escaped the way
// hclwrite writes strings: \n \r \t \" \\, $${ and %%{ before a brace, and \uNNNN or
// \UNNNNNNNN for characters that are not printable.
std::string quote_string_body(std::string_view value);

}  // namespace infragen::hcl
