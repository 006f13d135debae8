#include "render/value_escaping.h"

#include <cstdio>

namespace infragen {
namespace {

std::string hex_escape(const char* format, unsigned char c) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, format, static_cast<unsigned>(c));
  return buffer;
}

// Whether `value` has none of the bytes an escaper changes: ASCII control characters, DEL,
// '"', '\\', and `also` (every printed value is escaped, and nearly all need nothing).
bool nothing_to_escape(std::string_view value, std::string_view also) {
  for (const char c : value) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f || c == '"' || c == '\\' ||
        also.find(c) != std::string_view::npos) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string escape_hcl_string(std::string_view value) {
  if (nothing_to_escape(value, "$%")) return std::string(value);
  std::string out;
  out.reserve(value.size());
  for (size_t i = 0; i < value.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(value[i]);
    bool opens_template = i + 1 < value.size() && value[i + 1] == '{';
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '$':
        out += opens_template ? "$$" : "$";
        break;
      case '%':
        out += opens_template ? "%%" : "%";
        break;
      default:
        out +=
            c < 0x20 || c == 0x7f ? hex_escape("\\u%04x", c) : std::string(1, static_cast<char>(c));
    }
  }
  return out;
}

std::string escape_json_string(std::string_view value) {
  if (nothing_to_escape(value, {})) return std::string(value);
  std::string out;
  out.reserve(value.size());
  for (char character : value) {
    unsigned char c = static_cast<unsigned char>(character);
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        out += c < 0x20 ? hex_escape("\\u%04x", c) : std::string(1, character);
    }
  }
  return out;
}

std::string escape_yaml_double_quoted(std::string_view value) {
  if (nothing_to_escape(value, "\xc2\xe2")) return std::string(value);
  std::string out;
  out.reserve(value.size());
  for (size_t i = 0; i < value.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(value[i]);
    std::string_view rest = value.substr(i);
    if (rest.starts_with("\xc2\x85")) {
      out += "\\N";
      ++i;
      continue;
    }
    if (rest.starts_with("\xe2\x80\xa8") || rest.starts_with("\xe2\x80\xa9")) {
      out += rest[2] == '\xa8' ? "\\L" : "\\P";
      i += 2;
      continue;
    }
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\0':
        out += "\\0";
        break;
      case '\a':
        out += "\\a";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\v':
        out += "\\v";
        break;
      case '\f':
        out += "\\f";
        break;
      case 0x1b:
        out += "\\e";
        break;
      default:
        out +=
            c < 0x20 || c == 0x7f ? hex_escape("\\x%02x", c) : std::string(1, static_cast<char>(c));
    }
  }
  return out;
}

std::function<std::string(const std::string&)> escaper_for_kind(const std::string& kind) {
  if (kind == "hcl") return [](const std::string& value) { return escape_hcl_string(value); };
  if (kind == "json" || kind == "cloudformation") {
    return [](const std::string& value) { return escape_json_string(value); };
  }
  if (kind == "yaml")
    return [](const std::string& value) { return escape_yaml_double_quoted(value); };
  return [](const std::string& value) { return value; };
}

}  // namespace infragen
