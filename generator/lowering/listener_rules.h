// Routing of public services on the shared load balancer: the default target and ordered rules.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace infragen {

// A public service's route as the manifest gives it (empty path/host: any).
struct RouteRequest {
  std::string service;
  std::string path;
  std::string host;
};

struct ListenerRule {
  std::string service;
  int priority = 0;
  std::vector<std::string> path_patterns;  // empty: any path
  std::vector<std::string> host_headers;   // empty: any host
};

struct ListenerPlan {
  std::optional<std::string> default_service;  // gets every request no rule matches
  std::vector<ListenerRule> rules;             // in priority order
};

// The step between rule priorities, leaving room to insert rules by hand between them.
inline constexpr int kListenerRulePriorityStep = 10;

// Plans the listener: a route that matches everything ("/" or no route, without host) becomes
// the default action; every other route becomes a rule. More specific rules come first: host and
// path before host only before path only, longer paths before shorter ones, then by service name,
// so priorities do not depend on manifest order. Routes that are both catch-alls are the front
// end's "clash" error; here the first by name wins.
ListenerPlan plan_listener(std::vector<RouteRequest> routes);

// ALB path patterns for a route path: "/result" -> "/result" and "/result/*"; a path that already
// holds a wildcard is used as written.
std::vector<std::string> path_patterns_for(const std::string& path);

}  // namespace infragen
