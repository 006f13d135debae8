// The view of services and jobs: containers, images, environment, secrets, IAM grants, scaling.
#pragma once

#include <nlohmann/json.hpp>

#include "lowering/access.h"
#include "lowering/lowering_context.h"

namespace infragen {

// `services` of the view model: one object per service (see docs/targets/ecs-fargate.md).
nlohmann::json lower_services(const LoweringContext& context);

// `jobs` of the view model.
nlohmann::json lower_jobs(const LoweringContext& context);

// `repositories`: the ECR repositories of images built from source.
nlohmann::json lower_repositories(const LoweringContext& context);

// Per-environment values of services and jobs in `model` (for its variables file).
nlohmann::json service_values(const LoweringContext& context, const AppModel& model);
nlohmann::json job_values(const LoweringContext& context, const AppModel& model);

}  // namespace infragen
