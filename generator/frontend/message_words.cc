#include "frontend/message_words.h"

#include <cctype>

#include "frontend/json_pointer.h"

namespace infragen {

using json = nlohmann::json;

std::string value_type_words(const json& value) {
  switch (value.type()) {
    case json::value_t::string:
      return "a string";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return "an integer";
    case json::value_t::number_float:
      return "a number";
    case json::value_t::boolean:
      return "a boolean";
    case json::value_t::object:
      return "a map";
    case json::value_t::array:
      return "a list";
    default:
      return "null";
  }
}

std::string schema_type_words(const std::string& type) {
  if (type == "string") return "a string";
  if (type == "integer") return "an integer";
  if (type == "number") return "a number";
  if (type == "boolean") return "a boolean";
  if (type == "object") return "a map";
  if (type == "array") return "a list";
  return type;
}

std::string join_words(const std::vector<std::string>& words, const std::string& joiner) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? " " + joiner + " " : ", ";
    out += words[i];
  }
  return out;
}

std::string join_list(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& word : words) out += (out.empty() ? "" : ", ") + word;
  return out;
}

std::vector<std::string> quote_each(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  for (const auto& word : words) out.push_back("'" + word + "'");
  return out;
}

std::string value_words(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  return value.dump();
}

namespace {

bool is_index(const std::string& token) {
  return !token.empty() && token.find_first_not_of("0123456789") == std::string::npos;
}

// Tokens as one dotted path, array indexes in brackets: {"build", "args"} -> "build.args".
std::string dotted(const std::vector<std::string>& tokens) {
  std::string out;
  for (const auto& token : tokens) {
    if (is_index(token) && !out.empty()) {
      out += "[" + token + "]";
    } else {
      out += (out.empty() ? "" : ".") + token;
    }
  }
  return out;
}

std::string lower_first(std::string text) {
  if (!text.empty()) text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  return text;
}

}  // namespace

std::string field_words(const std::string& pointer) {
  std::vector<std::string> tokens = split_pointer(pointer);
  if (tokens.empty()) return "the manifest";
  // An array item is named with its list: "command[1]".
  size_t first = tokens.size() - 1;
  while (first > 0 && is_index(tokens[first])) --first;
  return "'" + dotted({tokens.begin() + static_cast<long>(first), tokens.end()}) + "'";
}

std::string place_words(const SchemaTree& schema, const std::string& pointer) {
  std::vector<std::string> tokens = split_pointer(pointer);
  std::string anchor;                 // "service 'vote'"
  std::vector<std::string> relative;  // path below the anchor
  const json* node = &schema.resolve(schema.root());
  for (const auto& token : tokens) {
    const json* next = nullptr;
    bool named_entry = false;
    if (node) {
      const json& current = schema.resolve(*node);
      bool declared = current.contains("properties") && current["properties"].contains(token);
      std::vector<const json*> candidates = schema.property_schemas(current, token);
      if (!candidates.empty()) {
        next = &schema.resolve(*candidates.front());
        named_entry = !declared;
      } else if (is_index(token)) {
        next = schema.item_schema(current, std::stoul(token));
        if (next) next = &schema.resolve(*next);
      }
    }
    if (named_entry && next && next->contains("title") && (*next)["title"].is_string()) {
      anchor = lower_first((*next)["title"].get<std::string>()) + " '" + token + "'";
      relative.clear();
    } else {
      relative.push_back(token);
    }
    node = next;
  }
  if (relative.empty()) return anchor;
  std::string path = "'" + dotted(relative) + "'";
  return anchor.empty() ? path : path + " of " + anchor;
}

}  // namespace infragen
