// Lowering's work grows linearly with the services: the view model (names, rules, references,
// logical ids, CloudFormation parameters) of 4N services is at most 4.5 times that of N. Sizes,
// not times, so the guard is exact on any machine (bench/run.sh measures the time).
#include <gtest/gtest.h>

#include <string>

#include "lowering_fixture.h"

namespace infragen {
namespace {

using testing::lower_yaml;
using testing::target_spec_from_pack;

// N public services, each reading the database and a secret and scaling on CPU, and N private
// ones the public ones call: every list and rule set of the view grows with N.
std::string manifest_of(int services) {
  std::string yaml =
      "apiVersion: infragen/v1\nname: scale\nregion: eu-west-1\n"
      "databases:\n  db: {engine: postgres, version: \"16\", size: small}\n"
      "secrets:\n  api-key: {}\n"
      "environments:\n  dev: {}\n  prod: {}\n"
      "services:\n";
  for (int i = 1; i <= services; ++i) {
    const std::string n = std::to_string(i);
    yaml += "  web" + n + ":\n    image: nginx:1.27\n    port: 80\n    expose: public\n" +
            "    route: {path: /web" + n + "}\n    autoscale: {min: 1, max: 4, cpu: 70}\n" +
            "    env: {DB: \"${databases.db.host}\", PEER: \"${services.api" + n + ".url}\"}\n" +
            "    secrets: {KEY: api-key, DB_PASSWORD: databases.db.password}\n";
    yaml += "  api" + n + ":\n    image: nginx:1.27\n    port: 8080\n    expose: private\n";
  }
  return yaml;
}

size_t view_size(int services, const std::string& target) {
  auto lowered = lower_yaml(manifest_of(services), target_spec_from_pack(target));
  EXPECT_TRUE(lowered.ok()) << lowered.messages;
  return lowered.ok() ? lowered.view.dump().size() : 0;
}

TEST(Scaling, TheViewModelGrowsLinearlyWithTheServices) {
  for (const char* target : {"ecs-fargate", "ecs-ec2"}) {
    const size_t small = view_size(10, target);
    const size_t large = view_size(40, target);
    ASSERT_GT(small, 0u);
    const double ratio = static_cast<double>(large) / static_cast<double>(small);
    EXPECT_LE(ratio, 4.5) << target << ": view of 40 services is " << large << " bytes, of 10 "
                          << small;
    EXPECT_GE(ratio, 2.0) << target << ": the view does not grow with the services";
  }
}

}  // namespace
}  // namespace infragen
