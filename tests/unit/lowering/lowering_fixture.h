// Test helper (header only: the test build compiles *_test.cc files): lowers a manifest (YAML
// text) through the real front end and model with a pack's supports, sections and references
// (ecs-fargate unless told).
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "diagnostics/diagnostics.h"
#include "frontend/manifest.h"
#include "lowering/lowering.h"
#include "model/model.h"
#include "render/pack.h"

namespace infragen::testing {

struct Lowered {
  nlohmann::json view;  // null when lowering (or loading) failed
  Diagnostics diagnostics;
  std::string messages;  // every diagnostic, printed

  bool ok() const { return !view.is_null() && !diagnostics.has_errors(); }
};

// Reads a file of the source tree (e.g. "examples/voting/app.yaml").
inline std::string source_file_path(const std::string& relative_path) {
  return std::string(INFRAGEN_SOURCE_DIR) + "/" + relative_path;
}

inline std::string source_file(const std::string& relative_path) {
  std::ifstream in(std::string(INFRAGEN_SOURCE_DIR) + "/" + relative_path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The TargetSpec of templates/<target>/pack.yaml in the source tree, as the CLI builds it (its
// shared references merged).
inline TargetSpec target_spec_from_pack(const std::string& target) {
  Diagnostics diagnostics;
  PackRegistry registry;
  registry.load_folder(source_file_path("templates"), diagnostics);
  const Pack* pack = registry.find(target);
  if (!pack) throw std::runtime_error("no pack " + target + " in the source tree");
  TargetSpec spec;
  spec.target = pack->name;
  spec.supports = pack->supports;
  spec.sections = pack->sections;
  spec.references = pack->references;
  spec.workloads_in_chart = pack->find_format("helm") != nullptr;
  return spec;
}

inline const TargetSpec& ecs_fargate_spec() {
  static const TargetSpec spec = target_spec_from_pack("ecs-fargate");
  return spec;
}

inline const TargetSpec& ec2_compose_spec() {
  static const TargetSpec spec = target_spec_from_pack("ec2-compose");
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
