// Test helper shared by the linear-growth guards (tests/unit/lowering/scaling_test.cc and
// tests/unit/cli/work_growth_test.cc): a manifest whose every list, rule set and reference grows
// with its number of services.
#pragma once

#include <string>

namespace infragen::testing {

// `services` public services, each reading the database and a secret, scaling on CPU and calling
// a private service of its own (so 2 x `services` services in all), in two environments.
inline std::string growth_manifest(int services) {
  std::string yaml =
      "apiVersion: infragen/v1\nname: growth\nregion: eu-west-1\n"
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

}  // namespace infragen::testing
