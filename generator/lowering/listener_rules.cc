#include "lowering/listener_rules.h"

#include <algorithm>
#include <tuple>

namespace infragen {

namespace {

bool matches_any_path(const std::string& path) { return path.empty() || path == "/"; }

// Lower sorts first.
std::tuple<int, size_t, std::string> specificity(const RouteRequest& route) {
  bool has_host = !route.host.empty();
  bool has_path = !matches_any_path(route.path);
  int kind = has_host && has_path ? 0 : has_host ? 1 : 2;
  // Longer paths are more specific: negate by sorting on (max - length).
  size_t path_rank = static_cast<size_t>(-1) - route.path.size();
  return {kind, path_rank, route.service};
}

}  // namespace

std::vector<std::string> path_patterns_for(const std::string& path) {
  if (path.find_first_of("*?") != std::string::npos) return {path};
  std::string base = path;
  while (base.size() > 1 && base.back() == '/') base.pop_back();
  return {base, base + "/*"};
}

ListenerPlan plan_listener(std::vector<RouteRequest> routes) {
  std::sort(routes.begin(), routes.end(), [](const RouteRequest& a, const RouteRequest& b) {
    return specificity(a) < specificity(b);
  });
  ListenerPlan plan;
  int priority = 0;
  for (const auto& route : routes) {
    bool catch_all = route.host.empty() && matches_any_path(route.path);
    if (catch_all) {
      if (!plan.default_service) plan.default_service = route.service;
      continue;
    }
    ListenerRule rule;
    rule.service = route.service;
    priority += kListenerRulePriorityStep;
    rule.priority = priority;
    if (!matches_any_path(route.path)) rule.path_patterns = path_patterns_for(route.path);
    if (!route.host.empty()) rule.host_headers = {route.host};
    plan.rules.push_back(std::move(rule));
  }
  return plan;
}

}  // namespace infragen
