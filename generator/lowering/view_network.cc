#include "lowering/view_network.h"

#include "lowering/cidr_plan.h"
#include "lowering/listener_rules.h"
#include "lowering/load_balancer_layout.h"
#include "lowering/logical_ids.h"
#include "lowering/reference_snippets.h"
#include "lowering/subnet_addresses.h"

namespace infragen {

namespace {

int nat_gateway_count(const NetworkModel& network) {
  switch (network.nat) {
    case NatMode::single:
      return 1;
    case NatMode::per_zone:
      return network.zones;
    case NatMode::none:
      return 0;
  }
  return 0;
}

bool has_load_balancer(const AppModel& model) {
  for (const auto& service : model.services) {
    if (service.exposure == Exposure::public_ && service.port) return true;
  }
  return false;
}

bool has_managed_database(const AppModel& model) {
  for (const auto& database : model.databases) {
    if (database.managed) return true;
  }
  return false;
}

// AWS places an application load balancer and an RDS subnet group in at least two availability
// zones, even for a single-zone app; a network with fewer cannot hold them.
void check_two_zones(const LoweringContext& context, const AppModel& model) {
  const NetworkModel& network = model.network;
  const std::string env = "environment '" + model.environment + "'";
  if (network.existing) {
    if (has_load_balancer(model) && network.existing->public_subnets.size() < 2) {
      context.diagnostics.error(
          model.locate("/network/existing/public_subnets"),
          "the load balancer of the public services needs public subnets in two availability "
          "zones (" +
              env + ")",
          "list a public subnet of a second zone");
    }
    if (has_managed_database(model) && network.existing->private_subnets.size() < 2) {
      context.diagnostics.error(
          model.locate("/network/existing/private_subnets"),
          "a database needs private subnets in two availability zones (" + env + ")",
          "list a private subnet of a second zone");
    }
    return;
  }
  if (network.zones >= 2) return;
  std::vector<std::string> parts;
  if (has_load_balancer(model)) parts.push_back("the load balancer of the public services");
  if (has_managed_database(model)) parts.push_back("a database");
  if (parts.empty()) return;
  std::string subject =
      parts.size() == 2 ? parts[0] + " and " + parts[1] + " need" : parts[0] + " needs";
  context.diagnostics.error(model.locate("/network/zones"),
                            subject +
                                " subnets in two availability zones, but the network has "
                                "one (" +
                                env + ")",
                            "use `zones: 2`; `nat: single` keeps one NAT gateway for both");
}

}  // namespace

nlohmann::json lower_network(const LoweringContext& context) {
  bool creates = false;
  bool reuses = false;
  bool nat = false;
  bool public_tasks = false;
  for (const auto& model : context.environments) {
    if (model.network.existing) {
      reuses = true;
    } else {
      creates = true;
      nat = nat || model.network.nat != NatMode::none;
      public_tasks = public_tasks || model.network.nat == NatMode::none;
    }
  }
  return {{"creates", creates},
          {"reuses", reuses},
          {"creates_only", creates && !reuses},
          {"reuses_only", reuses && !creates},
          {"mixed", creates && reuses},
          {"nat", nat},
          // Without NAT, tasks of a new VPC run in its public subnets with public IPs so they can
          // still pull images and reach AWS APIs; security groups still admit no inbound traffic.
          {"public_tasks_possible", public_tasks}};
}

namespace {

// A service's `balancer`: what its code names of the load balancer that serves it.
nlohmann::json balancer_fields(const nlohmann::json& names, size_t index, bool https) {
  return {{"tf", names["tf"]},
          {"listener", https ? names["https_listener"] : names["http_listener"]},
          {"id_suffix", names["id_suffix"]},
          {"number", index + 1}};
}

}  // namespace

const LoadBalancerLayout& load_balancer_layout(const LoweringContext& context) {
  if (context.load_balancers) return *context.load_balancers;
  const AppModel& model = context.base();
  bool blue_green = false;
  for (const auto& environment : context.environments) {
    blue_green =
        blue_green || (environment.pipeline && environment.pipeline->deploy == "blue-green");
  }
  std::vector<PublicRoute> routes;
  for (const auto& service : model.services) {
    if (service.exposure != Exposure::public_ || !service.port) continue;
    PublicRoute route;
    route.route.service = service.name;
    if (service.route) {
      route.route.path = service.route->path;
      route.route.host = service.route->host;
    }
    route.target_groups = blue_green && service.image.build ? 2 : 1;
    routes.push_back(std::move(route));
  }
  context.load_balancers = std::make_shared<const LoadBalancerLayout>(
      plan_load_balancers(routes, model.domain.has_value()));
  return *context.load_balancers;
}

nlohmann::json lower_load_balancer(const LoweringContext& context) {
  const AppModel& model = context.base();
  const LoadBalancerLayout& layout = load_balancer_layout(context);
  if (layout.shards.empty()) return false;
  for (const auto& problem : layout.problems) {
    context.diagnostics.error(model.locate("/services"), problem.message, problem.hint);
  }
  nlohmann::json shards = nlohmann::json::array();
  for (size_t index = 0; index < layout.shards.size(); ++index) {
    const LoadBalancerShard& shard = layout.shards[index];
    nlohmann::json rules = nlohmann::json::array();
    for (const auto& rule : shard.listener.rules) {
      rules.push_back({{"service", rule.service},
                       {"resource", resource_identifier(rule.service)},
                       {"priority", rule.priority},
                       {"has_paths", !rule.path_patterns.empty()},
                       {"paths", value_list(rule.path_patterns)},
                       {"has_hosts", !rule.host_headers.empty()},
                       {"hosts", value_list(rule.host_headers)}});
    }
    nlohmann::json entry = load_balancer_shard_names(index);
    entry["balancer"] = balancer_fields(entry, index, model.domain.has_value());
    entry["listener"] = entry["balancer"]["listener"];
    entry["number"] = index + 1;
    entry["first"] = index == 0;
    entry["has_default_service"] = shard.listener.default_service.has_value();
    entry["default_service"] = shard.listener.default_service.value_or("");
    entry["default_resource"] = resource_identifier(shard.listener.default_service.value_or(""));
    entry["has_rules"] = !rules.empty();
    entry["rules"] = with_last(std::move(rules));
    entry["members"] = value_list(shard.services);
    entry["default_action_by_codedeploy"] = false;
    shards.push_back(std::move(entry));
  }
  return {{"several", shards.size() > 1},
          {"shards", with_last(std::move(shards))},
          {"https", model.domain.has_value()}};
}

nlohmann::json load_balancer_shard_names(size_t index) {
  // The first keeps the names of the days of one load balancer, so their code does not change.
  const std::string suffix = index == 0 ? "" : "_" + std::to_string(index + 1);
  const std::string id_suffix = index == 0 ? "" : std::to_string(index + 1);
  return {{"suffix", suffix},
          {"id_suffix", id_suffix},
          {"tf", "public" + suffix},
          {"http_listener", "http" + suffix},
          {"https_listener", "https" + suffix},
          {"name_key", "load_balancer" + suffix},
          {"name_key_id", logical_id("load_balancer" + suffix)},
          {"alarm_key", "load_balancer_5xx_alarm" + suffix},
          {"alarm_key_id", logical_id("load_balancer_5xx_alarm" + suffix)}};
}

nlohmann::json balancer_of(const LoweringContext& context, const std::string& service) {
  size_t index = load_balancer_layout(context).shard_of(service);
  return balancer_fields(load_balancer_shard_names(index), index,
                         context.base().domain.has_value());
}

nlohmann::json network_values(const LoweringContext& context, const AppModel& model) {
  const NetworkModel& network = model.network;
  check_two_zones(context, model);
  if (network.existing) {
    return {{"creates", false},
            {"vpc_id", network.existing->vpc_id},
            {"public_subnet_ids", value_list(network.existing->public_subnets)},
            {"private_subnet_ids", value_list(network.existing->private_subnets)},
            {"cidr", ""},
            {"public_subnet_cidrs", value_list({})},
            {"private_subnet_cidrs", value_list({})},
            {"nat_gateways", 0},
            {"tasks_in_public_subnets", false}};
  }
  std::optional<SubnetPlan> plan;
  if (auto vpc = parse_ipv4_cidr(network.cidr)) plan = plan_subnets(*vpc, network.zones);
  if (!plan) {
    context.diagnostics.error(model.locate("/network/cidr"),
                              "cannot fit " + std::to_string(network.zones) +
                                  " zones of public and private subnets into " + network.cidr,
                              "subnets are 1/16 of the VPC and at least /28: use /24 or larger");
    plan = SubnetPlan{};
  } else {
    check_subnet_addresses(context, model, *plan);
  }
  return {{"creates", true},
          {"vpc_id", ""},
          {"public_subnet_ids", value_list({})},
          {"private_subnet_ids", value_list({})},
          {"cidr", network.cidr},
          {"public_subnet_cidrs", value_list(plan->public_subnets)},
          {"private_subnet_cidrs", value_list(plan->private_subnets)},
          {"nat_gateways", nat_gateway_count(network)},
          {"tasks_in_public_subnets", network.nat == NatMode::none}};
}

}  // namespace infragen
