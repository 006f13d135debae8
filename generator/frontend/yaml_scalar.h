// Typing of YAML scalars by the YAML 1.2 core schema (what `true`, `012`, `0x1F`, `1e3` mean).
#pragma once

#include <string>
#include <variant>

#include <nlohmann/json.hpp>

namespace infragen {

// A scalar that cannot be represented (e.g. `.inf`, an integer beyond 64 bits): the reason.
struct ScalarError {
  std::string message;
};

// The JSON value of a plain (unquoted) scalar under the YAML 1.2 core schema:
// null (`null`, `Null`, `NULL`, `~`, empty), booleans (`true`/`True`/`TRUE`, `false`...),
// integers (decimal, `0o` octal, `0x` hexadecimal), floats, else the text as a string.
std::variant<nlohmann::json, ScalarError> resolve_plain_scalar(const std::string& text);

// The JSON value of a scalar with an explicit standard tag (`!!str`, `!!int`, ...).
// `tag` is yaml-cpp's full form ("tag:yaml.org,2002:int").
std::variant<nlohmann::json, ScalarError> resolve_tagged_scalar(const std::string& tag,
                                                                const std::string& text);

}  // namespace infragen
