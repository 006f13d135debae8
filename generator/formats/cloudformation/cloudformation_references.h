// Checks that every reference of a CloudFormation template names something that exists.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "formats/yaml/yaml_document.h"

namespace infragen {

// A reference that names nothing, at the value `path` leads to (mapping keys and list indices
// from the template's root).
struct DanglingReference {
  std::vector<std::string> path;
  std::string message;
  std::string hint;
};

// Finds Ref, Fn::GetAtt, Fn::Sub ${...}, DependsOn, Condition (of a resource or output, and
// {Condition: X} inside another condition), Fn::If and Fn::FindInMap names that match no
// resource, parameter, pseudo parameter (AWS::Region, ...), condition or mapping of `root`, the
// template as JSON (an object whose Resources is an object).
std::vector<DanglingReference> dangling_references(const nlohmann::json& root);

// The same, located in the YAML the template was read from (`template_root`, whose JSON value
// is `root`), in document order.
void find_dangling_references(const YAML::Node& template_root, const nlohmann::json& root,
                              std::vector<YamlProblem>& problems);

}  // namespace infragen
