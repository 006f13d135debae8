// Splits generated files into parts (TARGET/FORMAT folders) and reads each part's resources.
#pragma once

#include <map>
#include <string>

#include "review/resource.h"

namespace infragen::review {

// The part folder of a generated file: its first two path segments ("ecs-fargate/terraform").
// Empty for a file outside any part (the ownership file, a top-level README).
std::string part_folder_of(const std::string& path);

// Every part of `files` with its resources. The reader is chosen by content: top-level .tf
// files are Terraform, JSON templates with `Resources` are CloudFormation, folders with a
// Chart.yaml are Helm charts (their Kubernetes objects); a part with none of them (compose
// files) has no resource list, only its file diff, and says so in notes.
std::map<std::string, PartResources> read_parts(const FileMap& files);

}  // namespace infragen::review
