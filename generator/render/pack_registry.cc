#include <algorithm>
#include <filesystem>

#include "render/pack.h"
#include "render/pack_loader.h"

namespace infragen {
namespace fs = std::filesystem;

const PackFormat* Pack::find_format(const std::string& format) const {
  for (const auto& candidate : formats) {
    if (candidate.name == format) return &candidate;
  }
  return nullptr;
}

bool PackRegistry::load_folder(const std::string& folder, Diagnostics& diagnostics) {
  std::error_code error;
  if (!fs::is_directory(folder, error)) {
    diagnostics.file_error(folder, "templates folder not found");
    return false;
  }
  const int errors_before = diagnostics.error_count();
  // A later folder's shared partial replaces an earlier one of the same name, for every pack.
  collect_partials((fs::path(folder) / "_shared").generic_string(), "", shared_partials_,
                   shared_partial_files_, diagnostics);

  std::vector<fs::path> pack_folders;
  for (const auto& entry : fs::directory_iterator(folder, error)) {
    std::string name = entry.path().filename().string();
    // `_shared` and hidden folders are not packs.
    if (name.empty() || name[0] == '_' || name[0] == '.') continue;
    if (entry.is_directory() && fs::exists(entry.path() / "pack.yaml")) {
      pack_folders.push_back(entry.path());
    }
  }
  std::sort(pack_folders.begin(), pack_folders.end());
  for (const fs::path& pack_folder : pack_folders) {
    std::optional<Pack> pack = load_pack(pack_folder.generic_string(), diagnostics);
    if (!pack) continue;
    std::string name = pack->name;
    own_partials_[name] = pack->partials;
    own_partial_files_[name] = pack->partial_files;
    packs_.insert_or_assign(name, std::move(*pack));
  }

  // Each pack sees the shared partials known so far, and its own ("partials/...") over them.
  for (auto& [name, pack] : packs_) {
    std::map<std::string, std::string> texts = shared_partials_;
    std::map<std::string, std::string> files = shared_partial_files_;
    for (const auto& [partial, text] : own_partials_[name]) texts[partial] = text;
    for (const auto& [partial, path] : own_partial_files_[name]) files[partial] = path;
    pack.partials = std::move(texts);
    pack.partial_files = std::move(files);
  }
  return diagnostics.error_count() == errors_before;
}

const Pack* PackRegistry::find(const std::string& name) const {
  auto found = packs_.find(name);
  return found == packs_.end() ? nullptr : &found->second;
}

std::vector<const Pack*> PackRegistry::all() const {
  std::vector<const Pack*> packs;
  for (const auto& [name, pack] : packs_) packs.push_back(&pack);
  return packs;
}

}  // namespace infragen
