#include "lowering/load_balancer_layout.h"

#include <gtest/gtest.h>

namespace infragen {
namespace {

std::vector<PublicRoute> path_routes(int count, size_t target_groups = 1) {
  std::vector<PublicRoute> routes;
  for (int i = 0; i < count; ++i) {
    std::string name = "s" + std::to_string(i);
    routes.push_back({{name, "/" + name, ""}, target_groups});
  }
  return routes;
}

TEST(LoadBalancerLayout, OneLoadBalancerWhileTheQuotasHold) {
  auto routes = path_routes(100);
  LoadBalancerLayout layout = plan_load_balancers(routes, false);
  ASSERT_EQ(layout.shards.size(), 1u);
  EXPECT_EQ(layout.shards[0].listener.rules.size(), 100u);
  EXPECT_TRUE(layout.problems.empty());
}

TEST(LoadBalancerLayout, RulesPastTheQuotaOpenASecondLoadBalancer) {
  auto routes = path_routes(150);
  routes.insert(routes.begin(), {{"home", "", ""}, 1});
  LoadBalancerLayout layout = plan_load_balancers(routes, false);
  ASSERT_EQ(layout.shards.size(), 2u);
  EXPECT_TRUE(layout.problems.empty());
  // The catch-all stays on the first, which the rest fill up to the target group quota.
  EXPECT_EQ(layout.shards[0].listener.default_service, "home");
  EXPECT_FALSE(layout.shards[1].listener.default_service);
  EXPECT_EQ(layout.shards[0].target_groups, 100u);
  EXPECT_EQ(layout.shards[0].listener.rules.size(), 99u);
  EXPECT_EQ(layout.shards[1].listener.rules.size(), 51u);
  EXPECT_EQ(layout.shard_of("home"), 0u);
  EXPECT_EQ(layout.shard_of("s149"), 1u);
}

TEST(LoadBalancerLayout, PrioritiesAreThoseOfTheOneListenerPlan) {
  auto routes = path_routes(120);
  std::vector<RouteRequest> requests;
  for (const auto& route : routes) requests.push_back(route.route);
  ListenerPlan one = plan_listener(requests);
  LoadBalancerLayout layout = plan_load_balancers(routes, false);
  for (const auto& shard : layout.shards) {
    for (const auto& rule : shard.listener.rules) {
      bool found = false;
      for (const auto& original : one.rules) {
        if (original.service == rule.service) {
          EXPECT_EQ(original.priority, rule.priority) << rule.service;
          found = true;
        }
      }
      EXPECT_TRUE(found) << rule.service;
    }
  }
}

TEST(LoadBalancerLayout, BlueGreenTargetGroupsCountTwice) {
  LoadBalancerLayout layout = plan_load_balancers(path_routes(60, 2), false);
  ASSERT_EQ(layout.shards.size(), 2u);
  EXPECT_EQ(layout.shards[0].target_groups, 100u);
  EXPECT_EQ(layout.shards[1].target_groups, 20u);
}

TEST(LoadBalancerLayout, RoutesOfOneHostShareALoadBalancer) {
  std::vector<PublicRoute> routes;
  for (int i = 0; i < 90; ++i) {
    routes.push_back({{"a" + std::to_string(i), "/a" + std::to_string(i), "a.example.com"}, 1});
  }
  for (int i = 0; i < 30; ++i) {
    routes.push_back({{"b" + std::to_string(i), "/b" + std::to_string(i), "b.example.com"}, 1});
  }
  LoadBalancerLayout layout = plan_load_balancers(routes, true);
  ASSERT_EQ(layout.shards.size(), 2u);
  EXPECT_EQ(layout.shards[0].services.size(), 90u);
  EXPECT_EQ(layout.shards[1].services.size(), 30u);
  EXPECT_EQ(layout.shard_of("b0"), 1u);
}

TEST(LoadBalancerLayout, WithADomainRoutesWithoutHostStayOnTheFirst) {
  std::vector<PublicRoute> routes;
  for (int i = 0; i < 60; ++i) {
    routes.push_back({{"h" + std::to_string(i), "/h" + std::to_string(i), "h.example.com"}, 1});
  }
  for (int i = 0; i < 60; ++i) {
    routes.push_back({{"p" + std::to_string(i), "/p" + std::to_string(i), ""}, 1});
  }
  LoadBalancerLayout layout = plan_load_balancers(routes, true);
  ASSERT_EQ(layout.shards.size(), 2u);
  EXPECT_EQ(layout.shard_of("p0"), 0u);
  EXPECT_EQ(layout.shard_of("p59"), 0u);
  EXPECT_EQ(layout.shard_of("h0"), 1u);
}

TEST(LoadBalancerLayout, AHostPastTheQuotaIsAProblem) {
  std::vector<PublicRoute> routes;
  for (int i = 0; i < 101; ++i) {
    routes.push_back({{"a" + std::to_string(i), "/a" + std::to_string(i), "a.example.com"}, 1});
  }
  LoadBalancerLayout layout = plan_load_balancers(routes, true);
  ASSERT_EQ(layout.problems.size(), 2u);
  EXPECT_EQ(layout.problems[0].message,
            "101 public services routed by host 'a.example.com' need 101 listener rules on one "
            "load balancer; an Application Load Balancer allows 100 (Elastic Load Balancing "
            "quota 'Rules per Application Load Balancer')");
}

TEST(LoadBalancerLayout, MoreLoadBalancersThanARegionAllowsIsAProblem) {
  LoadBalancerLayout layout = plan_load_balancers(path_routes(5001), false);
  ASSERT_EQ(layout.problems.size(), 1u);
  EXPECT_EQ(layout.problems[0].message,
            "5001 public services need 51 load balancers; a region allows 50 (Elastic Load "
            "Balancing quota 'Application Load Balancers per Region')");
}

}  // namespace
}  // namespace infragen
