#include "lowering/features.h"

#include <algorithm>
#include <set>

namespace infragen {

namespace {

class FeatureCollector {
 public:
  explicit FeatureCollector(const AppModel& model) : model_(model) {}

  void add(std::string feature, std::string description, std::string owner,
           const std::string& pointer) {
    uses_.push_back(
        {std::move(feature), std::move(description), std::move(owner), model_.locate(pointer)});
  }
  std::vector<FeatureUse> take() { return std::move(uses_); }

 private:
  const AppModel& model_;
  std::vector<FeatureUse> uses_;
};

std::string owner(const std::string& kind, const std::string& name) {
  return kind + " '" + name + "'";
}

void collect_services(const AppModel& model, FeatureCollector& out) {
  for (const auto& service : model.services) {
    const std::string who = owner("service", service.name);
    const std::string at = service.origin.pointer;
    switch (service.exposure) {
      case Exposure::public_:
        out.add("services.public", "a public service", who, at + "/expose");
        break;
      case Exposure::private_:
        out.add("services.private", "a private service", who, at + "/expose");
        break;
      case Exposure::none:
        out.add("services.none", "a service without inbound traffic", who, at);
        break;
    }
    if (service.image.build)
      out.add("services.build", "an image built from source", who, at + "/build");
    if (!service.command.empty()) out.add("services.command", "a command", who, at + "/command");
    if (service.route) {
      bool is_private = service.exposure != Exposure::public_;
      if (is_private) {
        out.add("services.private-route", "a route on a service that is not public", who,
                at + "/route");
      }
      if (!service.route->path.empty() && service.route->path != "/") {
        out.add("services.route-path", "path routing", who, at + "/route/path");
      }
      if (!service.route->host.empty()) {
        out.add("services.route-host", "host routing", who, at + "/route/host");
      }
    }
    if (service.autoscale) {
      const std::string scale = at + "/autoscale";
      if (service.autoscale->cpu_percent) {
        out.add("services.autoscale-cpu", "auto scaling on CPU", who, scale + "/cpu");
      }
      if (service.autoscale->memory_percent) {
        out.add("services.autoscale-memory", "auto scaling on memory", who, scale + "/memory");
      }
      if (service.autoscale->requests_per_target) {
        out.add("services.autoscale-requests", "auto scaling on requests", who,
                scale + "/requests");
      }
    }
    if (service.spot) out.add("services.spot", "spot capacity", who, at + "/spot");
  }
}

void collect_data_stores(const AppModel& model, FeatureCollector& out) {
  for (const auto& database : model.databases) {
    const std::string who = owner("database", database.name);
    const std::string at = database.origin.pointer;
    out.add("databases." + database.engine, "the " + database.engine + " engine", who,
            at + "/engine");
    if (!database.managed) {
      out.add("databases.unmanaged", "a database run as a container", who, at + "/managed");
    }
    if (database.multi_zone) {
      out.add("databases.multi-zone", "a standby in another zone", who, at + "/multi_zone");
    }
    if (database.read_replicas > 0) {
      out.add("databases.read-replicas", "read replicas", who, at + "/read_replicas");
    }
  }
  for (const auto& cache : model.caches) {
    const std::string who = owner("cache", cache.name);
    const std::string at = cache.origin.pointer;
    out.add("caches." + cache.engine, "the " + cache.engine + " engine", who, at + "/engine");
    if (!cache.managed) {
      out.add("caches.unmanaged", "a cache run as a container", who, at + "/managed");
    }
  }
  for (const auto& secret : model.secrets) {
    out.add("secrets", "secrets", owner("secret", secret.name), secret.origin.pointer);
  }
  for (const auto& bucket : model.buckets) {
    const std::string who = owner("bucket", bucket.name);
    out.add("buckets", "buckets", who, bucket.origin.pointer);
    if (bucket.expire_days) {
      out.add("buckets.expiry", "object expiry", who, bucket.origin.pointer + "/expire_days");
    }
    if (bucket.versioning) {
      out.add("buckets.versioning", "versioning", who, bucket.origin.pointer + "/versioning");
    }
  }
  for (const auto& volume : model.volumes) {
    out.add("volumes", "shared file systems (volumes)", owner("volume", volume.name),
            volume.origin.pointer);
  }
}

void collect_jobs(const AppModel& model, FeatureCollector& out) {
  for (const auto& job : model.jobs) {
    const std::string who = owner("job", job.name);
    const std::string at = job.origin.pointer;
    if (job.schedule) out.add("jobs.schedule", "a scheduled job", who, at + "/schedule");
    if (job.trigger) out.add("jobs.trigger", "a job started by new objects", who, at + "/trigger");
    if (job.image.build) out.add("jobs.build", "an image built from source", who, at + "/build");
    if (job.compute.gpu > 0) out.add("jobs.gpu", "GPUs", who, at + "/compute/gpu");
    if (job.compute.spot) out.add("jobs.spot", "spot capacity", who, at + "/compute/spot");
    if (model.written(at + "/timeout"))
      out.add("jobs.timeout", "a run timeout", who, at + "/timeout");
    if (model.written(at + "/retries")) out.add("jobs.retries", "retries", who, at + "/retries");
    if (model.written(at + "/compute/max_vcpus")) {
      out.add("jobs.max-vcpus", "a limit on vCPUs running at once (compute.max_vcpus)", who,
              at + "/compute/max_vcpus");
    }
    if (model.written(at + "/compute/min_vcpus")) {
      out.add("jobs.min-vcpus", "a warm minimum of vCPUs (compute.min_vcpus)", who,
              at + "/compute/min_vcpus");
    }
  }
}

void collect_app(const AppModel& model, FeatureCollector& out) {
  if (model.domain) out.add("domain", "a domain", "", "/domain");
  if (model.network.existing) {
    out.add("network.existing", "an existing VPC", "", "/network/existing");
  }
  if (model.observability.alarms) {
    out.add("observability.alarms", "alarms", "", "/observability/alarms");
  }
  if (model.state) out.add("state", "remote state", "", "/state");
  if (model.instances) {
    out.add("instances", "instance capacity (instances)", "", "/instances");
    for (const auto& group : model.instances->groups) {
      out.add("instances.groups", "instance groups", "group '" + group.name + "'",
              group.capacity.origin.pointer);
    }
  }
  if (model.schedule) {
    out.add("schedule", "a start/stop schedule", "environment '" + model.environment + "'",
            model.schedule->origin.pointer);
  }
  if (model.pipeline) {
    out.add("pipeline." + model.pipeline->provider, "a " + model.pipeline->provider + " pipeline",
            "", "/pipeline/provider");
    if (model.pipeline->deploy == "blue-green") {
      out.add("pipeline.blue-green", "blue/green deployments", "", "/pipeline/deploy");
    }
  }
}

// Settings of how a job runs rather than what it does: a target that cannot carry them still
// runs the job, so they are warnings. Errors are for things that would not exist at all.
// Instance capacity says what the workloads run on, which a target without instances (Fargate,
// Lambda) decides itself; spot per workload is capacity too (on EC2 it is the instances' `spot`).
bool is_advisory(const std::string& feature) {
  const auto& advisory = advisory_features();
  return std::find(advisory.begin(), advisory.end(), feature) != advisory.end();
}

// How a target carries one use of a feature: the rule check_features reports by and
// first_unsupported_feature decides by, so "cannot carry" means the same in both.
enum class Carried { yes, ignored, no };

Carried carried(const TargetSpec& target, const std::string& feature) {
  const auto& supports = target.supports;
  if (std::find(supports.begin(), supports.end(), feature) != supports.end()) return Carried::yes;
  return is_advisory(feature) ? Carried::ignored : Carried::no;
}

}  // namespace

const std::vector<std::string>& advisory_features() {
  static const std::vector<std::string> features = {
      "instances",    "instances.groups", "jobs.max-vcpus", "jobs.min-vcpus",
      "jobs.retries", "jobs.timeout",     "jobs.spot",      "services.spot"};
  return features;
}

std::vector<FeatureUse> features_used(const AppModel& model) {
  FeatureCollector collector(model);
  collect_services(model, collector);
  collect_data_stores(model, collector);
  collect_jobs(model, collector);
  collect_app(model, collector);
  return collector.take();
}

bool check_features(const LoweringContext& context) {
  bool ok = true;
  for (const auto& model : context.environments) {
    for (const auto& use : features_used(model)) {
      const Carried how = carried(context.target, use.feature);
      if (how == Carried::yes) continue;
      const std::string message = context.target_phrase() + " cannot carry " + use_phrase(use);
      if (how == Carried::ignored) {
        const auto& accepted = context.target.accepted;
        if (std::find(accepted.begin(), accepted.end(), use.feature) != accepted.end()) continue;
        context.diagnostics.warning(
            use.location, message + "; it is ignored",
            unsupported_hint(use) + "; `--accept " + use.feature + "` silences this");
      } else {
        context.diagnostics.error(use.location, message, unsupported_hint(use));
        ok = false;
      }
    }
  }
  return ok;
}

std::optional<FeatureUse> first_unsupported_feature(const std::vector<AppModel>& environments,
                                                    const TargetSpec& target) {
  for (const auto& model : environments) {
    for (const auto& use : features_used(model)) {
      if (carried(target, use.feature) == Carried::no) return use;
    }
  }
  return std::nullopt;
}

std::string use_phrase(const FeatureUse& use) {
  if (use.owner.empty()) return use.description;
  return use.description + " (" + use.owner + ")";
}

std::string unsupported_hint(const FeatureUse& use) {
  return "`" + use.feature + "` is not in the target's supported features";
}

}  // namespace infragen
