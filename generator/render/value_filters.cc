#include "render/value_filters.h"

#include <map>

#include "render/shell_words.h"
#include "render/value_escaping.h"

namespace infragen {
namespace {

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

const std::map<std::string, ValueFilter>& filters() {
  static const std::map<std::string, ValueFilter> table = {
      {"hcl_string", [](const std::string& v) { return escape_hcl_string(v); }},
      {"hcl_heredoc",
       [](const std::string& v) { return replace_all(replace_all(v, "${", "$${"), "%{", "%%{"); }},
      {"json_string", [](const std::string& v) { return escape_json_string(v); }},
      // A JSON string's text inside another JSON (or YAML double-quoted) string: a JSON document
      // written as a CloudFormation string (an SSM parameter's value, a parameter file's value).
      {"json_in_json",
       [](const std::string& v) { return escape_json_string(escape_json_string(v)); }},
      {"yaml_string", [](const std::string& v) { return escape_yaml_double_quoted(v); }},
      {"fn_sub",
       [](const std::string& v) { return replace_all(escape_json_string(v), "${", "${!"); }},
      {"compose",
       [](const std::string& v) { return replace_all(escape_yaml_double_quoted(v), "$", "$$"); }},
      {"helm",
       [](const std::string& v) {
         return replace_all(escape_yaml_double_quoted(v), "{{", "{{ \"{{\" }}");
       }},
      {"shell", [](const std::string& v) { return ansi_c_quoted(v); }},
  };
  return table;
}

}  // namespace

std::optional<ValueFilter> value_filter(const std::string& name) {
  auto found = filters().find(name);
  if (found == filters().end()) return std::nullopt;
  return found->second;
}

const std::vector<std::string>& value_filter_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> list;
    for (const auto& [name, unused] : filters()) list.push_back(name);
    return list;
  }();
  return names;
}

}  // namespace infragen
