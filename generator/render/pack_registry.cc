#include <algorithm>
#include <filesystem>

#include "diagnostics/suggest.h"
#include "render/marked_yaml.h"
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

namespace {

// One shared reference file's {format: {kind: snippet}}; nothing when it has a problem.
std::optional<nlohmann::json> read_shared_references(const SourceFilePtr& source,
                                                     MarkedReading reading,
                                                     Diagnostics& diagnostics) {
  std::optional<MarkedDocument> document = load_marked_yaml(source, diagnostics, reading);
  if (!document) return std::nullopt;
  bool valid = document->root.is_object();
  for (const auto& [format, snippets] : document->root.items()) {
    if (!snippets.is_object()) {
      diagnostics.error(document->value_at("/" + format),
                        "a shared reference file maps each format to {kind: snippet}");
      valid = false;
      continue;
    }
    for (const auto& [kind, snippet] : snippets.items()) {
      if (snippet.is_string()) continue;
      diagnostics.error(document->value_at("/" + format + "/" + kind),
                        "the snippet of reference kind '" + kind + "' must be a string");
      valid = false;
    }
  }
  if (!document->root.is_object()) {
    diagnostics.error(document->value_at(""),
                      "a shared reference file maps each format to {kind: snippet}");
  }
  if (!valid) return std::nullopt;
  return std::move(document->root);
}

// Each `<name>.yaml` of `folder`: {format: {kind: snippet}}, as a pack's `references`.
void load_shared_references(const std::string& folder, std::map<std::string, nlohmann::json>& into,
                            Diagnostics& diagnostics) {
  std::error_code error;
  if (!fs::is_directory(folder, error)) return;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder, error)) {
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") files.push_back(entry);
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& path : files) {
    std::optional<std::string> text = read_template_text(path.generic_string());
    if (!text) {
      diagnostics.file_error(path.generic_string(), "cannot read file");
      continue;
    }
    auto source = std::make_shared<const SourceFile>(path.generic_string(), std::move(*text));
    // As pack.yaml (pack_loader.cc): the plain reader first, yaml-cpp again for any problem.
    Diagnostics fast_diagnostics;
    std::optional<nlohmann::json> references =
        read_shared_references(source, MarkedReading::fast, fast_diagnostics);
    if (!references || !fast_diagnostics.all().empty()) {
      references = read_shared_references(source, MarkedReading::exact, diagnostics);
    }
    if (references) into[path.stem().string()] = std::move(*references);
  }
}

}  // namespace

// The shared snippets under the pack's own ones: a pack replaces a kind, never a whole format.
void PackRegistry::merge_shared_references(Pack& pack, Diagnostics& diagnostics) const {
  auto shared = shared_references_.find(pack.references_from);
  if (shared == shared_references_.end()) {
    std::vector<std::string> known;
    for (const auto& [name, references] : shared_references_) known.push_back(name);
    std::string hint = did_you_mean(pack.references_from, known);
    if (hint.empty()) hint = "shared reference files are templates/_shared/references/<name>.yaml";
    diagnostics.error(pack.references_from_location,
                      "unknown shared reference file '" + pack.references_from + "'", hint);
    return;
  }
  nlohmann::json merged = shared->second;
  for (const auto& [format, snippets] : own_references_.at(pack.name).items()) {
    for (const auto& [kind, snippet] : snippets.items()) merged[format][kind] = snippet;
  }
  pack.references = std::move(merged);
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

  load_shared_references((fs::path(folder) / "_shared" / "references").generic_string(),
                         shared_references_, diagnostics);

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
    own_references_[name] = pack->references;
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
    if (!pack.references_from.empty()) merge_shared_references(pack, diagnostics);
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
