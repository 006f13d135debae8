// Danger marks of Kubernetes objects, from the API's immutable fields and rollout rules.
#include "review/kubernetes_danger.h"

#include <cctype>
#include <map>
#include <set>
#include <vector>

namespace infragen::review {
namespace {

// Fields the API server refuses to change (apps/v1, batch/v1, core/v1 validation).
const std::map<std::string, std::vector<std::string>>& immutable_fields() {
  static const std::map<std::string, std::vector<std::string>> fields = {
      {"Deployment", {"spec.selector"}},
      {"DaemonSet", {"spec.selector"}},
      {"ReplicaSet", {"spec.selector"}},
      {"StatefulSet",
       {"spec.selector", "spec.serviceName", "spec.volumeClaimTemplates",
        "spec.podManagementPolicy"}},
      {"Job", {"spec.selector", "spec.template", "spec.completionMode"}},
      {"Service", {"spec.clusterIP", "spec.clusterIPs"}},
      {"PersistentVolumeClaim",
       {"spec.accessModes", "spec.storageClassName", "spec.volumeName", "spec.selector",
        "spec.volumeMode"}},
  };
  return fields;
}

const std::set<std::string> kRolledKinds = {"Deployment", "StatefulSet", "DaemonSet"};

// Whether attribute `path` is `field` or lies under it.
bool under(const std::string& path, const std::string& field) {
  if (path.compare(0, field.size(), field) != 0) return false;
  return path.size() == field.size() || path[field.size()] == '.' || path[field.size()] == '[';
}

}  // namespace

bool is_kubernetes_kind(const std::string& type) {
  return !type.empty() && std::isupper(static_cast<unsigned char>(type[0])) &&
         type.find("::") == std::string::npos;
}

void classify_kubernetes(ResourceChange& change) {
  if (change.kind == ChangeKind::added) return;
  if (change.kind == ChangeKind::removed) {
    if (change.type == "PersistentVolumeClaim") {
      change.danger = Danger::destroy;
      change.reasons.push_back("PersistentVolumeClaim holds data: removing it deletes its volume");
    }
    return;
  }
  if (!change.renamed_from.empty()) {
    change.danger = Danger::replace;
    change.reasons.push_back("name changes from " + change.renamed_from +
                             ": Helm deletes the old object and creates a new one");
  }
  std::set<std::string> named;
  auto fields = immutable_fields().find(change.type);
  bool rolls = false;
  for (const auto& attribute : change.attributes) {
    if (fields != immutable_fields().end()) {
      for (const std::string& field : fields->second) {
        if (!under(attribute.path, field) || !named.insert(field).second) continue;
        change.danger = Danger::replace;
        change.reasons.push_back("`" + field + "` is immutable: the API server refuses the " +
                                 "update (helm upgrade fails) until the " + change.type +
                                 " is deleted and created again");
      }
    }
    if (kRolledKinds.count(change.type) && under(attribute.path, "spec.template")) rolls = true;
  }
  if (rolls) {
    change.reasons.push_back("its pod template changes: every pod of the " + change.type +
                             " is replaced (a rolling update)");
  }
  if (change.danger == Danger::replace && change.type == "StatefulSet") {
    change.reasons.push_back("its PersistentVolumeClaims stay and are used again by the new pods");
  }
}

}  // namespace infragen::review
