// EventBridge schedule expressions (cron(), rate()) as the schedule of a Kubernetes CronJob.
#pragma once

#include <string>

namespace infragen {

// The five-field cron of a CronJob (minute hour day-of-month month day-of-week, read in the
// CronJob's timeZone, UTC as EventBridge) that runs when an EventBridge expression does. A
// rate() becomes the cron that fires at the same period: rate(5 minutes) is `*/5 * * * *`.
// Empty `cron` with `unsupported` (a phrase: "the nearest-weekday wildcard W") and `hint` when
// Kubernetes cron cannot express it.
struct KubernetesCron {
  std::string cron;
  std::string unsupported;
  std::string hint;
};

KubernetesCron kubernetes_cron(const std::string& expression);

}  // namespace infragen
