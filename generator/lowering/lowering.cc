#include "lowering/lowering.h"

#include <algorithm>
#include <set>

#include "lowering/batch_jobs.h"
#include "lowering/compose_groups.h"
#include "lowering/compose_local.h"
#include "lowering/compose_security.h"
#include "lowering/consistency.h"
#include "lowering/data_host.h"
#include "lowering/features.h"
#include "lowering/instance_capacity.h"
#include "lowering/logical_ids.h"
#include "lowering/lowering_context.h"
#include "lowering/service_wiring.h"
#include "lowering/view_cloudformation.h"
#include "lowering/view_data.h"
#include "lowering/view_environments.h"
#include "lowering/view_files.h"
#include "lowering/view_kubernetes.h"
#include "lowering/view_network.h"
#include "lowering/view_pipeline.h"
#include "lowering/view_sections.h"
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
  // Write-only attributes keep the generated database passwords of ec2-compose's data host out
  // of the state.
  for (const auto& model : environments) {
    if (has_unmanaged_stores(model)) return ">= 1.11";
  }
  for (const auto& model : environments) {
    if (model.state && model.state->lock_table.empty()) return ">= 1.10";
  }
  return ">= 1.5";
}

// CloudFormation places ec2-compose's data host (`managed: false` databases and caches) in the
// zone of the first subnet by Fn::GetAZs, as its network stack does; it cannot look up the zone
// of an existing subnet, so that format needs the network it creates.
void refuse_data_host_in_existing_network(const LoweringContext& context) {
  for (const auto& model : context.environments) {
    if (!model.network.existing || !has_unmanaged_stores(model)) continue;
    context.diagnostics.error(
        model.locate("/network/existing"),
        "the CloudFormation format of " + context.target_phrase() + " cannot place the data " +
            "host of the `managed: false` databases and caches in an existing network: " +
            "CloudFormation cannot look up the availability zone of a subnet it did not create",
        "generate the terraform format (-f terraform), or let infragen create the network");
    return;
  }
}

// A target whose workloads are a Helm chart (eks) creates each job's Pod Identity role, and the
// secrets, roles and EBS CSI driver add-on of its in-cluster data stores, in Terraform only so
// far: its CloudFormation format refuses them rather than leave the chart's pods without them.
void refuse_chart_extras_in_cloudformation(const LoweringContext& context) {
  const std::string hint = "generate the terraform and helm formats (-f terraform -f helm)";
  std::set<std::string> reported;
  auto refuse = [&](const AppModel& model, const std::string& pointer, const std::string& what) {
    if (!reported.insert(pointer).second) return;
    context.diagnostics.error(model.locate(pointer),
                              "the CloudFormation format of " + context.target_phrase() +
                                  " does not carry " + what + " yet",
                              hint);
  };
  for (const auto& model : context.environments) {
    for (const auto& job : model.jobs) {
      refuse(model, job.origin.pointer, "jobs (a CronJob's Pod Identity role)");
    }
    for (const auto& database : model.databases) {
      if (!database.managed) {
        refuse(model, database.origin.pointer + "/managed",
               "`managed: false` databases (the StatefulSet's generated secret and EBS volumes)");
      }
    }
    for (const auto& cache : model.caches) {
      if (!cache.managed) {
        refuse(model, cache.origin.pointer + "/managed", "`managed: false` caches");
      }
    }
  }
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

// Each workload's `member_of`: [{group}], the security groups its tasks carry besides their own.
void attach_memberships(nlohmann::json& view) {
  const nlohmann::json& memberships = view["security"]["memberships"];
  for (const char* list : {"services", "jobs"}) {
    for (auto& workload : view[list]) {
      const std::string label = workload["label"];
      workload["member_of"] =
          memberships.contains(label) ? memberships[label] : nlohmann::json::array();
    }
  }
}

// The ECS services and jobs, and the flags templates test without iterating them.
void lower_ecs_workloads(const LoweringContext& context, nlohmann::json& view) {
  view["services"] = lower_services(context);
  view["has_services"] = !view["services"].empty();
  view["service_discovery"] = any_of_list(view["services"], "discovery");
  view["jobs"] = lower_jobs(context);
  view["has_jobs"] = !view["jobs"].empty();
  view["scheduled_jobs"] = any_of_list(view["jobs"], "scheduled");
  view["triggered_jobs"] = any_of_list(view["jobs"], "triggered");
  view["spot_possible"] =
      any_of_list(view["services"], "spot_possible") || any_of_list(view["jobs"], "spot_possible");
}

void lower_data_stores(const LoweringContext& context, nlohmann::json& view) {
  view["databases"] = lower_databases(context);
  view["has_databases"] = !view["databases"].empty();
  view["caches"] = lower_caches(context);
  view["has_caches"] = !view["caches"].empty();
  view["has_data_stores"] = view["has_databases"].get<bool>() || view["has_caches"].get<bool>();
  view["secrets"] = lower_secrets(context);
  view["has_secrets"] = !view["secrets"].empty();
  view["buckets"] = lower_buckets(context);
  view["has_buckets"] = !view["buckets"].empty();
  view["volumes"] = lower_volumes(context);
  view["has_volumes"] = !view["volumes"].empty();
}

// view["capacity"], and each workload's `capacity_group`: the group whose instances run it.
void attach_capacity(const LoweringContext& context, nlohmann::json& view) {
  view["capacity"] = lower_capacity(context);
  const std::vector<CapacityGroup> groups = capacity_groups(context.base());
  for (const char* list : {"services", "jobs"}) {
    for (auto& workload : view[list]) {
      const std::string group =
          capacity_group_of(groups, workload["name"].get<std::string>(), list[0] == 'j');
      workload["capacity_group"] = group;
      for (const auto& entry : groups) {
        if (entry.resource == group) workload["capacity_group_name"] = entry.name;
      }
      workload["capacity_group_label_id"] = logical_id("capacity_" + group);
    }
  }
}

}  // namespace

