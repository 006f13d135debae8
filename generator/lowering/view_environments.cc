#include "lowering/view_environments.h"

#include <map>

#include "lowering/batch_jobs.h"
#include "lowering/compose_capacity.h"
#include "lowering/compose_groups.h"
#include "lowering/data_host.h"
#include "lowering/environment_class.h"
#include "lowering/images.h"
#include "lowering/instance_capacity.h"
#include "lowering/resource_names.h"
#include "lowering/view_data.h"
#include "lowering/view_network.h"
#include "lowering/view_pipeline.h"
#include "lowering/view_workloads.h"
#include "model/naming.h"
#include "render/shell_words.h"

namespace infragen {

namespace {

// Tag keys whose value is the same in every environment.
std::map<std::string, std::string> common_tags(const LoweringContext& context) {
  std::map<std::string, std::string> common = context.base().tags;
  for (const auto& model : context.environments) {
    for (auto it = common.begin(); it != common.end();) {
      auto found = model.tags.find(it->first);
      it = found == model.tags.end() || found->second != it->second ? common.erase(it) : ++it;
    }
  }
  return common;
}

nlohmann::json tag_list(const std::map<std::string, std::string>& tags) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& [key, value] : tags) list.push_back({{"key", key}, {"value", value}});
  return with_last(std::move(list));
}

nlohmann::json alarm_values(const AppModel& model) {
  if (!model.observability.alarms) return false;
  const AlarmsModel& alarms = *model.observability.alarms;
  return {{"email", alarms.email},
          {"cpu_high", alarms.cpu_high_percent},
          {"memory_high", alarms.memory_high_percent},
          {"http_5xx", alarms.http_5xx_count}};
}

nlohmann::json state_values(const AppModel& model) {
  if (!model.state) return false;
  const StateModel& state = *model.state;
  return {{"bucket", state.bucket},
          {"key", state.key.empty() ? model.app + "/" + model.environment + "/terraform.tfstate"
                                    : state.key},
          {"region", state.region.empty() ? model.region : state.region},
          {"has_lock_table", !state.lock_table.empty()},
          {"lock_table", state.lock_table}};
}

// Each image built from source and its ECR repository in this environment (what a pipeline
// builds and where it pushes).
nlohmann::json image_builds(const AppModel& model) {
  nlohmann::json builds = nlohmann::json::array();
  for (const auto& image : built_images(model)) {
    nlohmann::json args = nlohmann::json::array();
    for (const auto& [name, value] : image.build.args) {
      // The workflow runs `docker build --build-arg WORD`: one shell word, literal.
      args.push_back(
          {{"name", name}, {"value", value}, {"shell_word", ansi_c_quoted(name + "=" + value)}});
    }
    builds.push_back({{"resource", image.resource},
                      {"repository", resource_name(name_rules::ecr_repository, model.app,
                                                   model.environment, image.name)},
                      {"context", image.build.context},
                      {"dockerfile", image.build.dockerfile},
                      {"has_target", !image.build.target.empty()},
                      {"target", image.build.target},
                      {"args", with_last(std::move(args))}});
  }
  return with_last(std::move(builds));
}

nlohmann::json environment_entry(const LoweringContext& context, const AppModel& model,
                                 const std::map<std::string, std::string>& common) {
  std::map<std::string, std::string> own_tags;
  for (const auto& [key, value] : model.tags) {
    if (!common.count(key)) own_tags[key] = value;
  }
  bool production = is_production_environment(model.environment);
  bool development = is_development_environment(model.environment);
  nlohmann::json domain = false;
  if (model.domain) domain = {{"name", model.domain->name}, {"zone", model.domain->zone}};
  nlohmann::json schedule = false;
  if (model.schedule) schedule = {{"stop", model.schedule->stop}, {"start", model.schedule->start}};
  const TargetSpec& target = context.target;
  nlohmann::json entry = {{"name", model.environment},
                          {"production", production},
                          {"development", development},
                          {"names", resource_names(context, model)},
                          {"domain", domain},
                          // Outside development, data and endpoints survive a mistaken destroy.
                          {"deletion_protection", !development},
                          {"log_retention_days", model.observability.log_retention_days},
                          {"has_tags", !own_tags.empty()},
                          {"tags", tag_list(own_tags)},
                          {"alarms", alarm_values(model)},
                          {"schedule", schedule},
                          {"state", state_values(model)}};
  if (target.builds("network")) entry["network"] = network_values(context, model);
  if (target.builds("images")) entry["builds"] = image_builds(model);
  if (target.builds("ecs_workloads")) {
    entry["services"] = service_values(context, model);
    entry["jobs"] = job_values(context, model);
    if (target.builds("batch_jobs")) attach_batch_job_values(model, entry["jobs"]);
    entry["enable_execute_command"] = !production;
  }
  if (target.builds("data_stores")) {
    entry["databases"] = database_values(context, model);
    entry["caches"] = cache_values(model);
    entry["buckets"] = bucket_values(model);
    entry["volumes"] = volume_values(model);
  }
  if (target.builds("pipeline")) entry["pipeline"] = pipeline_values(context, model);
  if (target.builds("fargate_sizing")) entry["fargate_spot"] = !production;
  if (target.builds("instance_capacity")) {
    entry["capacity"] = capacity_values(context, model);
  }
  if (target.builds("compose_groups")) {
    entry["compose"] = compose_group_values(context, model);
    entry["data_host"] = data_host_values(model);
    entry["compose_schedule"] = compose_schedule(context, model);
  }
  return entry;
}

}  // namespace

nlohmann::json lower_environments(const LoweringContext& context) {
  std::map<std::string, std::string> common = common_tags(context);
  nlohmann::json environments = nlohmann::json::array();
  for (size_t i = 0; i < context.environments.size(); ++i) {
    nlohmann::json entry = environment_entry(context, context.environments[i], common);
    // Environments deploy in manifest order: each after the one before it.
    entry["first"] = i == 0;
    entry["previous"] = i == 0 ? "" : context.environments[i - 1].environment;
    environments.push_back(std::move(entry));
  }
  return with_last(std::move(environments));
}

nlohmann::json lower_tags(const LoweringContext& context) {
  std::map<std::string, std::string> common = common_tags(context);
  bool vary = false;
  for (const auto& model : context.environments) {
    for (const auto& [key, value] : model.tags) vary = vary || !common.count(key);
  }
  return {{"common", tag_list(common)}, {"vary", vary}};
}

}  // namespace infragen
