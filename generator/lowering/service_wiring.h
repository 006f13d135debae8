// Wiring of each service that needs the whole view: listener rules, deployment variants, start
// order.
#pragma once

#include <nlohmann/json.hpp>

#include "model/model.h"

namespace infragen {

// Gives each service of `view` its listener rule (or false), whether it is a load balancer's
// default target, and `balancer`: the names of the load balancer that serves it (or false).
void attach_listener_rules(nlohmann::json& view);

// Gives each service its deployment variants (rolling, and blue/green where CodeDeploy may deploy
// it) and whether the pipeline deploys its image; marks a default action CodeDeploy may move.
void attach_deployment_variants(nlohmann::json& view);

// Gives each service what its `depends_on` names, for the code to create those first.
void attach_start_order(const AppModel& model, nlohmann::json& view);

}  // namespace infragen
