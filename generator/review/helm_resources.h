// Reads the Kubernetes objects of a Helm chart per environment, rendered as `helm template` does.
#pragma once

#include "review/resource.h"

namespace infragen::review {

// `files` are a part's files relative to its folder; each folder with a Chart.yaml is a chart.
// Every values-<env>.yaml is an environment (values.yaml under it, as `helm upgrade -f` gives;
// `default` without any), and each template of templates/ (not `_*` partials, not NOTES.txt)
// is rendered with the Go template subset of review/go_template.h. Each object is a resource
// `Kind/namespace/name` of type `Kind` (the release namespace is the chart's name, as the
// generated README installs it; `Kind/name` for a cluster-scoped kind such as StorageClass); its
// attributes are the object's fields as paths
// (`spec.template.spec.containers[0].image`). Values that exist only after apply (terraform
// output helm_values) are absent on both sides and so never differ. A chart that does not
// render is a note, and its objects are left out.
void read_helm_resources(const FileMap& files, PartResources& part);

}  // namespace infragen::review
