// Decoding and encoding of string escapes.
#include "formats/hcl/string_literal.h"

#include <fmt/format.h>

#include "formats/hcl/unicode_text.h"

namespace infragen::hcl {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes \u / \U at `raw[at]` (the backslash); returns the escape's length or 0.
std::size_t decode_unicode_escape(std::string_view raw, std::size_t at, std::string& decoded,
                                  EscapeError& error) {
  const std::size_t digits = raw[at + 1] == 'u' ? 4 : 8;
  char32_t value = 0;
  for (std::size_t i = 0; i < digits; ++i) {
    int digit = at + 2 + i < raw.size() ? hex_value(raw[at + 2 + i]) : -1;
    if (digit < 0) {
      error = {at, fmt::format("invalid escape sequence: \\{} must be followed by {} hexadecimal "
                               "digits",
                               raw[at + 1], digits)};
      return 0;
    }
    value = value * 16 + static_cast<char32_t>(digit);
  }
  if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    error = {at, fmt::format("invalid escape sequence: cannot encode character U+{:04X} in UTF-8",
                             static_cast<unsigned>(value))};
    return 0;
  }
  append_utf8(decoded, value);
  return 2 + digits;
}

}  // namespace

bool decode_template_literal(std::string_view raw, bool quoted, std::string& decoded,
                             EscapeError& error) {
  decoded.clear();
  decoded.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size();) {
    const char c = raw[i];
    if ((c == '$' || c == '%') && i + 2 < raw.size() && raw[i + 1] == c && raw[i + 2] == '{') {
      decoded += c;
      decoded += '{';
      i += 3;
      continue;
    }
    if (c != '\\' || !quoted) {
      decoded += c;
      ++i;
      continue;
    }
    if (i + 1 >= raw.size()) {
      error = {i, "invalid escape sequence: a backslash must be followed by an escape character"};
      return false;
    }
    switch (raw[i + 1]) {
      case 'n':
        decoded += '\n';
        break;
      case 'r':
        decoded += '\r';
        break;
      case 't':
        decoded += '\t';
        break;
      case '"':
        decoded += '"';
        break;
      case '\\':
        decoded += '\\';
        break;
      case 'u':
      case 'U': {
        std::size_t length = decode_unicode_escape(raw, i, decoded, error);
        if (length == 0) return false;
        i += length;
        continue;
      }
      default: {
        DecodedChar selector = decode_utf8(raw, i + 1);
        std::string shown(raw.substr(i + 1, selector.length == 0 ? 1 : selector.length));
        error = {i, fmt::format("invalid escape sequence \\{}: use \\n, \\r, \\t, \\\", \\\\, "
                                "\\uNNNN or \\UNNNNNNNN",
                                shown)};
        return false;
      }
    }
    i += 2;
  }
  return true;
}

std::string quote_string_body(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (std::size_t i = 0; i < value.size();) {
    DecodedChar decoded = decode_utf8(value, i);
    if (!is_scalar_value(decoded)) {
      // HCL's scanner accepts any sequence of UTF-8's shape, but hclwrite re-quotes a label
      // rune by rune as Go decodes it: an overlong form, a surrogate or a code point past
      // U+10FFFF is one U+FFFD per byte (and `\udxxx` would not parse back).
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    const char32_t c = decoded.code_point;
    const bool brace_follows =
        i + decoded.length < value.size() && value[i + decoded.length] == '{';
    switch (c) {
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '$':
      case '%':
        out += static_cast<char>(c);
        if (brace_follows) out += static_cast<char>(c);
        break;
      default:
        if (!is_printable(c)) {
          out += c < 0x10000 ? fmt::format("\\u{:04x}", static_cast<unsigned>(c))
                             : fmt::format("\\U{:08x}", static_cast<unsigned>(c));
        } else {
          out.append(value.substr(i, decoded.length));
        }
    }
    i += decoded.length;
  }
  return out;
}

}  // namespace infragen::hcl
