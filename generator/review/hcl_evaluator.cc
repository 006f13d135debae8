// Evaluation follows Terraform's semantics for the subset the generated code uses; anything
// else is "unknown" rather than guessed, so a diff never reports a value Terraform would not.
#include "review/hcl_evaluator.h"

#include <cctype>
#include <cmath>
#include <set>

namespace infragen::review {
bool is_hcl_identifier(const std::string& key) {
  if (key.empty() || !(std::isalpha(static_cast<unsigned char>(key[0])) || key[0] == '_')) {
    return false;
  }
  for (char c : key) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  }
  return true;
}

namespace {

using hcl::Expression;
using hcl::ExpressionKind;
using hcl::TemplatePart;
using hcl::Traverser;
using nlohmann::json;
using Value = std::optional<json>;

// Terraform converts numbers and bools to strings in templates and string functions.
std::optional<std::string> as_string(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number_integer() || value.is_number_unsigned()) return value.dump();
  if (value.is_number_float()) {
    double number = value.get<double>();
    if (std::floor(number) == number && std::abs(number) < 1e15) {
      return std::to_string(static_cast<long long>(number));
    }
    return value.dump();
  }
  return std::nullopt;
}

Value step_into(const json& value, const json& key) {
  if (value.is_object()) {
    auto name = as_string(key);
    if (!name || !value.contains(*name)) return std::nullopt;
    return value.at(*name);
  }
  if (value.is_array() && key.is_number()) {
    auto index = key.get<long long>();
    if (index < 0 || index >= static_cast<long long>(value.size())) return std::nullopt;
    return value.at(static_cast<std::size_t>(index));
  }
  return std::nullopt;
}

Value evaluate_root(const Expression& root, const std::vector<Traverser>& steps, std::size_t& used,
                    const HclScope& scope) {
  if (root.kind != ExpressionKind::variable) return evaluate(root, scope);
  const std::string& name = root.text;
  auto first_attribute = [&]() -> const std::string* {
    if (steps.empty() || steps[0].kind != Traverser::Kind::attribute) return nullptr;
    return &steps[0].name;
  };
  const std::string* attribute = first_attribute();
  if (!attribute) return std::nullopt;
  used = 1;
  if (name == "var") {
    if (!scope.variables || !scope.variables->contains(*attribute)) return std::nullopt;
    return scope.variables->at(*attribute);
  }
  if (name == "local") return scope.local ? scope.local(*attribute) : std::nullopt;
  if (name == "count" && *attribute == "index" && scope.count_index)
    return json(*scope.count_index);
  if (name == "each" && *attribute == "key" && scope.each_key) return scope.each_key;
  if (name == "each" && *attribute == "value" && scope.each_value) return scope.each_value;
  return std::nullopt;
}

// The value of a traversal, or whether it fails on known values (a missing key, an index into
// null): Terraform reports that as an error, which try() and can() turn into a fallback.
struct TraversalResult {
  Value value;
  bool failed = false;
};

TraversalResult walk_traversal(const Expression& expression, const HclScope& scope) {
  std::size_t used = 0;
  Value value = evaluate_root(*expression.operands[0], expression.steps, used, scope);
  for (std::size_t i = used; value && i < expression.steps.size(); ++i) {
    const Traverser& step = expression.steps[i];
    Value next;
    switch (step.kind) {
      case Traverser::Kind::attribute:
        next = step_into(*value, json(step.name));
        break;
      case Traverser::Kind::legacy_index:
        next = step_into(*value, json(std::stoll(step.name)));
        break;
      case Traverser::Kind::index: {
        Value key = evaluate(*step.key, scope);
        if (!key) return {};
        next = step_into(*value, *key);
        break;
      }
      default:
        return {};
    }
    if (!next) return {std::nullopt, true};
    value = std::move(next);
  }
  return {value, false};
}

Value evaluate_traversal(const Expression& expression, const HclScope& scope) {
  return walk_traversal(expression, scope).value;
}

