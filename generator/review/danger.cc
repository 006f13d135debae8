// The danger classifier: what a change costs beyond an in-place update.
#include "review/resource_diff.h"

#include <set>

#include "review/kubernetes_danger.h"

namespace infragen::review {
namespace {

// The attribute's first segment: `health_check.path` -> `health_check`, `tags["a"]` -> `tags`.
std::string top_level(const std::string& path) {
  auto end = path.find_first_of(".[");
  return end == std::string::npos ? path : path.substr(0, end);
}

bool is_cloudformation(const std::string& type) { return type.find("::") != std::string::npos; }

}  // namespace

void classify(ResourceChange& change, const Resource* before, const ReplacementTable& table) {
  if (is_kubernetes_kind(change.type)) {
    classify_kubernetes(change);
    return;
  }
  const bool stateful = table.is_stateful(change.type);
  if (change.kind == ChangeKind::added) return;
  if (change.kind == ChangeKind::removed) {
    if (!stateful) return;
    if (before && before->delete_policy == "Retain") {
      change.reasons.push_back("DeletionPolicy Retain: CloudFormation leaves it in the account");
      return;
    }
    change.danger = Danger::destroy;
    change.reasons.push_back(change.type + " holds data: removing it deletes the data" +
                             (before && before->delete_policy == "Snapshot"
                                  ? std::string(" (DeletionPolicy Snapshot keeps a snapshot)")
                                  : std::string()));
    if (before && before->delete_policy == "prevent_destroy") {
      change.reasons.push_back("lifecycle.prevent_destroy is set: terraform apply will refuse");
    }
    return;
  }
  if (!change.renamed_from.empty()) {
    change.danger = Danger::replace;
    change.reasons.push_back(
        is_cloudformation(change.type)
            ? "logical id changes from " + change.renamed_from +
                  ": CloudFormation creates a new resource and deletes the old one"
            : "address changes from " + change.renamed_from +
                  ": Terraform destroys it and creates a new one (a `moved` block would keep it)");
  }
  std::set<std::string> seen;
  for (const auto& attribute : change.attributes) {
    std::string name = top_level(attribute.path);
    if (!seen.insert(name).second) continue;
    auto cause = table.replaced_by(change.type, name);
    if (!cause) continue;
    change.danger = Danger::replace;
    std::string where = cause->cloudformation_type + " " + cause->property;
    change.reasons.push_back(cause->certain ? "`" + name + "` forces replacement (" + where +
                                                  ": update requires replacement)"
                                            : "`" + name + "` may force replacement (" + where +
                                                  ": replacement depends on the change)");
  }
  if (change.danger == Danger::replace && stateful) {
    change.reasons.push_back(change.type +
                             " holds data: the replacement starts empty unless restored");
  }
}

}  // namespace infragen::review
