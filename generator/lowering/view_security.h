// Security groups and their rules: least privilege between the load balancer, tasks and data.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lowering/lowering_context.h"

namespace infragen {

// {groups: [...], ingress: [...], egress: [...]}. Only the public load balancer admits traffic
// from anywhere, and only on 80 (and 443 with a domain); it sends traffic only to the ports of
// public services. Tasks admit traffic only from the load balancer (public services) or from the
// workloads that use them (private services); databases and caches only from the workloads that
// use them. Tasks may send HTTPS anywhere (image pulls, AWS APIs) and reach what they use.
// Also `memberships`: {workload label: [{group}]}, the groups a workload's tasks join besides
// their own (the load balancer's targets; the clients of a much-used database, cache or
// service). Every group stays within EC2's 60 rules per direction, and every task within 5
// groups, or the manifest gets an error naming the quota.
nlohmann::json lower_security_groups(const LoweringContext& context);

// Kubernetes (eks): pods share their node's network interfaces (the VPC CNI without security
// groups per pod), so a group per workload would isolate nothing and only fill the node's 5
// groups. Instead one group `pods` that every node carries (in `node_groups`, [{group}], empty
// when no workload uses a data store) and that each data store admits on its port; the data
// stores' groups as lower_security_groups. No load balancer group: the AWS Load Balancer
// Controller makes and admits its own. Pod-to-pod and outbound traffic pass through the
// cluster's security group, which every node carries too. No `memberships`.
nlohmann::json lower_pod_security_groups(const LoweringContext& context);
// The label of the group every eks node carries for the app's pods.
extern const char* const kPodsSecurityGroup;

// The group of the clients of `target` (a security group label), when it has many.
std::string client_group_of(const std::string& target);
// The labels of the client groups `model` needs (for their names).
std::vector<std::string> client_groups(const AppModel& model);

}  // namespace infragen
