#include "review/parts.h"

#include "review/cloudformation_resources.h"
#include "review/helm_resources.h"
#include "review/terraform_resources.h"

namespace infragen::review {

std::string part_folder_of(const std::string& path) {
  auto first = path.find('/');
  if (first == std::string::npos) return {};
  auto second = path.find('/', first + 1);
  if (second == std::string::npos) return {};
  return path.substr(0, second);
}

std::map<std::string, PartResources> read_parts(const FileMap& files) {
  std::map<std::string, FileMap> grouped;
  for (const auto& [path, content] : files) {
    std::string folder = part_folder_of(path);
    if (!folder.empty()) grouped[folder][path.substr(folder.size() + 1)] = content;
  }
  std::map<std::string, PartResources> parts;
  for (const auto& [folder, part_files] : grouped) {
    PartResources part;
    part.folder = folder;
    part.target = folder.substr(0, folder.find('/'));
    part.format = folder.substr(folder.find('/') + 1);
    read_terraform_resources(part_files, part);
    if (part.environments.empty()) read_cloudformation_resources(part_files, part);
    if (part.environments.empty()) read_helm_resources(part_files, part);
    if (part.environments.empty()) {
      part.notes.push_back("no Terraform, CloudFormation or Kubernetes resources in " + folder +
                           "; only its files are compared");
    }
    parts[folder] = std::move(part);
  }
  return parts;
}

}  // namespace infragen::review
