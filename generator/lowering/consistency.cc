#include "lowering/consistency.h"

#include <algorithm>
#include <set>

namespace infragen {

namespace {

const char* kMayDiffer =
    "per environment, only sizes, counts, images, auto scaling, spot, literal env values, "
    "tags, network, domain name, database and cache sizes, bucket expiry, volume throughput, "
    "backups "
    "and storage class, log retention, alarms, schedules and the deploy style may differ";

std::string shown(const nlohmann::json& value) {
  if (value.is_null()) return "nothing";
  std::string text = value.dump();
  return text.size() > 60 ? text.substr(0, 57) + "..." : text;
}

nlohmann::json env_structure(const std::vector<EnvVar>& env) {
  // Values with references are code; literal values may differ (they become variables).
  nlohmann::json structure = nlohmann::json::object();
  for (const auto& var : env) {
    if (var.has_references()) structure[var.name] = var.raw;
  }
  return structure;
}

nlohmann::json secrets_structure(const std::vector<SecretBinding>& secrets) {
  nlohmann::json structure = nlohmann::json::object();
  for (const auto& binding : secrets) {
    structure[binding.variable] =
        (binding.source == SecretBinding::Source::database_password ? "databases." : "") +
        binding.target +
        (binding.source == SecretBinding::Source::database_password ? ".password" : "");
  }
  return structure;
}

nlohmann::json mounts_structure(const std::vector<VolumeMount>& mounts) {
  nlohmann::json structure = nlohmann::json::array();
  for (const auto& mount : mounts) {
    structure.push_back(mount.volume + ":" + mount.path + (mount.read_only ? ":ro" : ""));
  }
  return structure;
}

nlohmann::json build_structure(const ImageSpec& image) {
  if (!image.build) return nullptr;
  return {{"context", image.build->context},
          {"dockerfile", image.build->dockerfile},
          {"target", image.build->target},
          {"args", image.build->args}};
}

nlohmann::json service_structure(const ServiceModel& service) {
  nlohmann::json route = nullptr;
  if (service.route) route = {{"path", service.route->path}, {"host", service.route->host}};
  nlohmann::json health = nullptr;
  if (service.health) {
    health = {{"path", service.health->path},
              {"grace", service.health->grace_seconds},
              {"interval", service.health->interval_seconds},
              {"timeout", service.health->timeout_seconds},
              {"healthy_threshold", service.health->healthy_threshold},
              {"unhealthy_threshold", service.health->unhealthy_threshold}};
  }
  return {{"build", build_structure(service.image)},
          {"image", service.image.build ? nlohmann::json("built") : nlohmann::json("pulled")},
          {"command", service.command},
          {"port", service.port ? nlohmann::json(*service.port) : nlohmann::json()},
          {"expose", service.exposure == Exposure::public_    ? "public"
                     : service.exposure == Exposure::private_ ? "private"
                                                              : "none"},
          {"route", route},
          {"health", health},
          {"env", env_structure(service.env)},
          {"secrets", secrets_structure(service.secrets)},
          {"depends_on", service.depends_on},
          {"volumes", mounts_structure(service.volumes)}};
}

nlohmann::json job_structure(const JobModel& job) {
  nlohmann::json trigger = nullptr;
  if (job.trigger) {
    trigger = {{"bucket", job.trigger->bucket},
               {"prefix", job.trigger->prefix},
               {"suffix", job.trigger->suffix}};
  }
  return {{"build", build_structure(job.image)},
          {"image", job.image.build ? nlohmann::json("built") : nlohmann::json("pulled")},
          {"command", job.command},
          {"schedule", job.schedule ? nlohmann::json(*job.schedule) : nlohmann::json()},
          {"trigger", trigger},
          {"timeout", job.timeout_seconds},
          {"retries", job.retries},
          {"env", env_structure(job.env)},
          {"secrets", secrets_structure(job.secrets)},
          {"volumes", mounts_structure(job.volumes)}};
}

nlohmann::json database_structure(const DatabaseModel& database) {
  return {{"engine", database.engine},        {"version", database.version},
          {"name", database.database_name},   {"user", database.username},
          {"backup", database.backup_window}, {"managed", database.managed}};
}

nlohmann::json cache_structure(const CacheModel& cache) {
  return {{"engine", cache.engine}, {"version", cache.version}, {"managed", cache.managed}};
}

// The owner of a volume's files is fixed by its access point, one for all environments.
nlohmann::json volume_structure(const VolumeModel& volume) {
  return {{"owner", {{"uid", volume.uid}, {"gid", volume.gid}}},
          {"permissions", volume.permissions}};
}

nlohmann::json app_structure(const AppModel& model) {
  nlohmann::json pipeline = nullptr;
  if (model.pipeline) {
    pipeline = {{"provider", model.pipeline->provider},
                {"repository", model.pipeline->repository},
                {"branch", model.pipeline->branch}};
  }
  return {{"domain", model.domain.has_value()},
          {"state", model.state.has_value()},
          {"pipeline", pipeline}};
}

class ConsistencyChecker {
 public:
  explicit ConsistencyChecker(const LoweringContext& context) : context_(context) {}

