#include "model/json_fields.h"

#include <cmath>

namespace infragen {

Fields::Fields(const nlohmann::json& object, std::string pointer)
    : object_(object), pointer_(std::move(pointer)) {
  if (!object_.is_object()) {
    throw ManifestShapeError(pointer_, "internal error: expected an object at '" +
                                           (pointer_.empty() ? "/" : pointer_) + "'");
  }
}

void Fields::fail(const std::string& key, const std::string& problem) const {
  std::string at = pointer_of(key);
  throw ManifestShapeError(at, "internal error: checked manifest " + problem + " at '" + at + "'");
}

bool Fields::has(const std::string& key) const {
  auto it = object_.find(key);
  return it != object_.end() && !it->is_null();
}

const nlohmann::json& Fields::required(const std::string& key, const char* type) const {
  auto it = object_.find(key);
  if (it == object_.end() || it->is_null()) fail(key, std::string("has no ") + type);
  return *it;
}

std::string Fields::string(const std::string& key) const {
  const auto& value = required(key, "string");
  if (!value.is_string()) fail(key, "has a non-string value");
  return value.get<std::string>();
}

std::optional<std::string> Fields::optional_string(const std::string& key) const {
  if (!has(key)) return std::nullopt;
  return string(key);
}

int Fields::integer(const std::string& key) const {
  const auto& value = required(key, "integer");
  if (value.is_number_integer()) return value.get<int>();
  // YAML "2.0" or a schema default written as a float still names a whole number.
  if (value.is_number_float() && std::floor(value.get<double>()) == value.get<double>()) {
    return static_cast<int>(value.get<double>());
  }
  fail(key, "has a non-integer value");
}

std::optional<int> Fields::optional_integer(const std::string& key) const {
  if (!has(key)) return std::nullopt;
  return integer(key);
}

double Fields::number(const std::string& key) const {
  const auto& value = required(key, "number");
  if (!value.is_number()) fail(key, "has a non-numeric value");
  return value.get<double>();
}

bool Fields::boolean(const std::string& key) const {
  const auto& value = required(key, "boolean");
  if (!value.is_boolean()) fail(key, "has a non-boolean value");
  return value.get<bool>();
}

std::optional<bool> Fields::optional_boolean(const std::string& key) const {
  if (!has(key)) return std::nullopt;
  return boolean(key);
}

std::vector<std::string> Fields::strings(const std::string& key) const {
  std::vector<std::string> result;
  if (!has(key)) return result;
  const auto& value = object_.at(key);
  if (!value.is_array()) fail(key, "has a non-list value");
  for (const auto& item : value) {
    if (!item.is_string()) fail(key, "has a non-string list item");
    result.push_back(item.get<std::string>());
  }
  return result;
}

Fields Fields::object(const std::string& key) const {
  const auto& value = required(key, "object");
  if (!value.is_object()) fail(key, "has a non-object value");
  return Fields(value, pointer_of(key));
}

std::optional<Fields> Fields::optional_object(const std::string& key) const {
  if (!has(key)) return std::nullopt;
  return object(key);
}

std::vector<std::pair<std::string, Fields>> Fields::members(const std::string& key) const {
  std::vector<std::pair<std::string, Fields>> result;
  if (!has(key)) return result;
  Fields parent = object(key);
  for (const auto& [name, value] : parent.value().items()) {
    if (value.is_null()) continue;  // removed by an overlay
    result.emplace_back(name, Fields(value, parent.pointer_of(name)));
  }
  return result;
}

std::string scalar_text(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_null()) return "";
  return value.dump();
}

}  // namespace infragen
