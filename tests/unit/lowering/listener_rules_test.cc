#include "lowering/listener_rules.h"

#include <gtest/gtest.h>

namespace infragen {
namespace {

TEST(ListenerRules, CatchAllBecomesTheDefaultAndPathsBecomeRules) {
  ListenerPlan plan = plan_listener({{"vote", "/", ""}, {"result", "/result", ""}});
  ASSERT_TRUE(plan.default_service);
  EXPECT_EQ(*plan.default_service, "vote");
  ASSERT_EQ(plan.rules.size(), 1u);
  EXPECT_EQ(plan.rules[0].service, "result");
  EXPECT_EQ(plan.rules[0].priority, 10);
  EXPECT_EQ(plan.rules[0].path_patterns, (std::vector<std::string>{"/result", "/result/*"}));
  EXPECT_TRUE(plan.rules[0].host_headers.empty());
}

TEST(ListenerRules, AServiceWithoutARouteIsTheCatchAll) {
  ListenerPlan plan = plan_listener({{"web", "", ""}});
  EXPECT_EQ(plan.default_service, "web");
  EXPECT_TRUE(plan.rules.empty());
}

TEST(ListenerRules, NoCatchAllLeavesNoDefaultService) {
  ListenerPlan plan = plan_listener({{"api", "/api", ""}});
  EXPECT_FALSE(plan.default_service);
  ASSERT_EQ(plan.rules.size(), 1u);
}

TEST(ListenerRules, MoreSpecificRulesGetLowerPriorities) {
  ListenerPlan plan = plan_listener({{"short", "/a", ""},
                                     {"long", "/a/b/c", ""},
                                     {"host", "", "api.example.com"},
                                     {"both", "/v1", "api.example.com"},
                                     {"mid", "/a/b", ""}});
  std::vector<std::string> order;
  std::vector<int> priorities;
  for (const auto& rule : plan.rules) {
    order.push_back(rule.service);
    priorities.push_back(rule.priority);
  }
  EXPECT_EQ(order, (std::vector<std::string>{"both", "host", "long", "mid", "short"}));
  EXPECT_EQ(priorities, (std::vector<int>{10, 20, 30, 40, 50}));
  EXPECT_EQ(plan.rules[1].host_headers, (std::vector<std::string>{"api.example.com"}));
  EXPECT_TRUE(plan.rules[1].path_patterns.empty()) << "host only: any path";
}

TEST(ListenerRules, PrioritiesDoNotDependOnManifestOrder) {
  std::vector<RouteRequest> routes = {{"b", "/x", ""}, {"a", "/y", ""}, {"c", "/zz", ""}};
  ListenerPlan forward = plan_listener(routes);
  std::reverse(routes.begin(), routes.end());
  ListenerPlan backward = plan_listener(routes);
  ASSERT_EQ(forward.rules.size(), backward.rules.size());
  for (size_t i = 0; i < forward.rules.size(); ++i) {
    EXPECT_EQ(forward.rules[i].service, backward.rules[i].service);
    EXPECT_EQ(forward.rules[i].priority, backward.rules[i].priority);
  }
  EXPECT_EQ(forward.rules[0].service, "c") << "longest path first";
  EXPECT_EQ(forward.rules[1].service, "a") << "equal length: by name";
}

TEST(ListenerRules, PathPatterns) {
  EXPECT_EQ(path_patterns_for("/api/"), (std::vector<std::string>{"/api", "/api/*"}));
  EXPECT_EQ(path_patterns_for("/img/*.png"), (std::vector<std::string>{"/img/*.png"}));
}

TEST(ListenerRules, HostWithRootPathIsAHostOnlyRule) {
  ListenerPlan plan = plan_listener({{"admin", "/", "admin.example.com"}, {"web", "/", ""}});
  EXPECT_EQ(plan.default_service, "web");
  ASSERT_EQ(plan.rules.size(), 1u);
  EXPECT_TRUE(plan.rules[0].path_patterns.empty());
  EXPECT_EQ(plan.rules[0].host_headers, (std::vector<std::string>{"admin.example.com"}));
}

}  // namespace
}  // namespace infragen
