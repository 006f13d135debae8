// nlohmann's dump(2) text of a JSON value, written straight into a string at any depth.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace infragen {

// Appends `value` exactly as value.dump(2) prints it, as if it stood `depth` spaces deep (every
// line after the first indented by `depth` more spaces). Strings of printable ASCII, integers
// and containers are written here; anything else (UTF-8, escapes, floats) is nlohmann's own
// printing of that one value, so the text is the same byte for byte, and invalid UTF-8 throws
// nlohmann's type_error as dump() does. CloudFormation templates are megabytes of JSON, and
// nlohmann's serializer decodes every byte of every string as UTF-8.
void append_pretty_json(std::string& out, const nlohmann::json& value, int depth = 0);

// A JSON string literal of `text` as nlohmann prints it (ensure_ascii off).
void append_json_string(std::string& out, const std::string& text);

}  // namespace infragen
