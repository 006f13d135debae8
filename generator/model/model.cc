#include "model/model.h"

#include <algorithm>

#include "frontend/json_pointer.h"
#include "model/build_parts.h"

namespace infragen {

namespace {

template <typename Model>
const Model* find_named(const std::vector<Model>& models, const std::string& name) {
  auto it = std::find_if(models.begin(), models.end(),
                         [&](const Model& model) { return model.name == name; });
  return it == models.end() ? nullptr : &*it;
}

}  // namespace

bool EnvVar::has_references() const {
  return std::any_of(parts.begin(), parts.end(),
                     [](const EnvValuePart& part) { return part.reference.has_value(); });
}

const ServiceModel* AppModel::find_service(const std::string& name) const {
  return find_named(services, name);
}
const DatabaseModel* AppModel::find_database(const std::string& name) const {
  return find_named(databases, name);
}
const CacheModel* AppModel::find_cache(const std::string& name) const {
  return find_named(caches, name);
}
const BucketModel* AppModel::find_bucket(const std::string& name) const {
  return find_named(buckets, name);
}
const SecretModel* AppModel::find_secret(const std::string& name) const {
  return find_named(secrets, name);
}
const JobModel* AppModel::find_job(const std::string& name) const { return find_named(jobs, name); }
const VolumeModel* AppModel::find_volume(const std::string& name) const {
  return find_named(volumes, name);
}

SourceLocation AppModel::locate(const std::string& pointer) const {
  if (!document) return {};
  return locate_for_environment(*document, environment, has_overlay, pointer);
}

bool AppModel::overlay_sets(const std::string& pointer) const {
  if (!document || !has_overlay) return false;
  std::string overlay = child_pointer("/environments", environment) + pointer;
  auto it = document->value_locations.lower_bound(overlay);
  return it != document->value_locations.end() &&
         (it->first == overlay || it->first.rfind(overlay + "/", 0) == 0);
}

bool AppModel::written(const std::string& pointer) const {
  if (!document) return false;
  ModelContext context{*document, environment, has_overlay};
  return context.written(pointer);
}

}  // namespace infragen
