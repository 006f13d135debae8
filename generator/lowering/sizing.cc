#include "lowering/sizing.h"

#include <cmath>

namespace infragen {

namespace {

// Fargate task sizes (AWS ECS developer guide, "Task CPU and memory"): memory from `min` to
// `max` MiB in steps of `step` for each CPU value.
struct FargateCpu {
  int cpu;
  int min;
  int max;
  int step;
};

constexpr FargateCpu kFargateSizes[] = {{256, 512, 2048, 512},       {512, 1024, 4096, 1024},
                                        {1024, 2048, 8192, 1024},    {2048, 4096, 16384, 1024},
                                        {4096, 8192, 30720, 1024},   {8192, 16384, 61440, 4096},
                                        {16384, 32768, 122880, 8192}};

const FargateCpu* fargate_cpu(int cpu) {
  for (const auto& size : kFargateSizes) {
    if (size.cpu == cpu) return &size;
  }
  return nullptr;
}

}  // namespace

std::string database_instance_class(const std::string& size, bool aurora) {
  if (size == "small") return aurora ? "db.t4g.medium" : "db.t4g.micro";
  if (size == "medium") return aurora ? "db.r6g.large" : "db.t4g.medium";
  if (size == "large") return aurora ? "db.r6g.xlarge" : "db.r6g.large";
  return size;
}

std::string cache_node_type(const std::string& size) {
  if (size == "small") return "cache.t4g.micro";
  if (size == "medium") return "cache.t4g.medium";
  if (size == "large") return "cache.r7g.large";
  return size;
}

bool fargate_accepts(int cpu, int memory) {
  const FargateCpu* size = fargate_cpu(cpu);
  if (!size) return false;
  // 256 CPU units take 512, 1024 or 2048 MiB (not 1536), the others any step in range.
  if (cpu == 256) return memory == 512 || memory == 1024 || memory == 2048;
  return memory >= size->min && memory <= size->max && (memory - size->min) % size->step == 0;
}

std::string fargate_memory_choices(int cpu) {
  const FargateCpu* size = fargate_cpu(cpu);
  if (!size) return "";
  if (cpu == 256) return "512, 1024 or 2048";
  return std::to_string(size->min) + " to " + std::to_string(size->max) + " in steps of " +
         std::to_string(size->step);
}

int job_cpu_units(double vcpus) { return static_cast<int>(std::lround(vcpus * 1024)); }

std::optional<int> fargate_cpu_for_vcpus(double vcpus) {
  double units = vcpus * 1024;
  if (std::floor(units) != units) return std::nullopt;
  int cpu = static_cast<int>(units);
  if (!fargate_cpu(cpu)) return std::nullopt;
  return cpu;
}

}  // namespace infragen
