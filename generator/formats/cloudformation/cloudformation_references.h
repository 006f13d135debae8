// Checks that every reference of a CloudFormation template names something that exists.
#pragma once

#include <yaml-cpp/yaml.h>

#include <vector>

#include "formats/yaml/yaml_document.h"

namespace infragen {

// Finds Ref, Fn::GetAtt, Fn::Sub ${...}, DependsOn, Condition (of a resource or output, and
// {Condition: X} inside another condition), Fn::If and Fn::FindInMap names that match no
// resource, parameter, pseudo parameter (AWS::Region, ...), condition or mapping of
// `template_root`.
// `template_root` must be a mapping whose Resources is a mapping.
void find_dangling_references(const YAML::Node& template_root, std::vector<YamlProblem>& problems);

}  // namespace infragen
