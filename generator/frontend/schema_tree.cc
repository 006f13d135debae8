#include "frontend/schema_tree.h"

#include <map>
#include <mutex>
#include <regex>

#include "frontend/json_pointer.h"

namespace infragen {

using json = nlohmann::json;

SchemaTree::SchemaTree(json root) : root_(std::move(root)) {}

const json& SchemaTree::resolve(const json& node) const {
  const json* current = &node;
  // A reference cycle ("a" -> "b" -> "a") would loop forever; schemas never need this many hops.
  for (int hops = 0; hops < 32; ++hops) {
    if (!current->is_object()) return *current;
    auto ref = current->find("$ref");
    if (ref == current->end() || !ref->is_string()) return *current;
    const std::string& target = ref->get_ref<const std::string&>();
    if (target.rfind("#", 0) != 0) return *current;
    const json* next = &root_;
    for (const auto& token : split_pointer(target.substr(1))) {
      if (!next->is_object() || !next->contains(token)) return *current;
      next = &(*next)[token];
    }
    current = next;
  }
  return *current;
}

std::vector<const json*> SchemaTree::property_schemas(const json& node_in,
                                                      const std::string& name) const {
  const json& node = resolve(node_in);
  std::vector<const json*> found;
  if (!node.is_object()) return found;
  if (auto properties = node.find("properties"); properties != node.end()) {
    if (auto property = properties->find(name); property != properties->end()) {
      found.push_back(&*property);
    }
  }
  if (auto patterns = node.find("patternProperties"); patterns != node.end()) {
    for (const auto& [pattern, schema] : patterns->items()) {
      if (schema_pattern_matches(pattern, name)) found.push_back(&schema);
    }
  }
  if (found.empty()) {
    if (auto additional = node.find("additionalProperties");
        additional != node.end() && additional->is_object()) {
      found.push_back(&*additional);
    }
  }
  return found;
}

const json* SchemaTree::item_schema(const json& node_in, size_t index) const {
  const json& node = resolve(node_in);
  if (!node.is_object()) return nullptr;
  auto items = node.find("items");
  if (items == node.end()) return nullptr;
  if (items->is_object()) return &*items;
  if (items->is_array()) {
    if (index < items->size()) return &(*items)[index];
    auto additional = node.find("additionalItems");
    if (additional != node.end() && additional->is_object()) return &*additional;
  }
  return nullptr;
}

std::vector<std::string> SchemaTree::property_names(const json& node_in) const {
  const json& node = resolve(node_in);
  std::vector<std::string> names;
  if (!node.is_object()) return names;
  if (auto properties = node.find("properties");
      properties != node.end() && properties->is_object()) {
    for (const auto& entry : properties->items()) names.push_back(entry.key());
  }
  return names;
}

bool SchemaTree::allows_property(const json& node_in, const std::string& name) const {
  const json& node = resolve(node_in);
  if (!node.is_object()) return true;
  if (auto properties = node.find("properties");
      properties != node.end() && properties->contains(name)) {
    return true;
  }
  if (auto patterns = node.find("patternProperties"); patterns != node.end()) {
    for (const auto& entry : patterns->items()) {
      if (schema_pattern_matches(entry.key(), name)) return true;
    }
  }
  auto additional = node.find("additionalProperties");
  return additional == node.end() || !(additional->is_boolean() && !additional->get<bool>());
}

const json* SchemaTree::schema_at(const std::vector<std::string>& tokens) const {
  const json* node = &resolve(root_);
  for (const auto& token : tokens) {
    const json& current = resolve(*node);
    std::vector<const json*> next = property_schemas(current, token);
    if (next.empty()) {
      bool is_index = !token.empty() && token.find_first_not_of("0123456789") == std::string::npos;
      if (is_index) {
        if (const json* item = item_schema(current, std::stoul(token))) next.push_back(item);
      }
    }
    if (next.empty() && current.contains("allOf")) {
      for (const auto& part : current["allOf"]) {
        next = property_schemas(part, token);
        if (!next.empty()) break;
      }
    }
    if (next.empty()) return nullptr;
    node = &resolve(*next.front());
  }
  return node;
}

bool schema_pattern_matches(const std::string& pattern, const std::string& text) {
  // Patterns come from a fixed schema, so each is compiled once and kept.
  static std::mutex guard;
  static std::map<std::string, std::regex> compiled;
  std::lock_guard<std::mutex> lock(guard);
  auto found = compiled.find(pattern);
  if (found == compiled.end()) {
    found = compiled.emplace(pattern, std::regex(pattern, std::regex::ECMAScript)).first;
  }
  return std::regex_search(text, found->second);
}

}  // namespace infragen
