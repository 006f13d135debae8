// Internal to the model: builders of each part of an AppModel from checked manifest JSON.
#pragma once

#include <string>

#include "frontend/manifest.h"
#include "model/json_fields.h"
#include "model/model.h"

namespace infragen {

// The environment being built and where its values were written.
struct ModelContext {
  const Document& document;
  std::string environment;
  bool has_overlay = false;  // the manifest has an `environments:` entry for it

  Origin origin(const std::string& pointer) const;
  bool written(const std::string& pointer) const;
};

// Where `pointer` is written for `environment`: its overlay when the overlay sets it, else the
// base. `has_overlay` is false for the implicit "default" environment.
SourceLocation locate_for_environment(const Document& document, const std::string& environment,
                                      bool has_overlay, const std::string& pointer);

ServiceModel build_service(const ModelContext& context, const std::string& name,
                           const Fields& fields);
JobModel build_job(const ModelContext& context, const std::string& name, const Fields& fields);
DatabaseModel build_database(const ModelContext& context, const std::string& name,
                             const Fields& fields);
CacheModel build_cache(const ModelContext& context, const std::string& name, const Fields& fields);
SecretModel build_secret(const ModelContext& context, const std::string& name,
                         const Fields& fields);
BucketModel build_bucket(const ModelContext& context, const std::string& name,
                         const Fields& fields);
VolumeModel build_volume(const ModelContext& context, const std::string& name,
                         const Fields& fields);

// `env:` and `secrets:` of a service or job, sorted by variable name.
std::vector<EnvVar> build_env(const ModelContext& context, const Fields& owner);
std::vector<SecretBinding> build_secret_bindings(const ModelContext& context, const Fields& owner);
ImageSpec build_image(const Fields& owner);
// `volumes:` of a service or job: short (`NAME:/path[:ro]`) and long entries alike.
std::vector<VolumeMount> build_volume_mounts(const ModelContext& context, const Fields& owner);

}  // namespace infragen
