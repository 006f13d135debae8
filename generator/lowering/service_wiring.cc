#include "lowering/service_wiring.h"

#include <map>
#include <string>

#include "lowering/lowering_context.h"
#include "lowering/reference_snippets.h"

namespace infragen {

// Each public service gets its listener rule (or false: it is the default target, or routed by
// no rule), so its file holds everything about it.
void attach_listener_rules(nlohmann::json& view) {
  for (auto& service : view["services"]) {
    service["listener_rule"] = false;
    service["default_target"] = false;
    service["balancer"] = false;
  }
  if (!view["load_balancer"].is_object()) return;
  std::map<std::string, nlohmann::json*> by_name;
  for (auto& service : view["services"]) by_name[service["name"].get<std::string>()] = &service;
  for (const auto& shard : view["load_balancer"]["shards"]) {
    for (const auto& member : shard["members"]) {
      auto found = by_name.find(member["value"].get<std::string>());
      if (found != by_name.end()) (*found->second)["balancer"] = shard["balancer"];
    }
    if (shard["has_default_service"].get<bool>()) {
      auto found = by_name.find(shard["default_service"].get<std::string>());
      if (found != by_name.end()) (*found->second)["default_target"] = true;
    }
    for (const auto& rule : shard["rules"]) {
      auto found = by_name.find(rule["service"].get<std::string>());
      if (found != by_name.end()) (*found->second)["listener_rule"] = rule;
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
  // Only the first load balancer has a default target.
  if (view["load_balancer"].is_object()) {
    view["load_balancer"]["shards"][0]["default_action_by_codedeploy"] = any_blue_green_default;
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

}  // namespace infragen
