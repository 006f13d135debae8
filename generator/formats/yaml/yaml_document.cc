#include "formats/yaml/yaml_document.h"

#include <charconv>
#include <initializer_list>
#include <set>
#include <string_view>

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

bool one_of(std::string_view text, std::initializer_list<std::string_view> words) {
  for (std::string_view word : words) {
    if (text == word) return true;
  }
  return false;
}

bool all_of(std::string_view text, bool (*accepted)(char)) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!accepted(c)) return false;
  }
  return true;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_octal_digit(char c) { return c >= '0' && c <= '7'; }
bool is_hex_digit(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

std::string_view without_sign(std::string_view text) {
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) text.remove_prefix(1);
  return text;
}

// [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
bool is_core_float(std::string_view text) {
  text = without_sign(text);
  size_t i = 0;
  auto digits = [&] {
    size_t start = i;
    while (i < text.size() && is_digit(text[i])) ++i;
    return i - start;
  };
  if (i < text.size() && text[i] == '.') {
    ++i;
    if (digits() == 0) return false;
  } else {
    if (digits() == 0) return false;
    if (i < text.size() && text[i] == '.') {
      ++i;
      digits();
    }
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
    if (digits() == 0) return false;
  }
  return i == text.size();
}

}  // namespace

// Hand-written matchers rather than std::regex: a template has thousands of scalars, and
// std::regex costs microseconds each. A view: read_simple_yaml's scalars are copied once, into
// their value.
nlohmann::json core_plain_scalar(std::string_view text, std::string& problem) {
  // Most scalars are names: only these characters start a null, a boolean or a number.
  if (!text.empty() &&
      std::string_view("~nNtTfF0123456789+-.").find(text[0]) == std::string_view::npos) {
    return std::string(text);
  }
  if (one_of(text, {"", "~", "null", "Null", "NULL"})) return nullptr;
  if (one_of(text, {"true", "True", "TRUE"})) return true;
  if (one_of(text, {"false", "False", "FALSE"})) return false;
  auto integer = [&](std::string_view digits, int base) -> nlohmann::json {
    bool negative = !digits.empty() && digits[0] == '-';
    digits = without_sign(digits);
    unsigned long long value = 0;
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value, base);
    if (error != std::errc() || end != digits.data() + digits.size() ||
        value > (negative ? 9223372036854775808ULL : 9223372036854775807ULL)) {
      problem = "integer '" + std::string(text) + "' does not fit in 64 bits";
      return std::string(text);
    }
    if (negative)
      return value == 9223372036854775808ULL ? INT64_MIN : -static_cast<long long>(value);
    return static_cast<long long>(value);
  };
  const std::string_view view = text;
  if (all_of(without_sign(view), is_digit)) return integer(view, 10);
  if (view.rfind("0o", 0) == 0 && all_of(view.substr(2), is_octal_digit)) {
    return integer(view.substr(2), 8);
  }
  if (view.rfind("0x", 0) == 0 && all_of(view.substr(2), is_hex_digit)) {
    return integer(view.substr(2), 16);
  }
  if (is_core_float(view)) return std::stod(std::string(text));
  const std::string_view magnitude = without_sign(view);
  if (one_of(magnitude, {".inf", ".Inf", ".INF"}) || one_of(view, {".nan", ".NaN", ".NAN"})) {
    problem = "'" + std::string(text) + "' cannot be represented in JSON";
  }
  return std::string(text);
}

namespace {

nlohmann::json plain_scalar(const YAML::Node& node, std::vector<YamlProblem>& problems) {
  std::string problem;
  nlohmann::json value = core_plain_scalar(node.Scalar(), problem);
  if (!problem.empty()) problems.push_back(problem_at(node.Mark(), problem));
  return value;
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
