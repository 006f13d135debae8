#include "output/folder_containment.h"

#include <algorithm>

namespace infragen {
namespace fs = std::filesystem;

namespace {

bool lies_within(const fs::path& path, const fs::path& root) {
  auto [root_end, path_it] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  (void)path_it;
  return root_end == root.end();
}

}  // namespace

std::optional<std::string> containment_problem(const fs::path& folder,
                                               const std::string& relative) {
  std::error_code error;
  if (!fs::exists(folder, error)) return std::nullopt;  // nothing below it exists yet
  fs::path parents = fs::path(relative).parent_path();
  fs::path current = folder;
  for (const fs::path& segment : parents) {
    current /= segment;
    fs::file_status status = fs::symlink_status(current, error);
    if (!fs::exists(status)) return std::nullopt;  // the rest will be created as directories
    if (fs::is_symlink(status)) {
      // Resolved only here: this runs for every file written, and links are rare.
      fs::path root = fs::canonical(folder, error);
      if (error) return "cannot resolve the output folder: " + error.message();
      fs::path target = fs::canonical(current, error);
      if (error) return current.generic_string() + " is a symbolic link that does not resolve";
      if (!lies_within(target, root)) {
        return current.generic_string() + " is a symbolic link leading outside the output folder";
      }
      if (!fs::is_directory(target)) return current.generic_string() + " is not a directory";
    } else if (!fs::is_directory(status)) {
      return current.generic_string() + " is not a directory";
    }
  }
  return std::nullopt;
}

}  // namespace infragen
