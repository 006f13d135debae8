#include "lowering/lowering.h"

#include "lowering/consistency.h"
#include "lowering/features.h"
#include "lowering/lowering_context.h"
#include "lowering/reference_snippets.h"
#include "lowering/view_data.h"
#include "lowering/view_environments.h"
#include "lowering/view_network.h"
#include "lowering/view_pipeline.h"
#include "lowering/view_security.h"
#include "lowering/view_workloads.h"

namespace infragen {

namespace {

bool any_of_list(const nlohmann::json& list, const std::string& key) {
  for (const auto& item : list) {
    if (item.value(key, false)) return true;
  }
  return false;
}

nlohmann::json environment_names(const std::vector<AppModel>& environments) {
  std::vector<std::string> names;
  for (const auto& model : environments) names.push_back(model.environment);
  return value_list(names);
}

// S3 native state locking (use_lockfile) needs Terraform 1.10; everything else runs on 1.5.
std::string required_terraform(const std::vector<AppModel>& environments) {
  for (const auto& model : environments) {
    if (model.state && model.state->lock_table.empty()) return ">= 1.10";
  }
  return ">= 1.5";
}

nlohmann::json app_wide(const LoweringContext& context) {
  const auto& environments = context.environments;
  bool alarms = false;
  bool schedule = false;
  bool state = false;
  bool lockfile = false;
  for (const auto& model : environments) {
    alarms = alarms || model.observability.alarms.has_value();
    schedule = schedule || model.schedule.has_value();
    state = state || model.state.has_value();
    lockfile = lockfile || (model.state && model.state->lock_table.empty());
  }
  // Named so that no key of an `environments` entry (alarms, schedule, state) hides them.
  return {{"alarms_possible", alarms},
          {"schedule_possible", schedule},
          {"state_enabled", state},
          {"state_lockfile", lockfile},
          {"terraform_version", required_terraform(environments)}};
}

// Each public service gets its listener rule (or false: it is the default target, or routed by
// no rule), so its file holds everything about it.
void attach_listener_rules(nlohmann::json& view) {
  for (auto& service : view["services"]) {
    service["listener_rule"] = false;
    service["default_target"] = false;
    if (!view["load_balancer"].is_object()) continue;
    const auto& load_balancer = view["load_balancer"];
    if (load_balancer["has_default_service"].get<bool>() &&
        load_balancer["default_service"] == service["name"]) {
      service["default_target"] = true;
    }
    for (const auto& rule : load_balancer["rules"]) {
      if (rule["service"] == service["name"]) service["listener_rule"] = rule;
    }
  }
}

// How each service is deployed. A service that CodeDeploy may deploy blue/green in some
// environments gets two alternative aws_ecs_service blocks (one per deployment controller, chosen
// by the environment's pipeline.blue_green), because the lifecycle rules of the two differ and
// Terraform cannot make them conditional.
void attach_deployment_variants(nlohmann::json& view) {
  const nlohmann::json& pipeline = view["pipeline"];
  bool codepipeline = pipeline.is_object() && pipeline["codepipeline"].get<bool>();
  bool any_blue_green_default = false;
  for (auto& service : view["services"]) {
    bool built = service["image"]["built"].get<bool>();
    bool blue_green = false;
    if (codepipeline) {
      for (const auto& deployed : pipeline["services"]) {
        if (deployed["name"] == service["name"]) blue_green = deployed["blue_green"].get<bool>();
      }
    }
    nlohmann::json rolling = {{"suffix", ""}, {"conditional", blue_green}, {"blue_green", false}};
    nlohmann::json variants = nlohmann::json::array({rolling});
    if (blue_green) {
      variants.push_back({{"suffix", "_blue_green"}, {"conditional", true}, {"blue_green", true}});
    }
    service["deployment_variants"] = with_last(std::move(variants));
    service["blue_green_possible"] = blue_green;
    // The pipeline deploys images it built; Terraform then reads the deployed tag back.
    service["pipeline_deployed"] = codepipeline && built;
    if (blue_green && service["default_target"].get<bool>()) any_blue_green_default = true;
  }
  if (view["load_balancer"].is_object()) {
    view["load_balancer"]["default_action_by_codedeploy"] = any_blue_green_default;
  }
}

// What each service's `depends_on` names, for the code to create (and start) those first.
void attach_start_order(const AppModel& model, nlohmann::json& view) {
  for (auto& service : view["services"]) {
    const ServiceModel* source = model.find_service(service["name"].get<std::string>());
    nlohmann::json after = nlohmann::json::array();
    for (const auto& name : source ? source->depends_on : std::vector<std::string>{}) {
      nlohmann::json entry = {{"name", name},
                              {"resource", resource_identifier(name)},
                              {"service", false},
                              {"database", false},
                              {"cache", false},
                              {"aurora", false},
                              {"variants", nlohmann::json::array()}};
      if (const DatabaseModel* database = model.find_database(name)) {
        entry["database"] = true;
        entry["aurora"] = database->is_aurora();
      } else if (model.find_cache(name)) {
        entry["cache"] = true;
      } else {
        for (const auto& other : view["services"]) {
          if (other["name"] != name) continue;
          entry["service"] = true;
          entry["variants"] = other["deployment_variants"];
        }
      }
      after.push_back(std::move(entry));
    }
    service["has_start_after"] = !after.empty();
    service["start_after"] = with_last(std::move(after));
  }
}

// Files that exist only when the manifest has that part: `each:` over a list of zero or one
// empty item.
nlohmann::json optional_files(const nlohmann::json& view) {
  auto when = [](bool present) {
    return present ? nlohmann::json::array({nlohmann::json::object()}) : nlohmann::json::array();
  };
  bool alarms = view["alarms_possible"].get<bool>();
  return {{"load_balancer", when(view["load_balancer"].is_object())},
          {"repositories", when(view["has_repositories"].get<bool>())},
          {"databases", when(view["has_databases"].get<bool>())},
          {"caches", when(view["has_caches"].get<bool>())},
          {"secrets", when(view["has_secrets"].get<bool>())},
          {"buckets", when(view["has_buckets"].get<bool>())},
          {"jobs", when(view["has_jobs"].get<bool>())},
          {"alarms", when(alarms)},
          {"pipeline", when(view["pipeline"].is_object())},
          {"github_workflow",
           when(view["pipeline"].is_object() && view["pipeline"]["github_actions"].get<bool>())}};
}

// The S3 backend settings of each environment that has remote state (env/<env>.s3.tfbackend).
nlohmann::json backend_files(const nlohmann::json& environments) {
  nlohmann::json files = nlohmann::json::array();
  for (const auto& environment : environments) {
    if (!environment["state"].is_object()) continue;
    nlohmann::json file = environment["state"];
    file["name"] = environment["name"];
    files.push_back(std::move(file));
  }
  return files;
}

}  // namespace

nlohmann::json lower(const std::vector<AppModel>& environments, const TargetSpec& target,
                     Diagnostics& diagnostics) {
  if (environments.empty()) {
    diagnostics.add(
        {Severity::error, {}, "internal error: no environment to lower", {}, "infragen"});
    return nullptr;
  }
  LoweringContext context(environments, target, diagnostics);
  // Unsupported features and inconsistent environments make the rest meaningless.
  bool features_ok = check_features(context);
  bool consistent = check_consistency(context);
  if (!features_ok || !consistent) return nullptr;

  const AppModel& base = context.base();
  nlohmann::json view = {{"target", target.target},
                         {"app", base.app},
                         {"region", base.region},
                         {"environment_names", environment_names(environments)},
                         {"single_environment", environments.size() == 1},
                         {"first_environment", base.environment}};
  view["tags"] = lower_tags(context);
  view["network"] = lower_network(context);
  view["https"] = base.domain.has_value();
  view["public_tasks_possible"] = view["network"]["public_tasks_possible"];
  view["load_balancer"] = lower_load_balancer(context);
  view["services"] = lower_services(context);
  view["has_services"] = !view["services"].empty();
  view["service_discovery"] = any_of_list(view["services"], "discovery");
  view["jobs"] = lower_jobs(context);
  view["has_jobs"] = !view["jobs"].empty();
  view["scheduled_jobs"] = any_of_list(view["jobs"], "scheduled");
  view["triggered_jobs"] = any_of_list(view["jobs"], "triggered");
  view["spot_possible"] =
      any_of_list(view["services"], "spot_possible") || any_of_list(view["jobs"], "spot_possible");
  view["repositories"] = lower_repositories(context);
  view["has_repositories"] = !view["repositories"].empty();
  view["databases"] = lower_databases(context);
  view["has_databases"] = !view["databases"].empty();
  view["caches"] = lower_caches(context);
  view["has_caches"] = !view["caches"].empty();
  view["secrets"] = lower_secrets(context);
  view["has_secrets"] = !view["secrets"].empty();
  view["buckets"] = lower_buckets(context);
  view["has_buckets"] = !view["buckets"].empty();
  attach_listener_rules(view);
  view["security"] = lower_security_groups(context);
  view["pipeline"] = lower_pipeline(context);
  // Flags that need no dotted lookup into a `pipeline` that may be false.
  view["pipeline_github_actions"] =
      view["pipeline"].is_object() && view["pipeline"]["github_actions"].get<bool>();
  view["pipeline_codepipeline"] =
      view["pipeline"].is_object() && view["pipeline"]["codepipeline"].get<bool>();
  attach_deployment_variants(view);
  attach_start_order(base, view);
  view.update(app_wide(context));
  view["environments"] = lower_environments(context);
  view["files"] = optional_files(view);
  view["backend_files"] = backend_files(view["environments"]);
  if (diagnostics.has_errors()) return nullptr;
  return view;
}

}  // namespace infragen
