#include "lowering/compose_capacity.h"

#include "lowering/autoscaling_recurrence.h"
#include "lowering/environment_class.h"
#include "lowering/instance_capacity.h"

namespace infragen {

bool group_runs_on_spot(const AppModel& model, const ComposeGroup& group) {
  if (is_production_environment(model.environment)) return false;
  if (capacity_of(model, group.name).spot) return true;
  bool all_spot = !group.services.empty();
  for (const auto& entry : group.services) {
    const ServiceModel* service = model.find_service(entry.name);
    all_spot = all_spot && service && service->spot;
  }
  return all_spot;
}

nlohmann::json compose_schedule(const LoweringContext& context, const AppModel& model) {
  if (!model.schedule) return false;
  nlohmann::json out = nlohmann::json::object();
  bool ok = true;
  for (const char* field : {"stop", "start"}) {
    const std::string& expression =
        std::string(field) == "stop" ? model.schedule->stop : model.schedule->start;
    const AutoScalingRecurrence converted = autoscaling_recurrence(expression);
    if (!converted.unsupported.empty()) {
      context.diagnostics.error(
          model.locate(model.schedule->origin.pointer + "/" + field),
          context.target_phrase() + " scales its Auto Scaling groups by scheduled actions, " +
              "whose Unix cron cannot say " + converted.unsupported + " of '" + expression + "'",
          "write cron() with `*` as its year and no L, W or #");
      ok = false;
      continue;
    }
    out[field] = converted.recurrence;
  }
  return ok ? out : nlohmann::json(false);
}

}  // namespace infragen