bool fails(const Expression& expression, const HclScope& scope) {
  if (expression.kind == ExpressionKind::traversal) return walk_traversal(expression, scope).failed;
  if (expression.kind == ExpressionKind::parentheses) return fails(*expression.operands[0], scope);
  return false;
}

// `TYPE.NAME` written as a bare resource reference (as in length(aws_subnet.public)).
std::optional<std::string> resource_reference(const Expression& expression) {
  if (expression.kind != ExpressionKind::traversal || expression.steps.size() != 1) return {};
  const Expression& root = *expression.operands[0];
  if (root.kind != ExpressionKind::variable ||
      expression.steps[0].kind != Traverser::Kind::attribute) {
    return {};
  }
  static const std::set<std::string> kNotResources = {
      "var", "local", "count", "each", "data", "module", "path", "terraform", "self"};
  if (kNotResources.count(root.text)) return {};
  return root.text + "." + expression.steps[0].name;
}

Value evaluate_call(const Expression& expression, const HclScope& scope) {
  const std::string& name = expression.text;
  const auto& args = expression.operands;
  if (expression.expands_final_argument) return std::nullopt;
  if (name == "try") {
    for (const auto& arg : args) {
      if (fails(*arg, scope)) continue;
      return evaluate(*arg, scope);
    }
    return std::nullopt;
  }
  if (name == "can" && args.size() == 1) {
    if (fails(*args[0], scope)) return json(false);
    return evaluate(*args[0], scope) ? Value(json(true)) : std::nullopt;
  }
  if (name == "length" && args.size() == 1) {
    if (auto address = resource_reference(*args[0]); address && scope.resource_count) {
      auto count = scope.resource_count(*address);
      return count ? Value(json(*count)) : std::nullopt;
    }
    Value value = evaluate(*args[0], scope);
    if (!value) return std::nullopt;
    if (value->is_string()) return json(value->get<std::string>().size());
    if (value->is_array() || value->is_object()) return json(value->size());
    return std::nullopt;
  }
  std::vector<json> values;
  for (const auto& arg : args) {
    Value value = evaluate(*arg, scope);
    if (!value) return std::nullopt;
    values.push_back(std::move(*value));
  }
  if (name == "tostring" && values.size() == 1) {
    auto text = as_string(values[0]);
    return text ? Value(json(*text)) : std::nullopt;
  }
  if (name == "jsonencode" && values.size() == 1) return json(values[0].dump());
  if (name == "concat") {
    json out = json::array();
    for (const auto& value : values) {
      if (!value.is_array()) return std::nullopt;
      out.insert(out.end(), value.begin(), value.end());
    }
    return out;
  }
  if (name == "contains" && values.size() == 2 && values[0].is_array()) {
    for (const auto& element : values[0]) {
      if (element == values[1]) return json(true);
    }
    return json(false);
  }
  if ((name == "keys" || name == "values") && values.size() == 1 && values[0].is_object()) {
    json out = json::array();
    for (const auto& [key, element] : values[0].items()) {
      out.push_back(name == "keys" ? json(key) : element);
    }
    return out;
  }
  return std::nullopt;
}

Value evaluate_template(const std::vector<TemplatePart>& parts, const HclScope& scope) {
  // A lone interpolation keeps its value's type, as in Terraform.
  if (parts.size() == 1 && parts[0].kind == TemplatePart::Kind::interpolation) {
    return evaluate(*parts[0].expression, scope);
  }
  std::string out;
  for (const auto& part : parts) {
    if (part.kind == TemplatePart::Kind::literal) {
      out += part.text;
    } else if (part.kind == TemplatePart::Kind::interpolation) {
      Value value = evaluate(*part.expression, scope);
      auto text = value ? as_string(*value) : std::nullopt;
      if (!text) return std::nullopt;
      out += *text;
    } else {
      return std::nullopt;
    }
  }
  return json(out);
}

