#include "lowering/view_workloads.h"

#include "lowering/environment_class.h"
#include "lowering/environment_variables.h"
#include "lowering/event_filters.h"
#include "lowering/images.h"
#include "lowering/references.h"
#include "lowering/sizing.h"

namespace infragen {

namespace {

nlohmann::json image_view(const AppModel& model, const ImageSpec& image) {
  if (!image.build) return {{"built", false}, {"pulled", true}, {"repository", ""}};
  const auto images = built_images(model);
  const BuiltImage* built = find_built_image(images, *image.build);
  return {{"built", true}, {"pulled", false}, {"repository", built ? built->resource : ""}};
}

nlohmann::json bucket_grant(const LoweringContext& context, const std::string& name,
                            const Workload& workload) {
  const SourceLocation& where = workload.origin.location;
  return {{"name", name},
          {"resource", resource_identifier(name)},
          {"arn", resolve_bucket_arn(context, name, false, where)},
          {"objects", resolve_bucket_arn(context, name, true, where)}};
}

// A volume the workload mounts: the task definition's volume and the IAM grant to mount it.
nlohmann::json volume_grant(const LoweringContext& context, const std::string& name, bool writes,
                            const Workload& workload) {
  const SourceLocation& where = workload.origin.location;
  return {{"name", name},
          {"resource", resource_identifier(name)},
          {"writes", writes},
          {"file_system_id", resolve_volume(context, name, "file_system_id", where)},
          {"access_point_id", resolve_volume(context, name, "access_point_id", where)},
          {"file_system_arn", resolve_volume(context, name, "file_system_arn", where)},
          {"access_point_arn", resolve_volume(context, name, "access_point_arn", where)}};
}

// Container secrets, and the IAM grants of the task's execution role (which reads the secrets
// and pulls the image) and task role (what the application itself calls).
void add_access(const LoweringContext& context, const Workload& workload, nlohmann::json& view) {
  const AppModel& model = context.base();
  WorkloadAccess access = access_of(model, workload);
  nlohmann::json secrets = nlohmann::json::array();
  for (const auto& binding : *workload.secrets) {
    secrets.push_back(
        {{"name", binding.variable}, {"value_from", resolve_secret(context, binding, false)}});
  }
  // Each secret once, even when several variables read it.
  nlohmann::json secret_arns = nlohmann::json::array();
  for (const auto& name : access.database_secrets) {
    SecretBinding binding{"", SecretBinding::Source::database_password, name, workload.origin};
    secret_arns.push_back({{"arn", resolve_secret(context, binding, true)}});
  }
  for (const auto& name : access.named_secrets) {
    SecretBinding binding{"", SecretBinding::Source::named_secret, name, workload.origin};
    secret_arns.push_back({{"arn", resolve_secret(context, binding, true)}});
  }
  nlohmann::json buckets = nlohmann::json::array();
  for (const auto& name : access.buckets) {
    buckets.push_back(bucket_grant(context, name, workload));
  }
  nlohmann::json read_buckets = nlohmann::json::array();
  for (const auto& name : access.trigger_buckets) {
    if (access.buckets.count(name)) continue;  // already read-write
    read_buckets.push_back(bucket_grant(context, name, workload));
  }
  view["has_secrets"] = !secrets.empty();
  view["secrets"] = with_last(std::move(secrets));
  view["has_secret_arns"] = !secret_arns.empty();
  view["secret_arns"] = with_last(std::move(secret_arns));
  view["has_buckets"] = !buckets.empty();
  view["buckets"] = with_last(std::move(buckets));
  view["has_read_buckets"] = !read_buckets.empty();
  view["read_buckets"] = with_last(std::move(read_buckets));
  nlohmann::json volumes = nlohmann::json::array();
  for (const auto& [name, writes] : access.volumes) {
    volumes.push_back(volume_grant(context, name, writes, workload));
  }
  nlohmann::json mounts = nlohmann::json::array();
  for (const auto& mount : *workload.volumes) {
    mounts.push_back({{"volume", mount.volume},
                      {"volume_resource", resource_identifier(mount.volume)},
                      {"path", mount.path},
                      {"read_only", mount.read_only}});
  }
  view["has_volumes"] = !volumes.empty();
  view["volumes"] = with_last(std::move(volumes));
  view["mounts"] = with_last(std::move(mounts));
  view["has_task_permissions"] =
      view["has_buckets"] || view["has_read_buckets"] || view["has_volumes"];
}

// What services and jobs share: identity, image, command, environment, secrets, IAM.
nlohmann::json workload_view(const LoweringContext& context, const Workload& workload) {
  bool service = workload.kind == Workload::Kind::service;
  nlohmann::json view = {{"name", workload.name},
                         {"resource", resource_identifier(workload.name)},
                         // The per-environment settings variable of its kind.
                         {"settings", service ? "services" : "jobs"},
                         {"settings_service", service},
                         {"label", workload.label},
                         {"container", workload.name},
                         {"image", image_view(context.base(), *workload.image)},
                         {"has_command", !workload.command->empty()},
                         {"command", value_list(*workload.command)}};
  EnvironmentVariablePlan env = plan_environment_variables(context, workload);
  view["has_environment"] = !env.code.empty();
  view["environment"] = env.code;
  view["has_environment_overrides"] = !env.per_environment.empty();
  add_access(context, workload, view);
  return view;
}

bool any_environment(const LoweringContext& context,
                     const std::function<bool(const AppModel&)>& predicate) {
  for (const auto& model : context.environments) {
    if (predicate(model)) return true;
  }
  return false;
}

nlohmann::json scaling_view(const LoweringContext& context, const ServiceModel& service) {
  auto autoscale_has = [&](auto member) {
    return any_environment(context, [&](const AppModel& model) {
      const ServiceModel* in = model.find_service(service.name);
      return in && in->autoscale && ((*in->autoscale).*member).has_value();
    });
  };
  bool autoscaled = any_environment(context, [&](const AppModel& model) {
    const ServiceModel* in = model.find_service(service.name);
    return in && in->autoscale.has_value();
  });
  bool scheduled =
      any_environment(context, [](const AppModel& model) { return model.schedule.has_value(); });
  return {{"autoscaled", autoscaled},
          {"cpu", autoscale_has(&AutoscaleModel::cpu_percent)},
          {"memory", autoscale_has(&AutoscaleModel::memory_percent)},
          {"requests", autoscale_has(&AutoscaleModel::requests_per_target)},
          {"scheduled", scheduled},
          // Application Auto Scaling owns the running count once either is in play.
          {"target", autoscaled || scheduled}};
}

bool check_task_size(const LoweringContext& context, const AppModel& model, int cpu, int memory,
                     const std::string& owner, const std::string& pointer) {
  if (fargate_accepts(cpu, memory)) return true;
  std::string choices = fargate_memory_choices(cpu);
  context.diagnostics.error(
      model.locate(pointer),
      context.target_phrase() + " cannot run " + owner + " with " + std::to_string(cpu) +
          " CPU units and " + std::to_string(memory) + " MiB: Fargate does not offer that size",
      choices.empty()
          ? "Fargate CPU units are 256, 512, 1024, 2048, 4096, "
            "8192 or 16384"
          : "with " + std::to_string(cpu) + " CPU units, memory is " + choices + " MiB");
  return false;
}

}  // namespace

nlohmann::json lower_services(const LoweringContext& context) {
  nlohmann::json services = nlohmann::json::array();
  const AppModel& base = context.base();
  for (const auto& workload : workloads_of(base)) {
    if (workload.kind != Workload::Kind::service) continue;
    const ServiceModel& service = *base.find_service(workload.name);
    nlohmann::json view = workload_view(context, workload);
    view["public"] = service.exposure == Exposure::public_;
    view["private"] = service.exposure == Exposure::private_;
    view["worker"] = service.exposure == Exposure::none;
    view["has_port"] = service.port.has_value();
    view["port"] = service.port.value_or(0);
    nlohmann::json health = nullptr;
    if (service.health) {
      health = {{"path", service.health->path},
                {"grace", service.health->grace_seconds},
                {"interval", service.health->interval_seconds},
                {"timeout", service.health->timeout_seconds},
                {"healthy_threshold", service.health->healthy_threshold},
                {"unhealthy_threshold", service.health->unhealthy_threshold}};
    }
    view["health"] = health.is_null() ? nlohmann::json(false) : health;
    view["load_balanced"] = service.exposure == Exposure::public_ && service.port.has_value();
    view["discovery"] = service.exposure == Exposure::private_ && service.port.has_value();
    view["scaling"] = scaling_view(context, service);
    view["spot_possible"] = any_environment(context, [&](const AppModel& model) {
      const ServiceModel* in = model.find_service(service.name);
      return in && in->spot && !is_production_environment(model.environment);
    });
    for (const auto& model : context.environments) {
      const ServiceModel* in = model.find_service(service.name);
      if (in && context.target.builds("fargate_sizing")) {
        check_task_size(context, model, in->cpu, in->memory, "service '" + service.name + "'",
                        service.origin.pointer + "/memory");
      }
      if (in && in->autoscale && in->autoscale->requests_per_target &&
          in->exposure != Exposure::public_) {
        context.diagnostics.error(
            model.locate(service.origin.pointer + "/autoscale/requests"),
            context.target_phrase() + " cannot scale service '" + service.name +
                "' on requests: only public services are behind the load balancer");
      }
    }
    services.push_back(std::move(view));
  }
  return with_last(std::move(services));
}

nlohmann::json lower_jobs(const LoweringContext& context) {
  nlohmann::json jobs = nlohmann::json::array();
  const AppModel& base = context.base();
  for (const auto& workload : workloads_of(base)) {
    if (workload.kind != Workload::Kind::job) continue;
    const JobModel& job = *base.find_job(workload.name);
    nlohmann::json view = workload_view(context, workload);
    view["has_port"] = false;
    view["port"] = 0;
    view["scheduled"] = job.schedule.has_value();
    view["schedule"] = job.schedule.value_or("");
    view["triggered"] = job.trigger.has_value();
    nlohmann::json trigger = false;
    if (job.trigger) {
      nlohmann::json key_filter = object_key_filter(job.trigger->prefix, job.trigger->suffix);
      trigger = {{"bucket", job.trigger->bucket},
                 {"bucket_resource", resource_identifier(job.trigger->bucket)},
                 {"has_key_filter", !key_filter.is_null()},
                 {"key_filter", key_filter.is_null() ? nlohmann::json(false) : key_filter},
                 {"prefix", job.trigger->prefix},
                 {"suffix", job.trigger->suffix}};
    }
    view["trigger"] = trigger;
    view["timeout"] = job.timeout_seconds;
    view["retries"] = job.retries;
    view["retries_text"] = job.retries == 0   ? "a failed run is not retried"
                           : job.retries == 1 ? "a failed run is retried once"
                                              : "a failed run is retried up to " +
                                                    std::to_string(job.retries) + " times";
    view["spot_possible"] = any_environment(context, [&](const AppModel& model) {
      const JobModel* in = model.find_job(job.name);
      return in && in->compute.spot && !is_production_environment(model.environment);
    });
    for (const auto& model : context.environments) {
      const JobModel* in = model.find_job(job.name);
      // On AWS Batch a size Fargate does not run goes to EC2 instead (batch_jobs.h).
      if (!in || !context.target.builds("fargate_sizing") || context.target.builds("batch_jobs")) {
        continue;
      }
      auto cpu = fargate_cpu_for_vcpus(in->compute.vcpus);
      if (!cpu) {
        context.diagnostics.error(model.locate(job.origin.pointer + "/compute/vcpus"),
                                  context.target_phrase() + " cannot run job '" + job.name +
                                      "' with " + nlohmann::json(in->compute.vcpus).dump() +
                                      " vCPUs: Fargate does not offer that size",
                                  "Fargate tasks have 0.25, 0.5, 1, 2, 4, 8 or 16 vCPUs");
        continue;
      }
      check_task_size(context, model, *cpu, in->compute.memory, "job '" + job.name + "'",
                      job.origin.pointer + "/compute/memory");
    }
    jobs.push_back(std::move(view));
  }
  return with_last(std::move(jobs));
}

nlohmann::json lower_repositories(const LoweringContext& context) {
  nlohmann::json repositories = nlohmann::json::array();
  for (const auto& image : built_images(context.base())) {
    nlohmann::json users = nlohmann::json::array();
    for (const auto& service : image.services) users.push_back("service '" + service + "'");
    for (const auto& job : image.jobs) users.push_back("job '" + job + "'");
    std::string used_by;
    for (const auto& user : users)
      used_by += (used_by.empty() ? "" : ", ") + user.get<std::string>();
    nlohmann::json args = nlohmann::json::array();
    for (const auto& [name, value] : image.build.args)
      args.push_back({{"name", name}, {"value", value}});
    repositories.push_back({{"name", image.name},
                            {"resource", image.resource},
                            {"used_by", used_by},
                            {"context", image.build.context},
                            {"dockerfile", image.build.dockerfile},
                            {"has_target", !image.build.target.empty()},
                            {"target", image.build.target},
                            {"has_args", !args.empty()},
                            {"args", with_last(std::move(args))}});
  }
  return with_last(std::move(repositories));
}

nlohmann::json service_values(const LoweringContext& context, const AppModel& model) {
  nlohmann::json values = nlohmann::json::array();
  bool spot_allowed = !is_production_environment(model.environment);
  for (const auto& workload : workloads_of(model)) {
    if (workload.kind != Workload::Kind::service) continue;
    const ServiceModel& service = *model.find_service(workload.name);
    EnvironmentVariablePlan env = plan_environment_variables(context, workload);
    nlohmann::json overrides = environment_overrides(model, workload, env.per_environment);
    nlohmann::json autoscale = false;
    if (service.autoscale) {
      const AutoscaleModel& scale = *service.autoscale;
      autoscale = {{"min", scale.min},
                   {"max", scale.max},
                   {"has_cpu", scale.cpu_percent.has_value()},
                   {"cpu", scale.cpu_percent.value_or(0)},
                   {"has_memory", scale.memory_percent.has_value()},
                   {"memory", scale.memory_percent.value_or(0)},
                   {"has_requests", scale.requests_per_target.has_value()},
                   {"requests", scale.requests_per_target.value_or(0)}};
    }
    values.push_back({{"name", service.name},
                      {"pulled", !service.image.build.has_value()},
                      {"image", service.image.image},
                      {"cpu", service.cpu},
                      {"memory", service.memory},
                      {"desired_count", service.replicas},
                      {"spot", service.spot && spot_allowed},
                      {"autoscale", autoscale},
                      {"has_environment_overrides", !env.per_environment.empty()},
                      {"has_environment", !overrides.empty()},
                      {"environment", overrides}});
  }
  return with_last(std::move(values));
}

nlohmann::json job_values(const LoweringContext& context, const AppModel& model) {
  nlohmann::json values = nlohmann::json::array();
  bool spot_allowed = !is_production_environment(model.environment);
  for (const auto& workload : workloads_of(model)) {
    if (workload.kind != Workload::Kind::job) continue;
    const JobModel& job = *model.find_job(workload.name);
    EnvironmentVariablePlan env = plan_environment_variables(context, workload);
    nlohmann::json overrides = environment_overrides(model, workload, env.per_environment);
    values.push_back({{"name", job.name},
                      {"pulled", !job.image.build.has_value()},
                      {"image", job.image.image},
                      {"cpu", job_cpu_units(job.compute.vcpus)},
                      {"memory", job.compute.memory},
                      {"spot", job.compute.spot && spot_allowed},
                      {"has_environment_overrides", !env.per_environment.empty()},
                      {"has_environment", !overrides.empty()},
                      {"environment", overrides}});
  }
  return with_last(std::move(values));
}

}  // namespace infragen
