// Test helper (header only: the test build compiles *_test.cc files): lowers a manifest (YAML
// text) through the real front end and model with the ecs-fargate pack's supports and references.
#pragma once

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "diagnostics/diagnostics.h"
#include "frontend/manifest.h"
#include "lowering/lowering.h"
#include "model/model.h"

namespace infragen::testing {

struct Lowered {
  nlohmann::json view;  // null when lowering (or loading) failed
  Diagnostics diagnostics;
  std::string messages;  // every diagnostic, printed

  bool ok() const { return !view.is_null() && !diagnostics.has_errors(); }
};

namespace detail {

// pack.yaml holds only maps, lists and strings.
inline nlohmann::json yaml_to_json(const YAML::Node& node) {
  if (node.IsMap()) {
    nlohmann::json object = nlohmann::json::object();
    for (const auto& entry : node) {
      object[entry.first.as<std::string>()] = yaml_to_json(entry.second);
    }
    return object;
  }
  if (node.IsSequence()) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& item : node) list.push_back(yaml_to_json(item));
    return list;
  }
  return node.as<std::string>();
}

}  // namespace detail

// Reads a file of the source tree (e.g. "examples/voting/app.yaml").
inline std::string source_file(const std::string& relative_path) {
  std::ifstream in(std::string(INFRAGEN_SOURCE_DIR) + "/" + relative_path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The TargetSpec of templates/ecs-fargate/pack.yaml in the source tree.
inline const TargetSpec& ecs_fargate_spec() {
  static const TargetSpec spec = [] {
    nlohmann::json pack =
        detail::yaml_to_json(YAML::Load(source_file("templates/ecs-fargate/pack.yaml")));
    TargetSpec target;
    target.target = pack["name"].get<std::string>();
    target.supports = pack["supports"].get<std::vector<std::string>>();
    target.references = pack["references"];
    return target;
  }();
  return spec;
}

// Loads `yaml` through the front end, builds the models and lowers them with `spec`.
inline Lowered lower_yaml(const std::string& yaml, const TargetSpec& spec = ecs_fargate_spec()) {
  Lowered result;
  auto manifest = load_manifest_text("app.yaml", yaml, result.diagnostics);
  if (manifest && !result.diagnostics.has_errors()) {
    std::vector<AppModel> models = build_models(*manifest, result.diagnostics);
    if (!result.diagnostics.has_errors()) {
      result.view = lower(models, spec, result.diagnostics);
    }
  }
  std::ostringstream printed;
  result.diagnostics.print(printed);
  result.messages = printed.str();
  return result;
}

// The item of `list` whose `key` equals `value` (a test failure, and null, when none).
inline const nlohmann::json& item_named(const nlohmann::json& list, const std::string& value,
                                        const std::string& key = "name") {
  static const nlohmann::json missing;
  for (const auto& item : list) {
    if (item.contains(key) && item[key] == value) return item;
  }
  ADD_FAILURE() << "no item with " << key << " = " << value;
  return missing;
}

// The value of `key` in an environment's `names` list.
inline std::string name_of(const nlohmann::json& environment, const std::string& key) {
  const nlohmann::json& entry = item_named(environment["names"], key, "key");
  return entry.is_null() ? "" : entry["value"].get<std::string>();
}

}  // namespace infragen::testing
