// Lowering: the AppModels of all environments -> the view model of one target (plain JSON).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "diagnostics/diagnostics.h"
#include "model/model.h"

namespace infragen {

// What lowering needs to know of a target pack (its pack.yaml).
struct TargetSpec {
  std::string target;                 // e.g. "ecs-fargate"
  std::vector<std::string> supports;  // manifest features the pack carries (see features.h)
  // Optional view sections the pack asks for (pack.yaml `sections`): fargate_sizing,
  // instance_capacity, cloudformation. A section not asked for is neither checked nor built.
  std::vector<std::string> sections;
  nlohmann::json references;  // format -> {reference kind -> mustache snippet}
  // Advisory features the user accepts the target ignoring (`--accept`): no warning for them.
  std::vector<std::string> accepted;
  // The pack runs the workloads on Kubernetes (it has a helm format): its CloudFormation adds a
  // nodes stack after the service stacks, whose nodes carry every service's security group.
  bool workloads_in_chart = false;

  bool builds(const std::string& section) const;
};

// Builds the view model a pack's templates render: every name, CIDR, rule priority, security
// group rule, IAM grant and reference already computed, so templates only lay it out. One code for
// all environments: values that may differ per environment are in `environments[]` (one
// variables file each); structure that differs between environments, a feature the target does
// not support, or a value the target cannot run is an error at its manifest location. The
// shape is documented in docs/targets/ecs-fargate.md ("The view model").
nlohmann::json lower(const std::vector<AppModel>& environments, const TargetSpec& target,
                     Diagnostics& diagnostics);

}  // namespace infragen
