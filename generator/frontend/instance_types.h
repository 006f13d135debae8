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

}  // namespace infragen
