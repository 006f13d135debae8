// EventBridge cron() expressions as the five-field Unix cron of Auto Scaling scheduled actions.
#pragma once

#include <string>

namespace infragen {

// The `Recurrence` of an Auto Scaling scheduled action (minute hour day-of-month month
// day-of-week, days of the week 0-6 from Sunday, run in the action's time zone) that fires when
// EventBridge expression `expression` does. Empty `recurrence` with `unsupported` set when Unix
// cron cannot say it: rate() (no fixed time of day), a year other than `*`, and the wildcards
// `L`, `W` and `#`.
struct AutoScalingRecurrence {
  std::string recurrence;
  std::string unsupported;  // why not, as a phrase: "a rate() expression"
};

AutoScalingRecurrence autoscaling_recurrence(const std::string& expression);

}  // namespace infragen
