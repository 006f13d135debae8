// EventBridge schedule expressions (cron(), rate()) as systemd timer settings.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace infragen {

// The [Timer] settings that start a job on the schedule of an EventBridge expression, in UTC
// as EventBridge runs them: `OnCalendar=` for cron(), `OnBootSec=` and `OnUnitActiveSec=` for
// rate(). Empty `settings` with `unsupported` set when systemd cannot express it (the nearest
// weekday `W`, a stepped range such as `10-40/5`).
struct SystemdTimer {
  std::vector<std::pair<std::string, std::string>> settings;
  std::string unsupported;  // why not, as a phrase: "the nearest-weekday wildcard W"
};

SystemdTimer systemd_timer(const std::string& expression);

}  // namespace infragen
