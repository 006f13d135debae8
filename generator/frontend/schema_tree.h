// Navigation in a JSON Schema document: which subschema applies to a property, an item, a path.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace infragen {

// A JSON Schema (draft-07) kept as JSON, with the lookups the front end needs to phrase
// messages and fill defaults. Subschemas are returned as pointers into the tree.
class SchemaTree {
 public:
  explicit SchemaTree(nlohmann::json root);

  const nlohmann::json& root() const { return root_; }

  // `node` with its "$ref" (local "#/..." references only) followed, repeatedly.
  const nlohmann::json& resolve(const nlohmann::json& node) const;

  // The subschemas that apply to property `name` of an object described by `node`:
  // properties[name] and every matching patternProperties entry, or else
  // additionalProperties when it is a schema. Empty when the property is not allowed
  // or anything goes.
  std::vector<const nlohmann::json*> property_schemas(const nlohmann::json& node,
                                                      const std::string& name) const;

  // The subschema for item `index` of an array described by `node`, or nullptr.
  const nlohmann::json* item_schema(const nlohmann::json& node, size_t index) const;

  // The names under `properties` of `node` (its known fields), in schema order.
  std::vector<std::string> property_names(const nlohmann::json& node) const;

  // Whether `node` allows property `name` at all (properties, patternProperties or a
  // permissive additionalProperties).
  bool allows_property(const nlohmann::json& node, const std::string& name) const;

  // The subschema reached from the root by following the object keys and array indexes of
  // `tokens` (a pointer's tokens), or nullptr when the path leaves the schema. Where several
  // subschemas apply, the first is followed; allOf parts are searched for properties.
  const nlohmann::json* schema_at(const std::vector<std::string>& tokens) const;

 private:
  nlohmann::json root_;
};

// Whether `text` matches the ECMAScript regular expression `pattern` anywhere (JSON Schema
// patterns are not anchored unless they say so).
bool schema_pattern_matches(const std::string& pattern, const std::string& text);

}  // namespace infragen
