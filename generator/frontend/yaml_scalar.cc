#include "frontend/yaml_scalar.h"

#include <cerrno>
#include <cstdlib>
#include <limits>
#include <string_view>

namespace infragen {
namespace {

using json = nlohmann::json;
using Result = std::variant<json, ScalarError>;

bool is_null_word(const std::string& s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

bool is_true_word(const std::string& s) { return s == "true" || s == "True" || s == "TRUE"; }
bool is_false_word(const std::string& s) { return s == "false" || s == "False" || s == "FALSE"; }

// The YAML 1.2 core schema's number forms, matched by hand: std::regex takes longer to compile
// these six patterns than the rest of a small manifest takes to load.
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view without_sign(std::string_view text) {
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) text.remove_prefix(1);
  return text;
}

size_t digit_run(std::string_view text, size_t from) {
  size_t end = from;
  while (end < text.size() && is_digit(text[end])) ++end;
  return end - from;
}

// [-+]?[0-9]+
bool is_decimal(std::string_view text) {
  text = without_sign(text);
  return !text.empty() && digit_run(text, 0) == text.size();
}

// 0o[0-7]+ or 0x[0-9a-fA-F]+
bool is_prefixed_digits(std::string_view text, std::string_view prefix, int base) {
  if (text.size() <= prefix.size() || text.substr(0, prefix.size()) != prefix) return false;
  for (char c : text.substr(prefix.size())) {
    const bool octal = c >= '0' && c <= '7';
    const bool hex = is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    if (!(base == 8 ? octal : hex)) return false;
  }
  return true;
}

// [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
bool is_floating(std::string_view text) {
  text = without_sign(text);
  size_t at = digit_run(text, 0);
  if (at == 0) {
    if (at >= text.size() || text[at] != '.') return false;
    const size_t fraction = digit_run(text, at + 1);
    if (fraction == 0) return false;
    at += 1 + fraction;
  } else if (at < text.size() && text[at] == '.') {
    at += 1 + digit_run(text, at + 1);
  }
  if (at < text.size() && (text[at] == 'e' || text[at] == 'E')) {
    std::string_view exponent = without_sign(text.substr(at + 1));
    return !exponent.empty() && digit_run(exponent, 0) == exponent.size();
  }
  return at == text.size();
}

// [-+]?(\.inf|\.Inf|\.INF) or \.nan|\.NaN|\.NAN
bool is_infinity_or_nan(std::string_view text) {
  if (text == ".nan" || text == ".NaN" || text == ".NAN") return true;
  text = without_sign(text);
  return text == ".inf" || text == ".Inf" || text == ".INF";
}

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

  if (is_decimal(text)) {
    bool negative = text[0] == '-';
    size_t sign = (text[0] == '-' || text[0] == '+') ? 1 : 0;
    return parse_integer(text, text.substr(sign), 10, negative);
  }
  if (is_prefixed_digits(text, "0o", 8)) return parse_integer(text, text.substr(2), 8, false);
  if (is_prefixed_digits(text, "0x", 16)) return parse_integer(text, text.substr(2), 16, false);
  if (is_floating(text)) {
    double value = std::strtod(text.c_str(), nullptr);
    if (value == std::numeric_limits<double>::infinity() ||
        value == -std::numeric_limits<double>::infinity()) {
      return ScalarError{"the number " + text + " is too large"};
    }
    return json(value);
  }
  if (is_infinity_or_nan(text)) {
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
