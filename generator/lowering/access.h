// Who uses what: the databases, caches, services, buckets and secrets each workload reaches.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "model/model.h"

namespace infragen {

// A service or a job, seen through what lowering needs of both.
struct Workload {
  enum class Kind { service, job };
  Kind kind = Kind::service;
  std::string name;
  std::string label;  // "service_vote", "job_stats": unique across kinds
  Origin origin;
  const ImageSpec* image = nullptr;
  const std::vector<std::string>* command = nullptr;
  const std::vector<EnvVar>* env = nullptr;
  const std::vector<SecretBinding>* secrets = nullptr;
  const std::vector<VolumeMount>* volumes = nullptr;
  std::vector<std::string> depends_on;
  const JobTrigger* trigger = nullptr;
};

// The services then the jobs of `model`, each in name order.
std::vector<Workload> workloads_of(const AppModel& model);

// What one workload reaches; network access follows from it (security group rules) and so do its
// IAM grants. A `depends_on` entry counts as use: the workload was declared to need it.
struct WorkloadAccess {
  std::set<std::string> databases;         // network access to the database port
  std::set<std::string> caches;            // network access to the cache port
  std::set<std::string> private_services;  // network access to the service port
  std::set<std::string> buckets;           // read/write objects
  std::set<std::string> trigger_buckets;   // read objects (jobs started by new objects)
  std::set<std::string> database_secrets;  // read the managed master password
  std::set<std::string> named_secrets;     // read the secret
  std::map<std::string, bool> volumes;     // mount the file system; true: also write to it
};

WorkloadAccess access_of(const AppModel& model, const Workload& workload);

}  // namespace infragen
