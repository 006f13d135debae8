// A fast reader for the plain YAML the templates render; anything else is left to yaml-cpp.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// Where the nodes of a document read_simple_yaml accepts start, keyed by their path of mapping
// keys and sequence indexes (none: the root), as yaml-cpp's marks place them: a block mapping at
// its first key, a block sequence at its first '-', a flow collection at its bracket, a scalar at
// its first character (a quote or
// '|' included) with its value's length. Empty values and the scalars inside a flow collection
// are not recorded (a lookup falls back to the enclosing node).
struct SimpleYamlPositions {
  struct Position {
    int line = 0;    // 1-based
    int column = 0;  // 1-based
    int length = 1;
  };
  using Path = std::vector<std::string>;
  std::map<Path, Position> values;
  std::map<Path, Position> keys;  // of mapping entries, by their value's path
};

// read_simple_yaml, also recording where each node is.
std::optional<nlohmann::json> read_simple_yaml(std::string_view text,
                                               SimpleYamlPositions& positions);

}  // namespace infragen