Value arithmetic(const std::string& op, const json& left, const json& right) {
  if (!left.is_number() || !right.is_number()) return std::nullopt;
  bool integers = left.is_number_integer() && right.is_number_integer();
  double a = left.get<double>();
  double b = right.get<double>();
  double result = 0;
  if (op == "+") result = a + b;
  if (op == "-") result = a - b;
  if (op == "*") result = a * b;
  if (op == "/") {
    if (b == 0) return std::nullopt;
    result = a / b;
    integers = integers && std::floor(result) == result;
  }
  if (op == "%") {
    if (b == 0) return std::nullopt;
    result = std::fmod(a, b);
  }
  if (op == "<") return json(a < b);
  if (op == ">") return json(a > b);
  if (op == "<=") return json(a <= b);
  if (op == ">=") return json(a >= b);
  if (integers) return json(static_cast<long long>(result));
  return json(result);
}

Value evaluate_binary(const Expression& expression, const HclScope& scope) {
  const std::string& op = expression.text;
  Value left = evaluate(*expression.operands[0], scope);
  // Terraform evaluates both sides, but a known false/true decides && and || alone.
  if (op == "&&" && left && left->is_boolean() && !left->get<bool>()) return json(false);
  if (op == "||" && left && left->is_boolean() && left->get<bool>()) return json(true);
  Value right = evaluate(*expression.operands[1], scope);
  if (!left || !right) return std::nullopt;
  if (op == "==") return json(*left == *right);
  if (op == "!=") return json(*left != *right);
  if (op == "&&" || op == "||") {
    if (!left->is_boolean() || !right->is_boolean()) return std::nullopt;
    return json(op == "&&" ? left->get<bool>() && right->get<bool>()
                           : left->get<bool>() || right->get<bool>());
  }
  return arithmetic(op, *left, *right);
}

