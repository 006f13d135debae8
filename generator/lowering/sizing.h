// Size words (small/medium/large) to AWS instance classes, and the task sizes Fargate accepts.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace infragen {

// The RDS/Aurora instance class for `size` ("small", "medium", "large" or an explicit
// "db.x.y", returned as is). Aurora has no micro classes, so its words map one step up.
std::string database_instance_class(const std::string& size, bool aurora);

// The ElastiCache node type for `size` ("small", "medium", "large" or "cache.x.y" as is).
std::string cache_node_type(const std::string& size);

// Whether Fargate runs a task of `cpu` units with `memory` MiB.
bool fargate_accepts(int cpu, int memory);

// Human-readable memory choices for `cpu` ("512, 1024 or 2048"), empty when `cpu` is not a
// Fargate CPU value.
std::string fargate_memory_choices(int cpu);

// ECS CPU units for a job's `vcpus` (0.25 -> 256, 1.5 -> 1536), rounded to a unit.
int job_cpu_units(double vcpus);

// Fargate CPU units for a job's `vcpus` (0.25 -> 256); nothing when Fargate has no such size.
std::optional<int> fargate_cpu_for_vcpus(double vcpus);

}  // namespace infragen
