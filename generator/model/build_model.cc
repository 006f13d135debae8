// build_models(): one AppModel per environment of a checked manifest.
#include "model/build_parts.h"

namespace infragen {

namespace {

NatMode nat_mode_of(const Fields& network) {
  std::string nat = network.string("nat");
  if (nat == "single") return NatMode::single;
  if (nat == "per-zone") return NatMode::per_zone;
  if (nat == "none") return NatMode::none;
  throw ManifestShapeError(network.pointer_of("nat"),
                           "internal error: unknown nat value '" + nat + "'");
}

NetworkModel build_network(const ModelContext& context, const Fields& network) {
  NetworkModel model;
  model.origin = context.origin(network.pointer());
  model.cidr = network.string("cidr");
  model.zones = network.integer("zones");
  model.nat = nat_mode_of(network);
  if (auto existing = network.optional_object("existing")) {
    ExistingNetwork ids;
    ids.vpc_id = existing->string("vpc_id");
    ids.public_subnets = existing->strings("public_subnets");
    ids.private_subnets = existing->strings("private_subnets");
    model.existing = std::move(ids);
  }
  return model;
}

ObservabilityModel build_observability(const ModelContext& context, const Fields& fields) {
  ObservabilityModel model;
  model.log_retention_days = fields.integer("log_retention_days");
  if (auto alarms = fields.optional_object("alarms")) {
    AlarmsModel alarm;
    alarm.email = alarms->string("email");
    alarm.cpu_high_percent = alarms->integer("cpu_high");
    alarm.memory_high_percent = alarms->integer("memory_high");
    alarm.http_5xx_count = alarms->integer("http_5xx");
    alarm.origin = context.origin(alarms->pointer());
    model.alarms = std::move(alarm);
  }
  return model;
}

// A capacity's written fields over `inherited` (a group's over those of `instances`).
InstanceCapacity build_capacity(const ModelContext& context, const Fields& fields,
                                const InstanceCapacity& inherited) {
  InstanceCapacity capacity = inherited;
  if (auto type = fields.optional_string("type")) capacity.type = type;
  if (auto min = fields.optional_integer("min")) capacity.min = min;
  if (auto max = fields.optional_integer("max")) capacity.max = max;
  if (auto spot = fields.optional_boolean("spot")) capacity.spot = *spot;
  if (auto disk = fields.optional_integer("disk")) capacity.disk = *disk;
  capacity.origin = context.origin(fields.pointer());
  return capacity;
}

InstancesModel build_instances(const ModelContext& context, const Fields& fields) {
  InstancesModel model;
  model.capacity = build_capacity(context, fields, InstanceCapacity{});
  for (const auto& [name, group_fields] : fields.members("groups")) {
    InstanceGroup group;
    group.name = name;
    group.services = group_fields.strings("services");
    group.capacity = build_capacity(context, group_fields, model.capacity);
    model.groups.push_back(std::move(group));
  }
  return model;
}

template <typename Model, typename Builder>
std::vector<Model> build_named(const ModelContext& context, const Fields& root,
                               const std::string& key, Builder builder) {
  std::vector<Model> models;
  for (const auto& [name, fields] : root.members(key)) {
    models.push_back(builder(context, name, fields));
  }
  return models;
}

AppModel build_model(const ModelContext& context, const EnvironmentManifest& environment) {
  Fields root(environment.manifest, "");
  AppModel model;
  model.app = root.string("name");
  model.environment = environment.name;
  model.region = root.string("region");
  if (root.has("tags")) {
    for (const auto& [key, value] : root.object("tags").value().items()) {
      if (!value.is_null()) model.tags[key] = scalar_text(value);
    }
  }
  model.network = build_network(context, root.object("network"));
  if (auto domain = root.optional_object("domain")) {
    DomainModel model_domain;
    model_domain.name = domain->string("name");
    model_domain.zone = domain->string("zone");
    model_domain.origin = context.origin(domain->pointer());
    model.domain = std::move(model_domain);
  }
  model.services = build_named<ServiceModel>(context, root, "services", build_service);
  model.databases = build_named<DatabaseModel>(context, root, "databases", build_database);
  model.caches = build_named<CacheModel>(context, root, "caches", build_cache);
  model.secrets = build_named<SecretModel>(context, root, "secrets", build_secret);
  model.buckets = build_named<BucketModel>(context, root, "buckets", build_bucket);
  model.volumes = build_named<VolumeModel>(context, root, "volumes", build_volume);
  model.jobs = build_named<JobModel>(context, root, "jobs", build_job);
  if (auto pipeline = root.optional_object("pipeline")) {
    PipelineModel model_pipeline;
    model_pipeline.provider = pipeline->string("provider");
    model_pipeline.repository = pipeline->string("repository");
    model_pipeline.branch = pipeline->string("branch");
    model_pipeline.deploy = pipeline->string("deploy");
    model_pipeline.origin = context.origin(pipeline->pointer());
    model.pipeline = std::move(model_pipeline);
  }
  model.observability = build_observability(context, root.object("observability"));
  if (auto state = root.optional_object("state")) {
    StateModel model_state;
    model_state.bucket = state->string("bucket");
    model_state.key = state->optional_string("key").value_or("");
    model_state.region = state->optional_string("region").value_or("");
    model_state.lock_table = state->optional_string("lock_table").value_or("");
    model_state.origin = context.origin(state->pointer());
    model.state = std::move(model_state);
  }
  if (auto instances = root.optional_object("instances")) {
    model.instances = build_instances(context, *instances);
  }
  if (environment.schedule.is_object()) {
    Fields schedule(environment.schedule, "/environments/" + environment.name + "/schedule");
    ScheduleModel model_schedule;
    model_schedule.stop = schedule.string("stop");
    model_schedule.start = schedule.string("start");
    model_schedule.origin.pointer = schedule.pointer();
    model_schedule.origin.location = context.document.locate(schedule.pointer());
    model.schedule = std::move(model_schedule);
  }
  return model;
}

}  // namespace

SourceLocation locate_for_environment(const Document& document, const std::string& environment,
                                      bool has_overlay, const std::string& pointer) {
  if (has_overlay) {
    std::string overlay = child_pointer("/environments", environment) + pointer;
    if (document.value_locations.count(overlay)) return document.locate(overlay);
  }
  return document.locate(pointer);
}

Origin ModelContext::origin(const std::string& pointer) const {
  return {pointer, locate_for_environment(document, environment, has_overlay, pointer)};
}

bool ModelContext::written(const std::string& pointer) const {
  if (has_overlay &&
      document.value_locations.count(child_pointer("/environments", environment) + pointer)) {
    return true;
  }
  return document.value_locations.count(pointer) > 0;
}

std::vector<AppModel> build_models(const CheckedManifest& manifest, Diagnostics& diagnostics) {
  auto document = std::make_shared<const Document>(manifest.document);
  bool has_environments = manifest.document.root.is_object() &&
                          manifest.document.root.contains("environments") &&
                          manifest.document.root["environments"].is_object();
  std::vector<AppModel> models;
  for (const auto& environment : manifest.environments) {
    bool has_overlay =
        has_environments && manifest.document.root["environments"].contains(environment.name);
    ModelContext context{*document, environment.name, has_overlay};
    try {
      AppModel model = build_model(context, environment);
      model.document = document;
      model.has_overlay = has_overlay;
      // Problems of a whole environment point at its name under `environments:`.
      std::string pointer = has_overlay ? child_pointer("/environments", environment.name) : "";
      model.environment_origin.pointer = pointer;
      model.environment_origin.location = manifest.document.locate_key(pointer);
      models.push_back(std::move(model));
    } catch (const ManifestShapeError& error) {
      diagnostics.error(manifest.document.locate(error.pointer()), error.what());
    }
  }
  return models;
}

}  // namespace infragen
