// Builds services and jobs (the workloads) of an AppModel.
#include <algorithm>

#include "model/build_parts.h"
#include "model/env_values.h"

namespace infragen {

namespace {

Exposure exposure_of(const Fields& fields) {
  std::string expose = fields.string("expose");
  if (expose == "public") return Exposure::public_;
  if (expose == "private") return Exposure::private_;
  if (expose == "none") return Exposure::none;
  throw ManifestShapeError(fields.pointer_of("expose"),
                           "internal error: unknown expose value '" + expose + "'");
}

HealthModel build_health(const Fields& fields) {
  HealthModel health;
  health.path = fields.string("path");
  health.grace_seconds = fields.integer("grace");
  health.interval_seconds = fields.integer("interval");
  health.timeout_seconds = fields.integer("timeout");
  health.healthy_threshold = fields.integer("healthy_threshold");
  health.unhealthy_threshold = fields.integer("unhealthy_threshold");
  return health;
}

AutoscaleModel build_autoscale(const ModelContext& context, const Fields& fields) {
  AutoscaleModel autoscale;
  autoscale.min = fields.integer("min");
  autoscale.max = fields.integer("max");
  autoscale.cpu_percent = fields.optional_integer("cpu");
  autoscale.memory_percent = fields.optional_integer("memory");
  autoscale.requests_per_target = fields.optional_integer("requests");
  autoscale.origin = context.origin(fields.pointer());
  return autoscale;
}

}  // namespace

std::vector<VolumeMount> build_volume_mounts(const ModelContext& context, const Fields& owner) {
  std::vector<VolumeMount> mounts;
  if (!owner.has("volumes")) return mounts;
  const nlohmann::json& list = owner.value().at("volumes");
  for (size_t index = 0; index < list.size(); ++index) {
    const std::string pointer = owner.pointer_of("volumes") + "/" + std::to_string(index);
    const nlohmann::json& entry = list[index];
    VolumeMount mount;
    mount.origin = context.origin(pointer);
    if (entry.is_string()) {
      // NAME:/path[:ro|:rw], as the schema's pattern allows.
      const std::string text = entry.get<std::string>();
      const size_t colon = text.find(':');
      mount.volume = text.substr(0, colon);
      std::string rest = text.substr(colon + 1);
      const size_t mode = rest.find(':');
      if (mode != std::string::npos) {
        mount.read_only = rest.substr(mode + 1) == "ro";
        rest = rest.substr(0, mode);
      }
      mount.path = rest;
    } else {
      Fields fields(entry, pointer);
      mount.volume = fields.string("volume");
      mount.path = fields.string("path");
      mount.read_only = fields.boolean("read_only");
    }
    mounts.push_back(std::move(mount));
  }
  return mounts;
}

ImageSpec build_image(const Fields& owner) {
  ImageSpec image;
  if (auto build = owner.optional_object("build")) {
    BuildSpec spec;
    spec.context = build->string("context");
    spec.dockerfile = build->string("dockerfile");
    spec.target = build->optional_string("target").value_or("");
    if (build->has("args")) {
      for (const auto& [key, value] : build->object("args").value().items()) {
        spec.args[key] = scalar_text(value);
      }
    }
    image.build = std::move(spec);
  } else {
    image.image = owner.string("image");
  }
  return image;
}

std::vector<EnvVar> build_env(const ModelContext& context, const Fields& owner) {
  std::vector<EnvVar> env;
  if (!owner.has("env")) return env;
  Fields values = owner.object("env");
  for (const auto& [name, value] : values.value().items()) {
    if (value.is_null()) continue;
    EnvVar var;
    var.name = name;
    var.raw = scalar_text(value);
    var.origin = context.origin(values.pointer_of(name));
    auto parts = parse_env_value(var.raw);
    if (!parts) {
      throw ManifestShapeError(values.pointer_of(name),
                               "internal error: unparsed reference in env value '" + var.raw + "'");
    }
    var.parts = std::move(*parts);
    env.push_back(std::move(var));
  }
  // nlohmann::json keeps object keys sorted, so env is already in name order.
  return env;
}

std::vector<SecretBinding> build_secret_bindings(const ModelContext& context, const Fields& owner) {
  std::vector<SecretBinding> bindings;
  if (!owner.has("secrets")) return bindings;
  Fields values = owner.object("secrets");
  for (const auto& [variable, source] : values.value().items()) {
    if (source.is_null()) continue;
    if (!source.is_string()) {
      throw ManifestShapeError(values.pointer_of(variable),
                               "internal error: secret source is not a string");
    }
    SecretBinding binding = parse_secret_binding(variable, source.get<std::string>());
    binding.origin = context.origin(values.pointer_of(variable));
    bindings.push_back(std::move(binding));
  }
  return bindings;
}

ServiceModel build_service(const ModelContext& context, const std::string& name,
                           const Fields& fields) {
  ServiceModel service;
  service.name = name;
  service.origin = context.origin(fields.pointer());
  service.image = build_image(fields);
  service.command = fields.strings("command");
  service.port = fields.optional_integer("port");
  service.exposure = exposure_of(fields);
  if (auto route = fields.optional_object("route")) {
    RouteModel model;
    model.path = route->optional_string("path").value_or("");
    model.host = route->optional_string("host").value_or("");
    model.origin = context.origin(route->pointer());
    service.route = std::move(model);
  }
  // A service without a port receives no traffic, so its health check has nothing to probe.
  if (service.port) service.health = build_health(fields.object("health"));
  service.cpu = fields.integer("cpu");
  service.memory = fields.integer("memory");
  service.replicas = fields.integer("replicas");
  if (auto autoscale = fields.optional_object("autoscale")) {
    service.autoscale = build_autoscale(context, *autoscale);
  }
  service.spot = fields.boolean("spot");
  service.env = build_env(context, fields);
  service.secrets = build_secret_bindings(context, fields);
  service.volumes = build_volume_mounts(context, fields);
  service.depends_on = fields.strings("depends_on");
  std::sort(service.depends_on.begin(), service.depends_on.end());
  return service;
}

JobModel build_job(const ModelContext& context, const std::string& name, const Fields& fields) {
  JobModel job;
  job.name = name;
  job.origin = context.origin(fields.pointer());
  job.image = build_image(fields);
  job.command = fields.strings("command");
  job.schedule = fields.optional_string("schedule");
  if (auto trigger = fields.optional_object("trigger")) {
    JobTrigger model;
    model.bucket = trigger->string("bucket");
    model.prefix = trigger->optional_string("prefix").value_or("");
    model.suffix = trigger->optional_string("suffix").value_or("");
    model.origin = context.origin(trigger->pointer());
    job.trigger = std::move(model);
  }
  Fields compute = fields.object("compute");
  job.compute.vcpus = compute.number("vcpus");
  job.compute.memory = compute.integer("memory");
  job.compute.max_vcpus = compute.integer("max_vcpus");
  job.compute.min_vcpus = compute.integer("min_vcpus");
  job.compute.gpu = compute.integer("gpu");
  job.compute.spot = compute.boolean("spot");
  job.compute.origin = context.origin(compute.pointer());
  job.timeout_seconds = fields.integer("timeout");
  job.retries = fields.integer("retries");
  job.env = build_env(context, fields);
  job.secrets = build_secret_bindings(context, fields);
  job.volumes = build_volume_mounts(context, fields);
  return job;
}

}  // namespace infragen
