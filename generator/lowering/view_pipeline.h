// The view of the CI/CD pipeline: GitHub Actions with an OIDC role, or CodePipeline.
#pragma once

#include <nlohmann/json.hpp>

#include "lowering/lowering_context.h"

namespace infragen {

// `pipeline`: false without `pipeline:`; else the provider, the source, and what it deploys:
// services that run a built image (updated by the deploy stage, blue/green where they sit behind
// the load balancer) and jobs that run one (their next run uses the new image).
nlohmann::json lower_pipeline(const LoweringContext& context);

// Per-environment pipeline values of `model` (false without a pipeline).
nlohmann::json pipeline_values(const LoweringContext& context, const AppModel& model);

}  // namespace infragen
