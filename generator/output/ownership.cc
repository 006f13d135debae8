#include "output/ownership.h"

#include <nlohmann/json.hpp>

#include "output/file_io.h"
#include "output/output_set.h"
#include "output/relative_path.h"

namespace infragen {

std::string ownership_text(const OwnedFiles& files) {
  // ordered_json keeps "generator" first for readers; the file map itself is sorted.
  nlohmann::ordered_json document;
  document["generator"] = "infragen";
  document["files"] = nlohmann::ordered_json::object();
  for (const auto& [path, hash] : files) document["files"][path] = hash;
  return document.dump(2) + "\n";
}

namespace {

bool is_sha256_hex(const std::string& text) {
  if (text.size() != 64) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

std::optional<OwnedFiles> parse_ownership(const std::string& text, std::string& error) {
  nlohmann::json document = nlohmann::json::parse(text, nullptr, false);
  if (document.is_discarded() || !document.is_object()) {
    error = "not a JSON object";
    return std::nullopt;
  }
  if (document.value("generator", "") != "infragen") {
    error = "\"generator\" is not \"infragen\"";
    return std::nullopt;
  }
  auto files = document.find("files");
  if (files == document.end() || !files->is_object()) {
    error = "\"files\" is not an object";
    return std::nullopt;
  }
  OwnedFiles owned;
  for (const auto& [path, hash] : files->items()) {
    if (auto problem = relative_path_problem(path); problem || path == kOwnershipFile) {
      error = "invalid path '" + path + "'";
      return std::nullopt;
    }
    if (!hash.is_string() || !is_sha256_hex(hash.get<std::string>())) {
      error = "invalid hash for '" + path + "'";
      return std::nullopt;
    }
    owned[path] = hash.get<std::string>();
  }
  return owned;
}

std::optional<OwnedFiles> read_ownership(const std::filesystem::path& folder, std::string& error) {
  std::filesystem::path file = folder / kOwnershipFile;
  std::error_code status_error;
  if (!std::filesystem::exists(std::filesystem::symlink_status(file, status_error))) {
    return OwnedFiles{};
  }
  std::optional<std::string> text = read_file_bytes(file);
  if (!text) {
    error = "cannot read the file";
    return std::nullopt;
  }
  return parse_ownership(*text, error);
}

}  // namespace infragen
