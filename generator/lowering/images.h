// Images built from source: one ECR repository per distinct build, shared by its workloads.
#pragma once

#include <string>
#include <vector>

#include "model/model.h"

namespace infragen {

struct BuiltImage {
  std::string name;      // the first workload that builds it (services before jobs)
  std::string resource;  // identifier of `name`
  BuildSpec build;
  std::vector<std::string> services;  // services running it
  std::vector<std::string> jobs;      // jobs running it
};

// The distinct builds of `model`: workloads with the same context, Dockerfile, target and
// arguments run the same image, so it is built and stored once.
std::vector<BuiltImage> built_images(const AppModel& model);

// The built image `spec` belongs to (it must be one of built_images(model)).
const BuiltImage* find_built_image(const std::vector<BuiltImage>& images, const BuildSpec& spec);

}  // namespace infragen