bool TargetSpec::builds(const std::string& section) const {
  return std::find(sections.begin(), sections.end(), section) != sections.end();
}

nlohmann::json lower(const std::vector<AppModel>& environments, const TargetSpec& target,
                     Diagnostics& diagnostics) {
  if (environments.empty()) {
    diagnostics.add(
        {Severity::error, {}, "internal error: no environment to lower", {}, "infragen"});
    return nullptr;
  }
  const int errors_before = diagnostics.error_count();
  // A section is built with the sections it reads.
  TargetSpec spec = target;
  spec.sections = with_needed_sections(target.sections);
  LoweringContext context(environments, spec, diagnostics);
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
  view["https"] = base.domain.has_value();
  if (spec.builds("network")) {
    view["network"] = lower_network(context);
    view["public_tasks_possible"] = view["network"]["public_tasks_possible"];
  }
  if (spec.builds("load_balancer")) view["load_balancer"] = lower_load_balancer(context);
  if (spec.builds("ecs_workloads")) lower_ecs_workloads(context, view);
  if (spec.builds("images")) {
    view["repositories"] = lower_repositories(context);
    view["has_repositories"] = !view["repositories"].empty();
  }
  if (spec.builds("data_stores")) lower_data_stores(context, view);
  if (spec.builds("ecs_workloads") && spec.builds("load_balancer")) attach_listener_rules(view);
  if (spec.builds("security_groups")) {
    // Containers of a compose group share their instance's interface: a group per instance
    // group there; pods share their node's (eks): one group for all; else one per workload.
    if (spec.builds("compose_groups")) {
      view["security"] = lower_compose_security_groups(context);
    } else if (spec.builds("kubernetes")) {
      view["security"] = lower_pod_security_groups(context);
    } else {
      view["security"] = lower_security_groups(context);
    }
    if (spec.builds("ecs_workloads")) attach_memberships(view);
  }
  if (spec.builds("pipeline")) {
    view["pipeline"] = lower_pipeline(context);
    // Flags that need no dotted lookup into a `pipeline` that may be false.
    view["pipeline_github_actions"] =
        view["pipeline"].is_object() && view["pipeline"]["github_actions"].get<bool>();
    view["pipeline_codepipeline"] =
        view["pipeline"].is_object() && view["pipeline"]["codepipeline"].get<bool>();
  }
  if (spec.builds("ecs_workloads")) {
    attach_deployment_variants(view);
    attach_start_order(base, view);
  }
  view.update(app_wide(context));
  if (spec.builds("instance_capacity")) attach_capacity(context, view);
  if (spec.builds("batch_jobs")) attach_batch_jobs(context, view);
  if (spec.builds("compose_groups")) {
    view["compose"] = lower_compose_groups(context, view["services"], view["jobs"]);
    // Private services are reached through the internal network load balancers, not by a
    // service discovery namespace (which the shared CloudFormation app stack would create).
    view["service_discovery"] = false;
    view["compose"]["local"] = lower_local_compose(context);
    view["compose"]["data_host"] = lower_data_host(context);
  }
  view["environments"] = lower_environments(context);
  view["backend_files"] = backend_files(view["environments"]);
  if (spec.builds("kubernetes")) attach_kubernetes(context, view);
  if (spec.builds("cloudformation") && spec.builds("kubernetes")) {
    refuse_chart_extras_in_cloudformation(context);
  } else if (spec.builds("cloudformation")) {
    refuse_data_host_in_existing_network(context);
  }
  if (spec.builds("cloudformation")) {
    // The app stack's DeletionProtection parameter protects repositories, the load balancers
    // (ec2-compose's internal ones too) and databases; without any of them it would be unused.
    view["uses_deletion_protection"] =
        view["has_repositories"].get<bool>() || view["load_balancer"].is_object() ||
        view["has_databases"].get<bool>() ||
        (view.contains("compose") && view["compose"]["has_private_services"].get<bool>());
    view["cloudformation"] = lower_cloudformation(context, view);
    attach_cloudformation_names(view);
  }
  add_logical_ids(view);
  if (diagnostics.error_count() > errors_before) return nullptr;
  return view;
}

}  // namespace infragen
