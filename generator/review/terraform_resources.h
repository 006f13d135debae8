// Reads the resources of a Terraform folder per environment (one env/<name>.tfvars each).
#pragma once

#include <string>

#include "review/resource.h"

namespace infragen::review {

// `files` are the part's files with paths relative to the part folder (`network.tf`,
// `env/prod.tfvars`). Every `resource` block of the top-level .tf files becomes one resource per
// instance (count / for_each evaluated with the environment's tfvars and variable defaults);
// data sources, variables, outputs, locals and modules are not resources and are not listed.
// Files that do not parse are named in `part.notes`.
void read_terraform_resources(const FileMap& files, PartResources& part);

}  // namespace infragen::review
