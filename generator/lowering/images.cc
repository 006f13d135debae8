#include "lowering/images.h"

#include <algorithm>

#include "lowering/reference_snippets.h"

namespace infragen {

namespace {

bool same_build(const BuildSpec& a, const BuildSpec& b) {
  return a.context == b.context && a.dockerfile == b.dockerfile && a.target == b.target &&
         a.args == b.args;
}

BuiltImage& image_for(std::vector<BuiltImage>& images, const std::string& workload,
                      const BuildSpec& build) {
  for (auto& image : images) {
    if (same_build(image.build, build)) return image;
  }
  BuiltImage image;
  image.name = workload;
  image.resource = resource_identifier(workload);
  image.build = build;
  images.push_back(std::move(image));
  return images.back();
}

}  // namespace

std::vector<BuiltImage> built_images(const AppModel& model) {
  std::vector<BuiltImage> images;
  for (const auto& service : model.services) {
    if (service.image.build) {
      image_for(images, service.name, *service.image.build).services.push_back(service.name);
    }
  }
  for (const auto& job : model.jobs) {
    if (job.image.build) {
      // A job named like a service that builds something else gets its own repository name.
      BuiltImage& image = image_for(images, "job-" + job.name, *job.image.build);
      image.jobs.push_back(job.name);
    }
  }
  return images;
}

const BuiltImage* find_built_image(const std::vector<BuiltImage>& images, const BuildSpec& spec) {
  auto it = std::find_if(images.begin(), images.end(),
                         [&](const BuiltImage& image) { return same_build(image.build, spec); });
  return it == images.end() ? nullptr : &*it;
}

}  // namespace infragen
