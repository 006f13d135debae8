// Filters of {{{value | filter}}}: a value escaped for where it lands inside a file, beyond the
// file kind's own escaping of {{value}}.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace infragen {

using ValueFilter = std::function<std::string(const std::string&)>;

// The filter named `name`, or nothing:
//   hcl_string   content of an HCL "string" ("${" -> "$${", quotes and controls escaped)
//   hcl_heredoc  a line of an HCL heredoc: only "${" -> "$${" and "%{" -> "%%{"
//   json_string  content of a JSON "string"
//   json_in_json content of a JSON "string" inside another JSON or YAML double-quoted string
//                (escaped twice): a JSON document that a CloudFormation template writes
//   yaml_string  content of a YAML double-quoted scalar
//   fn_sub       content of a CloudFormation Fn::Sub string: JSON string content with every
//                "${" written "${!" so that it stays literal
//   compose      a docker compose YAML double-quoted value: "$" -> "$$" (no interpolation)
//   helm         a YAML double-quoted value in a Helm template: "{{" -> {{ "{{" }} so that no
//                user value reaches Helm's template engine
//   shell        one bash word, ANSI-C quoted ($'...'), nothing expanded
std::optional<ValueFilter> value_filter(const std::string& name);

// Every filter's name, sorted.
const std::vector<std::string>& value_filter_names();

}  // namespace infragen
