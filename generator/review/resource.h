// The resources one generated part (a target's folder of one format) declares, per environment.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace infragen::review {

// Generated files by path relative to the output folder ('/'-separated), as in an OutputSet.
using FileMap = std::map<std::string, std::string>;

// One resource instance: Terraform `aws_subnet.public[0]`, CloudFormation `app.json:Bucket`.
struct Resource {
  std::string address;
  std::string type;  // aws_subnet, AWS::S3::Bucket
  // Attribute path (`port`, `health_check.path`, `container_definitions[0].image`) -> value as
  // canonical one-line text. Values that depend on apply time keep their expression.
  std::map<std::string, std::string> attributes;
  // Whether it exists could not be decided (a count or Condition the review cannot evaluate).
  bool conditional = false;
  std::string delete_policy;  // CloudFormation DeletionPolicy / Terraform prevent_destroy
};

using ResourceMap = std::map<std::string, Resource>;  // by address

// Environment name used when a part has no per-environment variables file.
inline constexpr const char* kDefaultEnvironment = "default";

// A target/format folder and its resources per environment.
struct PartResources {
  std::string folder;  // "ecs-fargate/terraform"
  std::string target;  // "ecs-fargate"
  std::string format;  // "terraform", "cloudformation", "kubernetes"
  std::map<std::string, ResourceMap> environments;
  std::vector<std::string> notes;  // what could not be read, and why
};

}  // namespace infragen::review