std::string source_text(const Expression& expression, const HclScope& scope) {
  std::size_t begin = expression.range.start.byte;
  std::size_t end = expression.range.end.byte;
  if (end > scope.source.size() || begin > end) return "?";
  // One line: collapse the layout of multi-line constructs.
  std::string out;
  bool space = false;
  for (char c : scope.source.substr(begin, end - begin)) {
    if (c == '\n' || c == '\r' || c == ' ' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string render_parts(const std::vector<TemplatePart>& parts, const HclScope& scope) {
  std::string out = "\"";
  for (const auto& part : parts) {
    if (part.kind == TemplatePart::Kind::literal) {
      std::string quoted = json(part.text).dump();
      out += quoted.substr(1, quoted.size() - 2);
    } else if (part.kind == TemplatePart::Kind::interpolation) {
      Value value = evaluate(*part.expression, scope);
      auto text = value ? as_string(*value) : std::nullopt;
      out += text ? *text : "${" + render(*part.expression, scope) + "}";
    } else {
      out += "%{...}";
    }
  }
  return out + "\"";
}

}  // namespace

std::string literal_text(const json& value) {
  if (value.is_array()) {
    std::string out = "[";
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (i) out += ", ";
      out += literal_text(value[i]);
    }
    return out + "]";
  }
  if (value.is_object()) {
    if (value.empty()) return "{}";
    std::string out = "{ ";
    bool first = true;
    for (const auto& [key, element] : value.items()) {
      if (!first) out += ", ";
      first = false;
      out += (is_hcl_identifier(key) ? key : json(key).dump()) + " = " + literal_text(element);
    }
    return out + " }";
  }
  if (value.is_number_float()) {
    if (auto text = as_string(value)) return *text;
  }
  return value.dump();
}

std::optional<json> evaluate(const Expression& expression, const HclScope& scope) {
  switch (expression.kind) {
    case ExpressionKind::literal:
      if (expression.text == "true") return json(true);
      if (expression.text == "false") return json(false);
      if (expression.text == "null") return json(nullptr);
      {
        // HCL number literals are JSON numbers (digits, fraction, exponent).
        json number = json::parse(expression.text, nullptr, false);
        return number.is_discarded() ? Value() : Value(std::move(number));
      }
    case ExpressionKind::template_text:
      return evaluate_template(expression.parts, scope);
    case ExpressionKind::traversal:
      return evaluate_traversal(expression, scope);
    case ExpressionKind::function_call:
      return evaluate_call(expression, scope);
    case ExpressionKind::tuple: {
      json out = json::array();
      for (const auto& element : expression.operands) {
        Value value = evaluate(*element, scope);
        if (!value) return std::nullopt;
        out.push_back(std::move(*value));
      }
      return out;
    }
    case ExpressionKind::object: {
      json out = json::object();
      for (const auto& item : expression.items) {
        std::optional<std::string> key;
        if (item.key_is_bare_name && item.key->kind == ExpressionKind::variable) {
          key = item.key->text;
        } else if (Value value = evaluate(*item.key, scope)) {
          key = as_string(*value);
        }
        Value value = evaluate(*item.value, scope);
        if (!key || !value) return std::nullopt;
        out[*key] = std::move(*value);
      }
      return out;
    }
    case ExpressionKind::conditional: {
      Value condition = evaluate(*expression.operands[0], scope);
      if (!condition || !condition->is_boolean()) return std::nullopt;
      return evaluate(*expression.operands[condition->get<bool>() ? 1 : 2], scope);
    }
    case ExpressionKind::binary:
      return evaluate_binary(expression, scope);
    case ExpressionKind::unary: {
      Value operand = evaluate(*expression.operands[0], scope);
      if (!operand) return std::nullopt;
      if (expression.text == "!" && operand->is_boolean()) return json(!operand->get<bool>());
      if (expression.text == "-" && operand->is_number()) return arithmetic("-", json(0), *operand);
      return std::nullopt;
    }
    case ExpressionKind::parentheses:
      return evaluate(*expression.operands[0], scope);
    default:
      return std::nullopt;
  }
}

std::string render(const Expression& expression, const HclScope& scope) {
  if (Value value = evaluate(expression, scope)) return literal_text(*value);
  auto list = [&](const std::vector<hcl::ExpressionPtr>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i) out += ", ";
      out += render(*items[i], scope);
    }
    return out;
  };
  switch (expression.kind) {
    case ExpressionKind::variable:
      return expression.text;
    case ExpressionKind::traversal: {
      std::string out = render(*expression.operands[0], scope);
      for (const auto& step : expression.steps) {
        switch (step.kind) {
          case Traverser::Kind::attribute:
            out += "." + step.name;
            break;
          case Traverser::Kind::legacy_index:
            out += "." + step.name;
            break;
          case Traverser::Kind::index:
            out += "[" + render(*step.key, scope) + "]";
            break;
          case Traverser::Kind::attribute_splat:
            out += ".*";
            break;
          case Traverser::Kind::full_splat:
            out += "[*]";
            break;
        }
      }
      return out;
    }
    case ExpressionKind::function_call:
      return expression.text + "(" + list(expression.operands) +
             (expression.expands_final_argument ? "...)" : ")");
    case ExpressionKind::tuple:
      return "[" + list(expression.operands) + "]";
    case ExpressionKind::object: {
      std::string out = "{ ";
      for (std::size_t i = 0; i < expression.items.size(); ++i) {
        const auto& item = expression.items[i];
        if (i) out += ", ";
        std::string key = item.key_is_bare_name && item.key->kind == ExpressionKind::variable
                              ? item.key->text
                              : render(*item.key, scope);
        out += key + " = " + render(*item.value, scope);
      }
      return out + " }";
    }
    case ExpressionKind::conditional:
      return render(*expression.operands[0], scope) + " ? " +
             render(*expression.operands[1], scope) + " : " +
             render(*expression.operands[2], scope);
    case ExpressionKind::binary:
      return render(*expression.operands[0], scope) + " " + expression.text + " " +
             render(*expression.operands[1], scope);
    case ExpressionKind::unary:
      return expression.text + render(*expression.operands[0], scope);
    case ExpressionKind::parentheses:
      return "(" + render(*expression.operands[0], scope) + ")";
    case ExpressionKind::template_text:
      if (!expression.is_heredoc) return render_parts(expression.parts, scope);
      return source_text(expression, scope);
    default:
      return source_text(expression, scope);
  }
}

}  // namespace infragen::review
