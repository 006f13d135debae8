#include "formats/pretty_json.h"

#include <charconv>

namespace infragen {

using nlohmann::json;

namespace {

// Whether nlohmann prints `text` between quotes as it is: no byte it escapes or decodes.
bool plain_ascii(const std::string& text) {
  unsigned char any_special = 0;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    any_special |= static_cast<unsigned char>(byte < 0x20 || byte >= 0x7F || c == '"' || c == '\\');
  }
  return any_special == 0;
}

template <typename Integer>
void append_integer(std::string& out, Integer value) {
  char digits[24];
  const auto [end, error] = std::to_chars(digits, digits + sizeof digits, value);
  (void)error;  // 24 characters hold any 64-bit integer
  out.append(digits, end);
}

void append_value(std::string& out, const json& value, int depth) {
  switch (value.type()) {
    case json::value_t::null:
      out += "null";
      return;
    case json::value_t::boolean:
      out += value.get<bool>() ? "true" : "false";
      return;
    case json::value_t::number_integer:
      append_integer(out, value.get<json::number_integer_t>());
      return;
    case json::value_t::number_unsigned:
      append_integer(out, value.get<json::number_unsigned_t>());
      return;
    case json::value_t::string:
      append_json_string(out, value.get_ref<const std::string&>());
      return;
    case json::value_t::object: {
      const auto& object = value.get_ref<const json::object_t&>();
      if (object.empty()) {
        out += "{}";
        return;
      }
      out += '{';
      bool first = true;
      for (const auto& [key, child] : object) {
        out += first ? "\n" : ",\n";
        first = false;
        out.append(static_cast<size_t>(depth + 2), ' ');
        append_json_string(out, key);
        out += ": ";
        append_value(out, child, depth + 2);
      }
      out += '\n';
      out.append(static_cast<size_t>(depth), ' ');
      out += '}';
      return;
    }
    case json::value_t::array: {
      const auto& array = value.get_ref<const json::array_t&>();
      if (array.empty()) {
        out += "[]";
        return;
      }
      out += '[';
      bool first = true;
      for (const json& child : array) {
        out += first ? "\n" : ",\n";
        first = false;
        out.append(static_cast<size_t>(depth + 2), ' ');
        append_value(out, child, depth + 2);
      }
      out += '\n';
      out.append(static_cast<size_t>(depth), ' ');
      out += ']';
      return;
    }
    default:
      out += value.dump();  // floats, binary, discarded: printed alone as nested
      return;
  }
}

}  // namespace

void append_json_string(std::string& out, const std::string& text) {
  if (!plain_ascii(text)) {
    out += json(text).dump();
    return;
  }
  out += '"';
  out += text;
  out += '"';
}

void append_pretty_json(std::string& out, const json& value, int depth) {
  append_value(out, value, depth);
}

}  // namespace infragen
