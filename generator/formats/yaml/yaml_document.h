// Parsing rendered YAML with yaml-cpp: syntax errors, duplicate keys and conversion to JSON.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace infragen {

// A problem at a 1-based line and column of the YAML text.
struct YamlProblem {
  int line = 1;
  int column = 1;
  std::string message;
  std::string hint;
};

YamlProblem problem_at(const YAML::Mark& mark, std::string message, std::string hint = {});

// Every document of `text`; a syntax error gives nothing and one problem.
std::optional<std::vector<YAML::Node>> parse_yaml_documents(const std::string& text,
                                                            std::vector<YamlProblem>& problems);

// A key that appears twice in one mapping (yaml-cpp keeps one silently).
void find_duplicate_keys(const YAML::Node& node, std::vector<YamlProblem>& problems);

// The JSON value of `node` under the YAML 1.2 core schema: plain `null`/`~`/empty are null,
// `true`/`false` booleans, decimal/`0o`/`0x` integers and decimal floats numbers; quoted and
// block scalars and `!!str` are strings. Other tags, non-scalar keys and values JSON cannot
// hold (.inf, .nan, integers beyond 64 bits) are problems.
nlohmann::json yaml_to_json(const YAML::Node& node, std::vector<YamlProblem>& problems);

// The JSON value of a plain scalar's text under the core schema (as yaml_to_json); what JSON
// cannot hold is described in `problem` (the text is returned as a string then).
nlohmann::json core_plain_scalar(std::string_view text, std::string& problem);

}  // namespace infragen