  bool ok() const { return ok_; }

  // Compares the structure of one named thing (or the app, with an empty name) between the
  // base environment and `model`, field by field.
  void compare(const AppModel& model, const std::string& what, const std::string& pointer,
               const nlohmann::json& base, const nlohmann::json& other) {
    for (const auto& [field, base_value] : base.items()) {
      const nlohmann::json& other_value = other.at(field);
      if (base_value == other_value) continue;
      std::string field_pointer = pointer + "/" + field;
      // Point at the overlay that makes the difference: this environment's, else the base's.
      const AppModel& culprit =
          !model.overlay_sets(field_pointer) && context_.base().overlay_sets(field_pointer)
              ? context_.base()
              : model;
      report(culprit, field_pointer,
             what + " differs between environments: '" + field + "' is " + shown(base_value) +
                 " in '" + context_.base().environment + "' but " + shown(other_value) + " in '" +
                 model.environment + "'");
    }
  }

  template <typename Model>
  void compare_names(const AppModel& model, const std::string& kind, const std::string& section,
                     const std::vector<Model>& base, const std::vector<Model>& other) {
    std::set<std::string> base_names, other_names;
    for (const auto& item : base) base_names.insert(item.name);
    for (const auto& item : other) other_names.insert(item.name);
    for (const auto& name : base_names) {
      if (other_names.count(name)) continue;
      report(model, "/" + section + "/" + name,
             kind + " '" + name + "' exists in '" + context_.base().environment +
                 "' but is removed in '" + model.environment + "'");
    }
    for (const auto& name : other_names) {
      if (base_names.count(name)) continue;
      // The base environment's overlay removed it.
      report(context_.base(), "/" + section + "/" + name,
             kind + " '" + name + "' exists in '" + model.environment + "' but not in '" +
                 context_.base().environment + "'");
    }
  }

 private:
  void report(const AppModel& model, const std::string& pointer, const std::string& message) {
    context_.diagnostics.error(
        model.locate(pointer),
        message + "; " + context_.target_phrase() + " generates one code for all environments",
        kMayDiffer);
    ok_ = false;
  }

  const LoweringContext& context_;
  bool ok_ = true;
};

template <typename Model, typename Structure>
void compare_each(ConsistencyChecker& checker, const AppModel& model, const std::string& kind,
                  const std::vector<Model>& base, const std::vector<Model>& other,
                  Structure structure) {
  for (const auto& item : other) {
    auto match = std::find_if(base.begin(), base.end(),
                              [&](const Model& candidate) { return candidate.name == item.name; });
    if (match == base.end()) continue;
    checker.compare(model, kind + " '" + item.name + "'", item.origin.pointer, structure(*match),
                    structure(item));
  }
}

}  // namespace

bool check_consistency(const LoweringContext& context) {
  ConsistencyChecker checker(context);
  const AppModel& base = context.base();
  for (size_t i = 1; i < context.environments.size(); ++i) {
    const AppModel& model = context.environments[i];
    checker.compare_names(model, "service", "services", base.services, model.services);
    checker.compare_names(model, "database", "databases", base.databases, model.databases);
    checker.compare_names(model, "cache", "caches", base.caches, model.caches);
    checker.compare_names(model, "secret", "secrets", base.secrets, model.secrets);
    checker.compare_names(model, "bucket", "buckets", base.buckets, model.buckets);
    checker.compare_names(model, "job", "jobs", base.jobs, model.jobs);
    checker.compare_names(model, "volume", "volumes", base.volumes, model.volumes);
    compare_each(checker, model, "service", base.services, model.services, service_structure);
    compare_each(checker, model, "job", base.jobs, model.jobs, job_structure);
    compare_each(checker, model, "database", base.databases, model.databases, database_structure);
    compare_each(checker, model, "cache", base.caches, model.caches, cache_structure);
    compare_each(checker, model, "volume", base.volumes, model.volumes, volume_structure);
    checker.compare(model, "the app", "", app_structure(base), app_structure(model));
  }
  return checker.ok();
}

}  // namespace infragen
