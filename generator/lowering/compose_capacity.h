// What an ec2-compose instance group runs on and when (section `compose_groups`): Spot
// instances from its services' `spot`, and the environment's start/stop schedule as Auto
// Scaling recurrences.
#pragma once

#include <nlohmann/json.hpp>

#include "lowering/compose_groups.h"
#include "lowering/lowering_context.h"

namespace infragen {

// Whether group `group` of `model` runs on Spot instances: never in production; elsewhere when
// its capacity (`instances.spot`, or the group's own) says so, or when every one of its services
// asks for `spot`. A group that mixes services on Spot and on demand stays on demand: a Spot
// interruption stops every container of an instance, and a service that did not ask for Spot
// must not be stopped by one.
bool group_runs_on_spot(const AppModel& model, const ComposeGroup& group);

// environments[i]["compose_schedule"]: false without a schedule, else {stop, start} as the Unix
// cron of Auto Scaling scheduled actions (UTC). An expression Unix cron cannot say is an error
// at its line.
nlohmann::json compose_schedule(const LoweringContext& context, const AppModel& model);

}  // namespace infragen
