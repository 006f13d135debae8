#include "lowering/view_network.h"

#include "lowering/cidr_plan.h"
#include "lowering/listener_rules.h"
#include "lowering/reference_snippets.h"

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

// Elastic Load Balancing's default quotas for one Application Load Balancer.
constexpr size_t kListenerRuleQuota = 100;  // "Rules per Application Load Balancer"
constexpr size_t kTargetGroupQuota = 100;   // "Target groups per Application Load Balancer"

// Every public service has a target group (two with blue/green deployments) and all but the
// catch-all one a listener rule, on the one load balancer infragen creates.
void check_load_balancer_quotas(const LoweringContext& context, const ListenerPlan& plan,
                                size_t public_services) {
  const AppModel& model = context.base();
  bool blue_green = false;
  for (const auto& environment : context.environments) {
    blue_green =
        blue_green || (environment.pipeline && environment.pipeline->deploy == "blue-green");
  }
  size_t target_groups = 0;
  for (const auto& service : model.services) {
    if (service.exposure != Exposure::public_ || !service.port) continue;
    target_groups += blue_green && service.image.build ? 2 : 1;
  }
  auto report = [&](size_t count, const std::string& what, size_t quota, const std::string& name) {
    context.diagnostics.error(
        model.locate("/services"),
        std::to_string(public_services) + " public services need " + std::to_string(count) + " " +
            what + " on the load balancer; an Application Load Balancer allows " +
            std::to_string(quota) + " (Elastic Load Balancing quota '" + name + "')",
        "make some services private, or split the app into manifests of at most " +
            std::to_string(quota) + " public services");
  };
  if (plan.rules.size() > kListenerRuleQuota) {
    report(plan.rules.size(), "listener rules", kListenerRuleQuota,
           "Rules per Application Load Balancer");
  }
  if (target_groups > kTargetGroupQuota) {
    report(target_groups, "target groups", kTargetGroupQuota,
           "Target groups per Application Load Balancer");
  }
}

}  // namespace

nlohmann::json lower_load_balancer(const LoweringContext& context) {
  const AppModel& model = context.base();
  std::vector<RouteRequest> routes;
  for (const auto& service : model.services) {
    if (service.exposure != Exposure::public_ || !service.port) continue;
    RouteRequest route;
    route.service = service.name;
    if (service.route) {
      route.path = service.route->path;
      route.host = service.route->host;
    }
    routes.push_back(std::move(route));
  }
  if (routes.empty()) return false;
  ListenerPlan plan = plan_listener(routes);
  check_load_balancer_quotas(context, plan, routes.size());
  nlohmann::json rules = nlohmann::json::array();
  for (const auto& rule : plan.rules) {
    rules.push_back({{"service", rule.service},
                     {"resource", resource_identifier(rule.service)},
                     {"priority", rule.priority},
                     {"has_paths", !rule.path_patterns.empty()},
                     {"paths", value_list(rule.path_patterns)},
                     {"has_hosts", !rule.host_headers.empty()},
                     {"hosts", value_list(rule.host_headers)}});
  }
  return {{"has_default_service", plan.default_service.has_value()},
          {"default_service", plan.default_service.value_or("")},
          {"default_resource", resource_identifier(plan.default_service.value_or(""))},
          {"has_rules", !rules.empty()},
          {"rules", with_last(std::move(rules))},
          {"https", model.domain.has_value()}};
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
