// Checks that every reference of a CloudFormation template names something that exists.
#pragma once

#include <yaml-cpp/yaml.h>

#include <vector>

#include "formats/yaml/yaml_document.h"

namespace infragen {

// Finds Ref, Fn::GetAtt, Fn::Sub ${...}, DependsOn, Condition and Fn::If names that match no
// resource, parameter, pseudo parameter (AWS::Region, ...) or condition of `template_root`.
// `template_root` must be a mapping whose Resources is a mapping.
void find_dangling_references(const YAML::Node& template_root, std::vector<YamlProblem>& problems);

}  // namespace infragen
