#include "frontend/yaml_scalar.h"

#include <cerrno>
#include <cstdlib>
#include <limits>
#include <regex>

namespace infragen {
namespace {

using json = nlohmann::json;
using Result = std::variant<json, ScalarError>;

bool is_null_word(const std::string& s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

bool is_true_word(const std::string& s) { return s == "true" || s == "True" || s == "TRUE"; }
bool is_false_word(const std::string& s) { return s == "false" || s == "False" || s == "FALSE"; }

// Parses the digits of `text` (after any prefix) in `base`; fails when they overflow int64.
Result parse_integer(const std::string& text, const std::string& digits, int base, bool negative) {
  errno = 0;
  char* end = nullptr;
  unsigned long long magnitude = std::strtoull(digits.c_str(), &end, base);
  const unsigned long long limit =
      static_cast<unsigned long long>(std::numeric_limits<long long>::max()) + (negative ? 1 : 0);
  if (errno == ERANGE || magnitude > limit) {
    return ScalarError{"the number " + text + " is too large (integers must fit in 64 bits)"};
  }
  if (negative) {
    // -(limit) is representable only through unsigned arithmetic; the cast is exact.
    return json(static_cast<long long>(0ULL - magnitude));
  }
  return json(static_cast<long long>(magnitude));
}

}  // namespace

Result resolve_plain_scalar(const std::string& text) {
  if (is_null_word(text)) return json(nullptr);
  if (is_true_word(text)) return json(true);
  if (is_false_word(text)) return json(false);

  static const std::regex decimal("[-+]?[0-9]+");
  static const std::regex octal("0o[0-7]+");
  static const std::regex hexadecimal("0x[0-9a-fA-F]+");
  static const std::regex floating("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  static const std::regex infinity("[-+]?(\\.inf|\\.Inf|\\.INF)");
  static const std::regex not_a_number("\\.nan|\\.NaN|\\.NAN");

  if (std::regex_match(text, decimal)) {
    bool negative = text[0] == '-';
    size_t sign = (text[0] == '-' || text[0] == '+') ? 1 : 0;
    return parse_integer(text, text.substr(sign), 10, negative);
  }
  if (std::regex_match(text, octal)) return parse_integer(text, text.substr(2), 8, false);
  if (std::regex_match(text, hexadecimal)) return parse_integer(text, text.substr(2), 16, false);
  if (std::regex_match(text, floating)) {
    double value = std::strtod(text.c_str(), nullptr);
    if (value == std::numeric_limits<double>::infinity() ||
        value == -std::numeric_limits<double>::infinity()) {
      return ScalarError{"the number " + text + " is too large"};
    }
    return json(value);
  }
  if (std::regex_match(text, infinity) || std::regex_match(text, not_a_number)) {
    return ScalarError{"'" + text + "' (infinity or not-a-number) cannot be used in a manifest"};
  }
  return json(text);
}

Result resolve_tagged_scalar(const std::string& tag, const std::string& text) {
  const std::string prefix = "tag:yaml.org,2002:";
  std::string kind = tag.rfind(prefix, 0) == 0 ? tag.substr(prefix.size()) : tag;
  if (kind == "str") return json(text);
  Result plain = resolve_plain_scalar(text);
  if (std::holds_alternative<ScalarError>(plain)) return plain;
  const json& value = std::get<json>(plain);
  bool fits = (kind == "null" && value.is_null()) || (kind == "bool" && value.is_boolean()) ||
              (kind == "int" && value.is_number_integer()) ||
              (kind == "float" && value.is_number());
  if (fits) {
    if (kind == "float") return json(value.get<double>());
    return plain;
  }
  if (kind == "null" || kind == "bool" || kind == "int" || kind == "float") {
    return ScalarError{"'" + text + "' is not a valid !!" + kind};
  }
  return ScalarError{"unsupported YAML tag '" + tag + "'"};
}

}  // namespace infragen
