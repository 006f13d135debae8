// check_output: compares the generated files with an output folder and explains the difference.
#include "output/file_io.h"
#include "output/output_set.h"
#include "output/ownership.h"
#include "output/unified_diff.h"

namespace infragen {
namespace fs = std::filesystem;

bool check_output(const std::string& folder, const OutputSet& output, std::string& report) {
  const fs::path root(folder);
  bool current = true;
  for (const auto& [path, content] : output.files()) {
    std::optional<std::string> on_disk = read_file_bytes(root / path);
    if (!on_disk) {
      current = false;
      report += "new file: " + path + "\n";
      report += unified_diff("", content, "/dev/null", "b/" + path);
    } else if (*on_disk != content) {
      current = false;
      report += unified_diff(*on_disk, content, "a/" + path, "b/" + path);
    }
  }
  std::string ownership_error;
  std::optional<OwnedFiles> owned = read_ownership(root, ownership_error);
  if (!owned) {
    // `generate` would refuse to write here, so the folder cannot be current.
    current = false;
    report +=
        "invalid ownership file: " + std::string(kOwnershipFile) + ": " + ownership_error + "\n";
  } else {
    for (const auto& [path, hash] : *owned) {
      if (output.files().count(path) != 0 || !output.in_scope(path)) continue;
      std::error_code error;
      if (!fs::exists(fs::symlink_status(root / path, error))) continue;
      current = false;
      report += "stale file: " + path + "\n";
    }
  }
  return current;
}

}  // namespace infragen
