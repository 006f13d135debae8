// Escaping of {{values}} for the format of the file they land in ({{{raw}}} is never escaped).
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace infragen {

// Content of an HCL double-quoted string: \\ \" \n \r \t, other control characters as \uNNNN,
// and template sequences "${" -> "$${", "%{" -> "%%{" so a value never becomes an expression.
std::string escape_hcl_string(std::string_view value);

// Content of a JSON string: \\ \" \n \r \t \b \f, other control characters as \u00NN. Also valid
// inside a YAML double-quoted scalar, which is how cloudformation templates quote values.
std::string escape_json_string(std::string_view value);

// Content of a YAML double-quoted scalar: \\ \" \n \r \t \0 \a \b \v \f \e, other control
// characters as \xNN, and the Unicode line breaks U+0085, U+2028, U+2029 as \N, \L, \P.
std::string escape_yaml_double_quoted(std::string_view value);

// The escape function for a file kind: hcl, json, cloudformation, yaml. markdown, text and
// shell values are inserted as they are (shell templates must quote values themselves).
std::function<std::string(const std::string&)> escaper_for_kind(const std::string& kind);

}  // namespace infragen
