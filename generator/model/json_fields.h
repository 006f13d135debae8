// Typed reads from the checked manifest JSON; a value missing after validation is an internal
// error.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "frontend/json_pointer.h"

namespace infragen {

// Thrown when the checked manifest lacks a value the schema guarantees: a front-end bug, not a
// user error. build_models() turns it into one diagnostic at `pointer`.
class ManifestShapeError : public std::runtime_error {
 public:
  ManifestShapeError(std::string pointer, const std::string& message)
      : std::runtime_error(message), pointer_(std::move(pointer)) {}
  const std::string& pointer() const { return pointer_; }

 private:
  std::string pointer_;
};

// A JSON object of the manifest together with its JSON pointer.
class Fields {
 public:
  Fields(const nlohmann::json& object, std::string pointer);

  const std::string& pointer() const { return pointer_; }
  std::string pointer_of(const std::string& key) const { return child_pointer(pointer_, key); }
  const nlohmann::json& value() const { return object_; }

  // True when `key` is present and not null.
  bool has(const std::string& key) const;

  std::string string(const std::string& key) const;
  std::optional<std::string> optional_string(const std::string& key) const;
  int integer(const std::string& key) const;
  std::optional<int> optional_integer(const std::string& key) const;
  double number(const std::string& key) const;
  bool boolean(const std::string& key) const;
  std::optional<bool> optional_boolean(const std::string& key) const;
  std::vector<std::string> strings(const std::string& key) const;  // absent: empty
  Fields object(const std::string& key) const;
  std::optional<Fields> optional_object(const std::string& key) const;
  // The members of an object-valued field as (name, Fields) pairs in key order; absent: none.
  std::vector<std::pair<std::string, Fields>> members(const std::string& key) const;

 private:
  const nlohmann::json& required(const std::string& key, const char* type) const;
  [[noreturn]] void fail(const std::string& key, const std::string& problem) const;

  const nlohmann::json& object_;
  std::string pointer_;
};

// Renders a scalar JSON value as the text an environment variable would hold.
std::string scalar_text(const nlohmann::json& value);

}  // namespace infragen
