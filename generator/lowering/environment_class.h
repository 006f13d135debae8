// Which environments are production or development, for the safeguards that differ between them.
#pragma once

#include <string>

namespace infragen {

// Production environments get no Fargate Spot and no ECS Exec: "prod", "production", "prd",
// "live", and "default" — the only environment of a manifest without `environments:`, which is
// what runs in production.
bool is_production_environment(const std::string& name);

// Development environments get no deletion protection and no final snapshots, and their secrets
// and buckets can be destroyed at once: "dev", "develop", "development", "test", "testing",
// "sandbox", "local", "ci", "preview".
bool is_development_environment(const std::string& name);

}  // namespace infragen
