// Checks that a new VPC's subnets have an address for every network interface the app places.
#pragma once

#include "lowering/cidr_plan.h"
#include "lowering/lowering_context.h"

namespace infragen {

// Every task has a network interface of its own (awsvpc), and so do each database instance,
// cache node, file-system mount target and NAT gateway. AWS keeps 5 addresses of each subnet.
// When the subnets the tasks run in (private, or public without NAT) cannot hold every task at
// its most replicas besides what shares those subnets, or the private subnets cannot hold the
// data stores, the manifest is refused at `network.cidr` (or at the service with the most
// replicas when the cidr is the default), naming the counts: AWS would fail to place the tasks.
void check_subnet_addresses(const LoweringContext& context, const AppModel& model,
                            const SubnetPlan& plan);

}  // namespace infragen
