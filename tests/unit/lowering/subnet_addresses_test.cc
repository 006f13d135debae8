// A new VPC's subnets must hold every task and data store, and a load balancer's /27.
#include <gtest/gtest.h>

#include "lowering_fixture.h"

namespace infragen {
namespace {

using testing::lower_yaml;

// /23: subnets of /27, 27 usable addresses each, 54 over two zones.
std::string manifest(int replicas, const std::string& nat = "single") {
  return R"yaml(apiVersion: infragen/v1
name: shop
region: eu-west-1
network: {cidr: 10.0.0.0/23, nat: )yaml" +
         nat + R"yaml(}
services:
  web:
    image: nginx:1.27
    port: 8080
    expose: public
    replicas: )yaml" +
         std::to_string(replicas) + R"yaml(
databases:
  orders: {engine: postgres, version: "16"}
caches:
  queue: {}
)yaml";
}

TEST(SubnetAddresses, TasksAndDataStoresFillThePrivateSubnetsExactly) {
  auto fits = lower_yaml(manifest(52));
  EXPECT_TRUE(fits.ok()) << fits.messages;
  auto past = lower_yaml(manifest(53));
  EXPECT_FALSE(past.ok());
  EXPECT_NE(past.messages.find("app.yaml:4:17: error: the private subnets of 2 zones of "
                               "10.0.0.0/23 hold 54 addresses, but environment 'default' needs "
                               "55: 53 for tasks at their most replicas and 2 for databases, "
                               "caches and file systems"),
            std::string::npos)
      << past.messages;
}

TEST(SubnetAddresses, WithoutNatTheTasksShareThePublicSubnetsWithTheLoadBalancer) {
  auto fits = lower_yaml(manifest(38, "none"));
  EXPECT_TRUE(fits.ok()) << fits.messages;
  auto past = lower_yaml(manifest(39, "none"));
  EXPECT_FALSE(past.ok());
  EXPECT_NE(past.messages.find("the public subnets of 2 zones of 10.0.0.0/23 hold 54 addresses, "
                               "but environment 'default' needs 55: 39 for tasks at their most "
                               "replicas (without NAT they run there) and 16 for the load "
                               "balancer"),
            std::string::npos)
      << past.messages;
}

TEST(SubnetAddresses, TheLargestAutoscaleMaximumIsReportedWhenTheCidrIsTheDefault) {
  auto lowered = lower_yaml(R"yaml(apiVersion: infragen/v1
name: shop
region: eu-west-1
network: {zones: 2}
services:
  web:
    image: nginx:1.27
    port: 8080
    expose: public
    autoscale: {min: 2, max: 1000, cpu: 60}
  api:
    image: myorg/api:1
    port: 9000
    expose: private
    autoscale: {min: 2, max: 1000, cpu: 60}
  more:
    image: myorg/more:1
    expose: none
    autoscale: {min: 2, max: 1000, cpu: 60}
  again:
    image: myorg/again:1
    expose: none
    autoscale: {min: 2, max: 1000, cpu: 60}
  last:
    image: myorg/last:1
    expose: none
    autoscale: {min: 2, max: 1000, cpu: 60}
  extra:
    image: myorg/extra:1
    expose: none
    autoscale: {min: 2, max: 1000, cpu: 60}
  final:
    image: myorg/final:1
    expose: none
    autoscale: {min: 2, max: 1000, cpu: 60}
  ninth:
    image: myorg/ninth:1
    expose: none
    autoscale: {min: 2, max: 1000, cpu: 60}
  tenth:
    image: myorg/tenth:1
    expose: none
    autoscale: {min: 2, max: 1000, cpu: 60}
)yaml");
  EXPECT_FALSE(lowered.ok());
  // 9000 tasks in two /20 subnets of 4091 addresses: reported at the maximum of the first
  // service (in name order) of those with the most replicas.
  EXPECT_NE(lowered.messages.find("app.yaml:23:30: error: the private subnets of 2 zones of "
                                  "10.0.0.0/16 hold 8182 addresses"),
            std::string::npos)
      << lowered.messages;
}

TEST(SubnetAddresses, ALoadBalancerNeedsPublicSubnetsOfSlash27) {
  std::string yaml = manifest(1);
  yaml.replace(yaml.find("10.0.0.0/23"), 11, "10.0.0.0/24");
  auto lowered = lower_yaml(yaml);
  EXPECT_FALSE(lowered.ok());
  EXPECT_NE(lowered.messages.find("app.yaml:4:17: error: the load balancer needs public subnets "
                                  "of /27 or larger, but 10.0.0.0/24 gives /28 subnets "
                                  "(environment 'default')"),
            std::string::npos)
      << lowered.messages;
}

}  // namespace
}  // namespace infragen
