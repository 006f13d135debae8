#include "frontend/schema_defaults.h"

namespace infragen {
namespace {

using json = nlohmann::json;

void fill(const SchemaTree& schema, const json& schema_node, json& value, int depth) {
  // A recursive schema with recursive defaults would never end; manifests are shallow.
  if (depth > 64) return;
  const json& node = schema.resolve(schema_node);
  if (!node.is_object()) return;
  if (value.is_object()) {
    if (auto properties = node.find("properties");
        properties != node.end() && properties->is_object()) {
      for (const auto& [name, property] : properties->items()) {
        if (value.contains(name)) continue;
        const json& resolved = schema.resolve(property);
        if (resolved.is_object() && resolved.contains("default")) value[name] = resolved["default"];
      }
    }
    for (auto& [key, child] : value.items()) {
      for (const json* property : schema.property_schemas(node, key)) {
        fill(schema, *property, child, depth + 1);
      }
    }
  } else if (value.is_array()) {
    for (size_t index = 0; index < value.size(); ++index) {
      if (const json* item = schema.item_schema(node, index)) {
        fill(schema, *item, value[index], depth + 1);
      }
    }
  }
  if (auto all = node.find("allOf"); all != node.end() && all->is_array()) {
    for (const auto& part : *all) fill(schema, part, value, depth + 1);
  }
}

}  // namespace

void fill_schema_defaults(const SchemaTree& schema, json& value) {
  fill(schema, schema.root(), value, 0);
}

}  // namespace infragen
