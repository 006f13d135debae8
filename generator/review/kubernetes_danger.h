// What a change of a Kubernetes object costs: immutable fields, rolled pods, deleted volumes.
#pragma once

#include <string>

#include "review/resource_diff.h"

namespace infragen::review {

// Kubernetes kinds are CamelCase (`Deployment`); Terraform types are lower case and
// CloudFormation types hold `::`.
bool is_kubernetes_kind(const std::string& type);

// Marks `change` of a Kubernetes object: a changed immutable field (the API server refuses the
// update, so `helm upgrade` fails until the object is deleted) is a replacement; a changed pod
// template rolls every pod of a Deployment, StatefulSet or DaemonSet (named as a reason); a
// removed PersistentVolumeClaim deletes its volume's data.
void classify_kubernetes(ResourceChange& change);

}  // namespace infragen::review
