// The batch target's jobs: where each runs (Fargate or EC2), its per-environment limits, names,
// and what AWS Batch cannot run, reported at the manifest line.
#include <gtest/gtest.h>

#include "lowering_fixture.h"

namespace infragen::testing {
namespace {

const TargetSpec& batch_spec() {
  static const TargetSpec spec = target_spec_from_pack("batch");
  return spec;
}

// `jobs` is the YAML of the jobs map, indented by two spaces; `environments` the overlays.
std::string manifest_with_jobs(const std::string& jobs, const std::string& environments = "") {
  return "apiVersion: infragen/v1\nname: ingest\nregion: us-east-1\n"
         "buckets:\n  imports: {}\n"
         "jobs:\n" +
         jobs + (environments.empty() ? "" : "environments:\n" + environments);
}

const char* const kPlacedJobs = R"yaml(  small:
    image: python:3.12
    schedule: "rate(1 hour)"
    compute: {vcpus: 0.5, memory: 1024, spot: true}
  gpu:
    image: python:3.12
    trigger: {bucket: imports, prefix: incoming/}
    compute: {vcpus: 4, memory: 16384, gpu: 1, max_vcpus: 32}
  big:
    image: python:3.12
    schedule: "rate(1 day)"
    compute: {vcpus: 3, memory: 6144}
  warm:
    image: python:3.12
    schedule: "rate(1 day)"
)yaml";

const char* const kWarmInProd = R"yaml(  dev: {}
  prod:
    jobs:
      warm: {compute: {min_vcpus: 2}}
)yaml";

TEST(BatchJobs, FargateRunsWhatFitsItAndEc2WhatNeedsGpusAWarmMinimumOrAnotherSize) {
  Lowered lowered = lower_yaml(manifest_with_jobs(kPlacedJobs, kWarmInProd), batch_spec());
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  const auto& jobs = lowered.view["jobs"];
  const auto& small = item_named(jobs, "small");
  EXPECT_TRUE(small["batch"]["fargate"].get<bool>());
  EXPECT_TRUE(small["spot_possible"].get<bool>());
  const auto& gpu = item_named(jobs, "gpu");
  EXPECT_TRUE(gpu["batch"]["ec2"].get<bool>());
  EXPECT_EQ(gpu["batch"]["image_type"], "ECS_AL2_NVIDIA");
  EXPECT_EQ(gpu["batch"]["instance_types"][0]["value"], "g4dn");
  EXPECT_EQ(gpu["batch"]["reason"], "its GPUs");
  EXPECT_EQ(item_named(jobs, "big")["batch"]["reason"], "a size Fargate does not run");
  // A warm minimum in prod only still runs the job on EC2 in dev: one set of code.
  const auto& warm = item_named(jobs, "warm");
  EXPECT_TRUE(warm["batch"]["ec2"].get<bool>());
  EXPECT_EQ(warm["batch"]["image_type"], "ECS_AL2023");
  EXPECT_EQ(warm["batch"]["attempts"], 2);  // retries 1 by default
  EXPECT_TRUE(lowered.view["batch"]["ec2"].get<bool>());

  const auto& dev = item_named(lowered.view["environments"], "dev");
  const auto& prod = item_named(lowered.view["environments"], "prod");
  EXPECT_EQ(item_named(dev["jobs"], "warm")["batch"]["min_vcpus"], 0);
  EXPECT_EQ(item_named(prod["jobs"], "warm")["batch"]["min_vcpus"], 2);
  EXPECT_EQ(item_named(dev["jobs"], "gpu")["batch"]["gpu"], 1);
  EXPECT_EQ(item_named(dev["jobs"], "gpu")["batch"]["max_vcpus"], 32);
  // Spot outside production only.
  EXPECT_TRUE(item_named(dev["jobs"], "small")["spot"].get<bool>());
  EXPECT_FALSE(item_named(prod["jobs"], "small")["spot"].get<bool>());
  EXPECT_EQ(name_of(dev, "job_small_compute_environment"), "ingest-dev-job-small");
  EXPECT_EQ(name_of(dev, "job_small_spot_compute_environment"), "ingest-dev-job-small-spot");
  EXPECT_EQ(name_of(dev, "job_gpu_job_queue"), "ingest-dev-job-gpu");
  EXPECT_EQ(name_of(dev, "batch_instance_profile"), "ingest-dev-batch-instance");
}

const char* const kJobsBatchCannotRun = R"yaml(  half:
    image: python:3.12
    schedule: "rate(1 hour)"
    compute: {vcpus: 0.5, memory: 2048, gpu: 1}
  wide:
    image: python:3.12
    schedule: "rate(1 hour)"
    compute: {vcpus: 8, memory: 16384, max_vcpus: 4}
  warm:
    image: python:3.12
    schedule: "rate(1 hour)"
    compute: {min_vcpus: 20}
)yaml";

TEST(BatchJobs, WhatAwsBatchCannotRunIsAnErrorAtItsLine) {
  Lowered lowered = lower_yaml(manifest_with_jobs(kJobsBatchCannotRun), batch_spec());
  EXPECT_FALSE(lowered.ok());
  EXPECT_NE(lowered.messages.find("app.yaml:10:"), std::string::npos) << lowered.messages;
  EXPECT_NE(lowered.messages.find("cannot run job 'half' with 0.5 vCPUs on EC2"), std::string::npos)
      << lowered.messages;
  EXPECT_NE(lowered.messages.find("one run needs 8 vCPUs, more than max_vcpus 4"),
            std::string::npos)
      << lowered.messages;
  EXPECT_NE(lowered.messages.find("the warm minimum of 20 vCPUs is above max_vcpus 16"),
            std::string::npos)
      << lowered.messages;
}

TEST(BatchJobs, OtherTargetsWarnThatTheyIgnoreAWarmMinimum) {
  Lowered lowered = lower_yaml(manifest_with_jobs(R"yaml(  warm:
    image: python:3.12
    schedule: "rate(1 hour)"
    compute: {min_vcpus: 2}
)yaml"));
  EXPECT_TRUE(lowered.ok()) << lowered.messages;
  EXPECT_NE(lowered.messages.find("cannot carry a warm minimum of vCPUs (compute.min_vcpus)"),
            std::string::npos)
      << lowered.messages;
}

TEST(BatchJobs, CodePipelineIsNotCarried) {
  Lowered lowered = lower_yaml(
      "apiVersion: infragen/v1\nname: ingest\nregion: us-east-1\n"
      "services:\n  api:\n    build: {context: .}\n    port: 80\n    expose: public\n"
      "pipeline: {provider: codepipeline, repository: me/ingest, branch: main}\n",
      batch_spec());
  EXPECT_FALSE(lowered.ok());
  EXPECT_NE(lowered.messages.find("target 'batch' cannot carry a codepipeline pipeline"),
            std::string::npos)
      << lowered.messages;
}

}  // namespace
}  // namespace infragen::testing
