// Manifest features a target may or may not carry, and the check against a pack's `supports`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "lowering/lowering_context.h"

namespace infragen {

// One use of a feature: the feature name (as listed in pack.yaml `supports`), what uses it
// ("service 'vote'") and where it is written.
struct FeatureUse {
  std::string feature;
  std::string description;  // "auto scaling on requests"
  std::string owner;        // "service 'vote'", empty for app-wide features
  SourceLocation location;
};

// Every feature `model` uses. Names:
//   services.public services.private services.none services.build services.command
//   services.route-path services.route-host services.private-route services.autoscale-cpu
//   services.autoscale-memory services.autoscale-requests services.spot
//   databases.<engine> databases.unmanaged databases.multi-zone databases.read-replicas
//   caches.<engine> caches.unmanaged secrets buckets buckets.expiry buckets.versioning volumes
//   jobs.schedule jobs.trigger jobs.build jobs.gpu jobs.spot jobs.timeout jobs.retries
//   jobs.max-vcpus jobs.min-vcpus domain network.existing observability.alarms state schedule
//   pipeline.github-actions pipeline.codepipeline pipeline.blue-green instances instances.groups
// Defaults do not count: jobs.timeout, jobs.retries, jobs.max-vcpus and jobs.min-vcpus are used
// only when the manifest writes them.
std::vector<FeatureUse> features_used(const AppModel& model);

// Reports every feature of any environment that the target's `supports` does not list:
// "target 'X' cannot carry <description> (<owner>)" at its location. Advisory features
// (jobs.max-vcpus, jobs.min-vcpus, jobs.timeout, jobs.retries: how a job runs, not whether it
// exists; instances and instances.groups: what the workloads run on) are warnings, unless the
// target spec lists them as accepted. Returns false on an error.
bool check_features(const LoweringContext& context);

// The first use, in the environments' order (base first) and features_used()'s order within one,
// of a feature that the target does not support and that is not advisory: the first error
// check_features would report, i.e. why the target cannot carry the manifest. Nothing when it
// can (advisory features alone never stop a target: they are only ignored).
std::optional<FeatureUse> first_unsupported_feature(const std::vector<AppModel>& environments,
                                                    const TargetSpec& target);

// "DESCRIPTION (OWNER)", or "DESCRIPTION" for an app-wide feature: what a target cannot carry.
std::string use_phrase(const FeatureUse& use);

// "`FEATURE` is not in the target's supported features": the hint of an unsupported feature.
std::string unsupported_hint(const FeatureUse& use);

// The advisory features, the names `--accept` takes.
const std::vector<std::string>& advisory_features();

}  // namespace infragen
