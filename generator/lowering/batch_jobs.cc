#include "lowering/batch_jobs.h"

#include <cmath>

#include "lowering/environment_class.h"
#include "lowering/sizing.h"

namespace infragen {

namespace {

bool fargate_runs(const JobCompute& compute) {
  auto cpu = fargate_cpu_for_vcpus(compute.vcpus);
  return cpu && fargate_accepts(*cpu, compute.memory);
}

// "8" for 8.0, "0.5" for 0.5: as the manifest would write it.
std::string vcpus_text(double vcpus) {
  if (std::floor(vcpus) == vcpus) return std::to_string(static_cast<long long>(vcpus));
  return nlohmann::json(vcpus).dump();
}

// What AWS Batch cannot run, at the line that asks for it.
void check_job(const LoweringContext& context, const AppModel& model, const JobModel& job,
               bool ec2) {
  const std::string& at = job.origin.pointer;
  const std::string who = context.target_phrase() + " cannot run job '" + job.name + "'";
  const JobCompute& compute = job.compute;
  if (ec2 && std::floor(compute.vcpus) != compute.vcpus) {
    context.diagnostics.error(
        model.locate(at + "/compute/vcpus"),
        who + " with " + vcpus_text(compute.vcpus) +
            " vCPUs on EC2 instances (it needs them for its GPUs, warm minimum or size)",
        "on EC2, AWS Batch reserves whole vCPUs: write 1, 2, 3 ...");
  }
  if (compute.max_vcpus < std::ceil(compute.vcpus)) {
    context.diagnostics.error(model.locate(at + "/compute/max_vcpus"),
                              who + ": one run needs " + vcpus_text(compute.vcpus) +
                                  " vCPUs, more than max_vcpus " +
                                  std::to_string(compute.max_vcpus) + " lets run at once",
                              "raise compute.max_vcpus to at least compute.vcpus");
  }
  if (compute.min_vcpus > compute.max_vcpus) {
    context.diagnostics.error(model.locate(at + "/compute/min_vcpus"),
                              who + ": the warm minimum of " + std::to_string(compute.min_vcpus) +
                                  " vCPUs is above max_vcpus " + std::to_string(compute.max_vcpus),
                              "compute.min_vcpus is at most compute.max_vcpus");
  }
}

std::string ec2_reason(const BatchPlacement& placement) {
  if (placement.gpu) return "its GPUs";
  if (placement.warm) return "its warm minimum (compute.min_vcpus)";
  return "a size Fargate does not run";
}

}  // namespace

BatchPlacement batch_placement(const LoweringContext& context, const std::string& job) {
  BatchPlacement placement;
  for (const auto& model : context.environments) {
    const JobModel* in = model.find_job(job);
    if (!in) continue;
    placement.gpu = placement.gpu || in->compute.gpu > 0;
    placement.warm = placement.warm || in->compute.min_vcpus > 0;
    placement.size = placement.size || !fargate_runs(in->compute);
    placement.spot =
        placement.spot || (in->compute.spot && !is_production_environment(model.environment));
  }
  placement.ec2 = placement.gpu || placement.warm || placement.size;
  return placement;
}

void attach_batch_jobs(const LoweringContext& context, nlohmann::json& view) {
  bool any_ec2 = false;
  bool any_fargate = false;
  for (auto& job : view["jobs"]) {
    const std::string name = job["name"];
    const BatchPlacement placement = batch_placement(context, name);
    for (const auto& model : context.environments) {
      if (const JobModel* in = model.find_job(name)) check_job(context, model, *in, placement.ec2);
    }
    any_ec2 = any_ec2 || placement.ec2;
    any_fargate = any_fargate || !placement.ec2;
    // GPU instances come from the accelerated families; the ECS GPU-optimised AMI (Amazon Linux 2
    // with the NVIDIA driver) is the one Batch picks for ECS_AL2_NVIDIA.
    std::vector<std::string> types = placement.gpu ? std::vector<std::string>{"g4dn", "g5"}
                                                   : std::vector<std::string>{"optimal"};
    const int retries = job["retries"];
    job["batch"] = {{"ec2", placement.ec2},
                    {"fargate", !placement.ec2},
                    {"gpu", placement.gpu},
                    {"reason", placement.ec2 ? ec2_reason(placement) : ""},
                    {"instance_types", value_list(types)},
                    {"image_type", placement.gpu ? "ECS_AL2_NVIDIA" : "ECS_AL2023"},
                    {"attempts", retries + 1}};
  }
  view["batch"] = {{"ec2", any_ec2}, {"fargate", any_fargate}};
}

void attach_batch_job_values(const AppModel& model, nlohmann::json& jobs) {
  for (auto& job : jobs) {
    const JobModel* in = model.find_job(job["name"].get<std::string>());
    if (!in) continue;
    job["batch"] = {{"gpu", in->compute.gpu},
                    {"max_vcpus", in->compute.max_vcpus},
                    {"min_vcpus", in->compute.min_vcpus}};
  }
}

}  // namespace infragen
