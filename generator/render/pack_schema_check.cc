#include "render/pack_schema_check.h"

#include <cstdio>
#include <memory>
#include <mutex>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include "diagnostics/suggest.h"
#include "render/pack.h"

namespace infragen {
namespace {

using nlohmann::json;

const json& schema_json() {
  static const json schema = json::parse(pack_schema_text());
  return schema;
}

const valijson::Schema& compiled_schema() {
  static const std::unique_ptr<valijson::Schema> schema = [] {
    auto parsed = std::make_unique<valijson::Schema>();
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter adapter(schema_json());
    parser.populateSchema(adapter, *parsed);
    return parsed;
  }();
  return *schema;
}

// A valijson error position ("<root>", "[formats]", "[0]") as a JSON pointer and the values it
// passes through, so that the schema node of the value can be found too.
struct ErrorPosition {
  std::string pointer;
  const json* value = nullptr;
  const json* schema = nullptr;  // the subschema the value is checked against, if known
};

const json* resolve_ref(const json* schema) {
  while (schema && schema->is_object() && schema->contains("$ref")) {
    std::string ref = (*schema)["$ref"].get<std::string>();
    const std::string prefix = "#/definitions/";
    if (ref.rfind(prefix, 0) != 0) return nullptr;
    schema = &schema_json()["definitions"][ref.substr(prefix.size())];
  }
  return schema;
}

const json* child_schema(const json* schema, const json& parent, const std::string& token) {
  schema = resolve_ref(schema);
  if (!schema || !schema->is_object()) return nullptr;
  if (parent.is_array()) {
    return schema->contains("items") ? resolve_ref(&(*schema)["items"]) : nullptr;
  }
  if (schema->contains("properties") && (*schema)["properties"].contains(token)) {
    return resolve_ref(&(*schema)["properties"][token]);
  }
  if (schema->contains("additionalProperties") && (*schema)["additionalProperties"].is_object()) {
    return resolve_ref(&(*schema)["additionalProperties"]);
  }
  return nullptr;
}

ErrorPosition locate(const json& root, const std::vector<std::string>& context) {
  ErrorPosition position;
  position.value = &root;
  position.schema = &schema_json();
  for (size_t i = 1; i < context.size(); ++i) {
    std::string token = context[i].substr(1, context[i].size() - 2);
    const json& parent = *position.value;
    position.schema = child_schema(position.schema, parent, token);
    position.pointer = pointer_child(position.pointer, token);
    if (parent.is_array()) {
      position.value = &parent.at(std::stoul(token));
    } else if (parent.is_object() && parent.contains(token)) {
      position.value = &parent[token];
    } else {
      break;
    }
  }
  return position;
}

std::string kind_of(const json& value) {
  switch (value.type()) {
    case json::value_t::object:
      return "a mapping";
    case json::value_t::array:
      return "a list";
    case json::value_t::string:
      return "a string";
    case json::value_t::boolean:
      return "a boolean";
    case json::value_t::null:
      return "nothing";
    default:
      return "a number";
  }
}

std::string expected_kind(const json* schema) {
  if (!schema || !schema->contains("type")) return "another type";
  static const std::map<std::string, std::string> names = {
      {"object", "a mapping"},  {"array", "a list"},       {"string", "a string"},
      {"boolean", "a boolean"}, {"integer", "an integer"}, {"number", "a number"}};
  const json& type = (*schema)["type"];
  if (type.is_string()) return names.at(type.get<std::string>());
  std::string joined;
  for (const auto& one : type)
    joined += (joined.empty() ? "" : " or ") + names.at(one.get<std::string>());
  return joined;
}

std::string quoted_value(const json& value) {
  return value.is_string() ? "'" + value.get<std::string>() + "'" : value.dump();
}

std::string between_quotes(const std::string& text) {
  size_t first = text.find('\'');
  size_t last = text.rfind('\'');
  if (first == std::string::npos || last <= first) return {};
  return text.substr(first + 1, last - first - 1);
}

std::vector<std::string> keys_of(const json* schema, const std::string& member) {
  std::vector<std::string> keys;
  if (schema && schema->contains(member)) {
    for (const auto& [key, unused] : (*schema)[member].items()) keys.push_back(key);
  }
  return keys;
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

void report(const MarkedDocument& document, const valijson::ValidationResults::Error& error,
            Diagnostics& diagnostics) {
  ErrorPosition at = locate(document.root, error.context);
  const std::string& text = error.description;
  const json* schema = resolve_ref(at.schema);
  SourceLocation where = document.value_at(at.pointer);
  std::string field =
      at.pointer.empty() ? "pack.yaml" : "'" + at.pointer.substr(at.pointer.rfind('/') + 1) + "'";
  if (text.rfind("Object contains a property that could not be validated", 0) == 0) {
    std::string key = between_quotes(text.substr(text.find(':')));
    std::vector<std::string> allowed = keys_of(schema, "properties");
    std::string hint = did_you_mean(key, allowed);
    if (hint.empty()) hint = "allowed fields: " + joined(allowed);
    diagnostics.error(document.key_at(pointer_child(at.pointer, key)),
                      "unknown field '" + key + "'", hint);
  } else if (text.rfind("Missing required property", 0) == 0) {
    diagnostics.error(where, "missing required field '" + between_quotes(text) + "'");
  } else if (text.rfind("Value type not permitted", 0) == 0) {
    diagnostics.error(where, "expected " + expected_kind(schema) + ", found " + kind_of(*at.value));
  } else if (text.rfind("Failed to match against any enum values", 0) == 0) {
    std::vector<std::string> allowed;
    for (const auto& one : (*schema)["enum"]) allowed.push_back(one.get<std::string>());
    std::string hint =
        at.value->is_string() ? did_you_mean(at.value->get<std::string>(), allowed) : "";
    diagnostics.error(
        where, "invalid value " + quoted_value(*at.value) + "; expected one of: " + joined(allowed),
        hint);
  } else if (text.rfind("Failed to match regex", 0) == 0) {
    std::string pattern =
        schema && schema->contains("pattern") ? (*schema)["pattern"].get<std::string>() : "";
    diagnostics.error(where, "invalid value " + quoted_value(*at.value),
                      "it must match " + pattern);
  } else if (text.find("no fewer than 1 ") != std::string::npos) {
    diagnostics.error(where, field + " must not be empty");
  } else if (text.rfind("Elements at indexes", 0) == 0) {
    unsigned first = 0, second = 0;
    if (std::sscanf(text.c_str(), "Elements at indexes #%u and #%u", &first, &second) == 2 &&
        at.value->is_array() && second < at.value->size()) {
      diagnostics.error(document.value_at(at.pointer + "/" + std::to_string(second)),
                        "duplicate entry " + quoted_value((*at.value)[second]));
    } else {
      diagnostics.error(where, text);
    }
  } else {
    diagnostics.error(where, text);
  }
}

// Errors that only say that something below failed; the error below is reported instead.
bool is_summary(const std::string& description) {
  return description.rfind("Failed to validate item", 0) == 0 ||
         description.rfind("Failed to validate against schema associated with", 0) == 0 ||
         description.rfind("Failed to validate against additional properties", 0) == 0;
}

}  // namespace

bool check_pack_schema(const MarkedDocument& document, Diagnostics& diagnostics) {
  // One validator for every pack: it keeps each `pattern`'s compiled std::regex (compiling them
  // again per pack cost more than the validation). Its cache is not thread-safe.
  static std::mutex validator_lock;
  static valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(document.root);
  bool valid;
  {
    std::lock_guard<std::mutex> hold(validator_lock);
    valid = validator.validate(compiled_schema(), target, &results);
  }
  if (valid) return true;
  valijson::ValidationResults::Error error;
  bool reported = false;
  while (results.popError(error)) {
    if (is_summary(error.description)) continue;
    report(document, error, diagnostics);
    reported = true;
  }
  if (!reported)
    diagnostics.error(document.value_at(""), "pack.yaml does not match the pack schema");
  return false;
}

}  // namespace infragen
