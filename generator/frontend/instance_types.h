// The EC2 instance types and their sizes (schemas/instance_types.v1.json, embedded).
#pragma once

#include <string>
#include <vector>

namespace infragen {

struct InstanceType {
  int vcpus = 0;
  int memory_mib = 0;
  std::vector<std::string> architectures;  // "x86_64", "arm64", ...
  int gpus = 0;
  int network_interfaces = 0;  // the most a task in awsvpc mode can share (one is the host's)
  bool current_generation = false;
};

// The type named `name` ("t3.medium"), or null when EC2 has no such type.
const InstanceType* find_instance_type(const std::string& name);

// Every type's name, sorted (for "did you mean").
const std::vector<std::string>& instance_type_names();

// The memory containers can have on one instance of `type`: the system and the container agent
// keep part of it, so ECS registers an instance with less than its size. 5% (at least 256 MiB)
// stays out.
int usable_memory_mib(const InstanceType& type);

// Whether one task of `cpu` units and `memory` MiB fits on one instance of `type`.
bool task_fits(const InstanceType& type, int cpu, int memory);

}  // namespace infragen
