// The Kubernetes parts of the view (pack section `kubernetes`): CronJob schedules and what
// each environment's values file sets apart from the chart's values.yaml.
#pragma once

#include <nlohmann/json.hpp>

#include "lowering/lowering_context.h"

namespace infragen {

// Gives each scheduled job of view["jobs"] its `kubernetes_schedule` (a located error where
// Kubernetes cron cannot express the EventBridge schedule), and each environment its
// `kubernetes`: {services, has_services, jobs, has_jobs, empty}, the services and jobs whose
// sizes, image or environment differ from the first environment's (values.yaml), each with
// set_<field> for what differs.
void attach_kubernetes(const LoweringContext& context, nlohmann::json& view);

}  // namespace infragen
