// A fast reader for the plain YAML the templates render; anything else is left to yaml-cpp.
#pragma once

#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

namespace infragen {

// The JSON value (as yaml_to_json gives it) of `text` when it is one document in the subset of
// YAML the built-in templates write: block mappings and sequences indented with spaces, flow
// collections and quoted scalars on one line, plain scalars, `|` and `|-` literal blocks and
// comments. Nothing when the text goes beyond it (tags, anchors, folded or multi-line scalars,
// `---`, ...) or has anything yaml-cpp's reading would report (a syntax error, a duplicate key,
// a value JSON cannot hold): the caller then reads it with yaml-cpp, which locates the problem.
// Every rendered CloudFormation template is read back once per run; with yaml-cpp alone that was
// over half of the CPU time of a large manifest (200 services, every target: 5.9 s, now 2.3 s).
std::optional<nlohmann::json> read_simple_yaml(std::string_view text);

}  // namespace infragen
