// The batch target's jobs: what each runs on (Fargate, or EC2 for GPUs, a warm minimum or a size
// Fargate does not run), its queue, retry strategy and timeout, and their per-environment values.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "lowering/lowering_context.h"

namespace infragen {

// Why a job needs EC2 instances in some environment; nothing when Fargate runs it everywhere.
// The same in every environment (one set of code): a job that needs EC2 in one runs on it in all.
struct BatchPlacement {
  bool ec2 = false;
  bool gpu = false;   // GPUs in some environment: GPU instance families, the ECS GPU AMI
  bool warm = false;  // compute.min_vcpus above 0 in some environment
  bool size = false;  // a vCPU/memory pair Fargate does not run in some environment
  bool spot = false;  // spot capacity in some environment outside production
};
BatchPlacement batch_placement(const LoweringContext& context, const std::string& job);

// Adds `batch` to each job of view["jobs"] (placement, instance types, AMI type, attempts) and
// view["batch"] (what the jobs need app-wide), reporting at the manifest line what AWS Batch
// cannot run: a fraction of a vCPU on EC2, a run larger than `max_vcpus`, `min_vcpus` above it.
void attach_batch_jobs(const LoweringContext& context, nlohmann::json& view);

// Adds `batch` {gpu, max_vcpus, min_vcpus} to each of `jobs`, the job values of `model`.
void attach_batch_job_values(const AppModel& model, nlohmann::json& jobs);

}  // namespace infragen
