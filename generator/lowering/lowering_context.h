// Internal to lowering: what every part of the view model is built from.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "diagnostics/diagnostics.h"
#include "lowering/load_balancer_layout.h"
#include "lowering/lowering.h"
#include "lowering/reference_snippets.h"
#include "model/model.h"

namespace infragen {

// The models of all environments (at least one), the target, and where problems go. Structure
// (which services exist, their ports, references...) is the same in every environment once the
// consistency check passed, so code-shaped parts are read from `base()`; values that may differ
// are read from each environment.
struct LoweringContext {
  const std::vector<AppModel>& environments;
  const TargetSpec& target;
  Diagnostics& diagnostics;
  ReferenceSnippets references;
  // Planned once, on first use, by load_balancer_layout() (view_network.h).
  mutable std::shared_ptr<const LoadBalancerLayout> load_balancers;
  // Private service -> (internal load balancer, listener port), planned once, on first use, by
  // internal_listener() (compose_groups.h).
  mutable std::shared_ptr<const std::map<std::string, std::pair<size_t, int>>> internal_listeners;

  LoweringContext(const std::vector<AppModel>& models, const TargetSpec& spec, Diagnostics& sink)
      : environments(models),
        target(spec),
        diagnostics(sink),
        references(spec.target, spec.references) {}

  const AppModel& base() const { return environments.front(); }
  // "target 'ecs-fargate'"
  std::string target_phrase() const { return "target '" + target.target + "'"; }
};

// A JSON list of {key: value, last: bool} items (mustache needs `last` to place separators).
nlohmann::json with_last(nlohmann::json items);
// ["a", "b"] -> [{"value": "a", "last": false}, {"value": "b", "last": true}]
nlohmann::json value_list(const std::vector<std::string>& values);

}  // namespace infragen
