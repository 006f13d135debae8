#include "formats/yaml/yaml_document.h"

#include <charconv>
#include <regex>
#include <set>

namespace infragen {

YamlProblem problem_at(const YAML::Mark& mark, std::string message, std::string hint) {
  YamlProblem problem;
  problem.line = mark.line >= 0 ? mark.line + 1 : 1;
  problem.column = mark.column >= 0 ? mark.column + 1 : 1;
  problem.message = std::move(message);
  problem.hint = std::move(hint);
  return problem;
}

std::optional<std::vector<YAML::Node>> parse_yaml_documents(const std::string& text,
                                                            std::vector<YamlProblem>& problems) {
  try {
    return YAML::LoadAll(text);
  } catch (const YAML::Exception& error) {
    problems.push_back(problem_at(error.mark, "invalid YAML: " + error.msg));
    return std::nullopt;
  }
}

void find_duplicate_keys(const YAML::Node& node, std::vector<YamlProblem>& problems) {
  if (node.IsSequence()) {
    for (const auto& item : node) find_duplicate_keys(item, problems);
  } else if (node.IsMap()) {
    std::set<std::string> seen;
    for (const auto& entry : node) {
      if (entry.first.IsScalar() && !seen.insert(entry.first.Scalar()).second) {
        problems.push_back(
            problem_at(entry.first.Mark(), "duplicate key '" + entry.first.Scalar() + "'"));
      }
      find_duplicate_keys(entry.second, problems);
    }
  }
}

namespace {

const char* const kStringTag = "tag:yaml.org,2002:str";

bool is_core_tag(const std::string& tag) {
  // yaml-cpp gives null nodes an empty tag.
  return tag.empty() || tag == "?" || tag == "!" || tag.rfind("tag:yaml.org,2002:", 0) == 0;
}

nlohmann::json plain_scalar(const YAML::Node& node, std::vector<YamlProblem>& problems) {
  const std::string& text = node.Scalar();
  static const std::regex null_pattern("^(~|null|Null|NULL)?$");
  static const std::regex true_pattern("^(true|True|TRUE)$");
  static const std::regex false_pattern("^(false|False|FALSE)$");
  static const std::regex decimal_pattern("^[-+]?[0-9]+$");
  static const std::regex octal_pattern("^0o[0-7]+$");
  static const std::regex hex_pattern("^0x[0-9a-fA-F]+$");
  static const std::regex float_pattern("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");
  static const std::regex special_float_pattern("^([-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN))$");
  if (std::regex_match(text, null_pattern)) return nullptr;
  if (std::regex_match(text, true_pattern)) return true;
  if (std::regex_match(text, false_pattern)) return false;
  auto integer = [&](std::string_view digits, int base) -> nlohmann::json {
    bool negative = !digits.empty() && digits[0] == '-';
    if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) digits.remove_prefix(1);
    unsigned long long value = 0;
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value, base);
    if (error != std::errc() || end != digits.data() + digits.size() ||
        value > (negative ? 9223372036854775808ULL : 9223372036854775807ULL)) {
      problems.push_back(problem_at(node.Mark(), "integer '" + text + "' does not fit in 64 bits"));
      return text;
    }
    if (negative)
      return value == 9223372036854775808ULL ? INT64_MIN : -static_cast<long long>(value);
    return static_cast<long long>(value);
  };
  if (std::regex_match(text, decimal_pattern)) return integer(text, 10);
  if (std::regex_match(text, octal_pattern)) return integer(std::string_view(text).substr(2), 8);
  if (std::regex_match(text, hex_pattern)) return integer(std::string_view(text).substr(2), 16);
  if (std::regex_match(text, float_pattern)) return std::stod(text);
  if (std::regex_match(text, special_float_pattern)) {
    problems.push_back(problem_at(node.Mark(), "'" + text + "' cannot be represented in JSON"));
  }
  return text;
}

}  // namespace

nlohmann::json yaml_to_json(const YAML::Node& node, std::vector<YamlProblem>& problems) {
  const std::string& tag = node.Tag();
  if (!is_core_tag(tag)) {
    problems.push_back(problem_at(node.Mark(), "unsupported YAML tag '" + tag + "'"));
    return nullptr;
  }
  switch (node.Type()) {
    case YAML::NodeType::Sequence: {
      nlohmann::json list = nlohmann::json::array();
      for (const auto& item : node) list.push_back(yaml_to_json(item, problems));
      return list;
    }
    case YAML::NodeType::Map: {
      nlohmann::json object = nlohmann::json::object();
      for (const auto& entry : node) {
        if (!entry.first.IsScalar()) {
          problems.push_back(problem_at(entry.first.Mark(), "mapping keys must be scalars"));
          continue;
        }
        object[entry.first.Scalar()] = yaml_to_json(entry.second, problems);
      }
      return object;
    }
    case YAML::NodeType::Scalar:
      if (tag == "!" || tag == kStringTag) return node.Scalar();
      return plain_scalar(node, problems);
    default:
      return nullptr;
  }
}

}  // namespace infragen
