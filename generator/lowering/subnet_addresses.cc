#include "lowering/subnet_addresses.h"

#include <fmt/format.h>

namespace infragen {
namespace {

// Addresses AWS keeps in every subnet: network, VPC router, DNS, future use, broadcast.
constexpr long kReservedPerSubnet = 5;

long usable_addresses(const std::vector<std::string>& subnets) {
  long total = 0;
  for (const auto& text : subnets) {
    if (auto cidr = parse_ipv4_cidr(text)) {
      total += (1L << (32 - cidr->prefix)) - kReservedPerSubnet;
    }
  }
  return total;
}

int most_replicas(const ServiceModel& service) {
  return service.autoscale ? std::max(service.autoscale->max, service.replicas) : service.replicas;
}

// Where to report: the cidr when the manifest sets one, else the service with the most tasks.
std::string report_pointer(const AppModel& model) {
  if (model.written("/network/cidr")) return "/network/cidr";
  const ServiceModel* largest = nullptr;
  for (const auto& service : model.services) {
    if (!largest || most_replicas(service) > most_replicas(*largest)) largest = &service;
  }
  if (!largest) return "/network";
  if (largest->autoscale && largest->autoscale->max >= largest->replicas) {
    return largest->autoscale->origin.pointer + "/max";
  }
  return largest->origin.pointer + "/replicas";
}

}  // namespace

void check_subnet_addresses(const LoweringContext& context, const AppModel& model,
                            const SubnetPlan& plan) {
  const NetworkModel& network = model.network;
  long tasks = 0;
  for (const auto& service : model.services) tasks += most_replicas(service);
  tasks += static_cast<long>(model.jobs.size());  // a run of each job at a time
  long data_stores = 0;
  for (const auto& database : model.databases) {
    if (!database.managed) continue;
    // The writer, its readers, and a standby in another zone (Multi-AZ) for RDS instances.
    data_stores += 1 + database.read_replicas + (database.multi_zone && !database.is_aurora());
  }
  for (const auto& cache : model.caches) {
    if (cache.managed) data_stores += cache.nodes;
  }
  data_stores += static_cast<long>(model.volumes.size()) * network.zones;  // mount targets

  bool balancer = false;
  for (const auto& service : model.services) {
    balancer = balancer || (service.exposure == Exposure::public_ && service.port);
  }
  auto public_subnet =
      plan.public_subnets.empty() ? std::nullopt : parse_ipv4_cidr(plan.public_subnets.front());
  if (balancer && public_subnet && public_subnet->prefix > 27) {
    // Elastic Load Balancing refuses subnets smaller than /27 (and with fewer than 8 free
    // addresses): the public subnets are 1/16 of the VPC.
    context.diagnostics.error(
        model.locate(model.written("/network/cidr") ? "/network/cidr" : "/network"),
        fmt::format("the load balancer needs public subnets of /27 or larger, but {} gives /{} "
                    "subnets (environment '{}')",
                    network.cidr, public_subnet->prefix, model.environment),
        "use a `network.cidr` of /23 or larger (each subnet is 1/16 of it)");
  }

  const bool tasks_public = network.nat == NatMode::none;
  const long private_room = usable_addresses(plan.private_subnets);
  const long private_need = data_stores + (tasks_public ? 0 : tasks);
  const std::string subnets = fmt::format("{} zones of {}", network.zones, network.cidr);
  if (private_need > private_room) {
    std::string what = tasks_public
                           ? fmt::format("{} for databases, caches and file systems", data_stores)
                           : fmt::format(
                                 "{} for tasks at their most replicas and {} for "
                                 "databases, caches and file systems",
                                 tasks, data_stores);
    context.diagnostics.error(
        model.locate(report_pointer(model)),
        fmt::format("the private subnets of {} hold {} addresses, but environment '{}' needs "
                    "{}: {}",
                    subnets, private_room, model.environment, private_need, what),
        "use a larger `network.cidr` (each subnet is 1/16 of it), more zones, or fewer replicas");
  }
  if (tasks_public) {
    // Without NAT the tasks share the public subnets with the load balancer, which asks for 8
    // free addresses per zone.
    const long balancer_need = balancer ? 8L * network.zones : 0;
    const long public_room = usable_addresses(plan.public_subnets);
    const long public_need = tasks + balancer_need;
    if (public_need > public_room) {
      context.diagnostics.error(
          model.locate(report_pointer(model)),
          fmt::format("the public subnets of {} hold {} addresses, but environment '{}' needs {}: "
                      "{} for tasks at their most replicas (without NAT they run there) and {} "
                      "for the load balancer",
                      subnets, public_room, model.environment, public_need, tasks, balancer_need),
          "use a larger `network.cidr` (each subnet is 1/16 of it), more zones, or fewer "
          "replicas");
    }
  }
}

}  // namespace infragen
