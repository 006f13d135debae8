#include "output/output_set.h"

#include "output/relative_path.h"

namespace infragen {

void OutputSet::add(const std::string& path, std::string content, Diagnostics& diagnostics) {
  if (auto problem = relative_path_problem(path)) {
    diagnostics.add(
        {Severity::error, {}, "invalid output path '" + path + "': " + *problem, {}, "infragen"});
    return;
  }
  if (path == kOwnershipFile) {
    diagnostics.add({Severity::error,
                     {},
                     "invalid output path '" + path + "': reserved for the ownership file",
                     {},
                     "infragen"});
    return;
  }
  if (files_.count(path) != 0) {
    diagnostics.add({Severity::error,
                     {},
                     "two generated files have the same path '" + path + "'",
                     {},
                     "infragen"});
    return;
  }
  files_.emplace(path, std::move(content));
}

bool OutputSet::in_scope(const std::string& path) const {
  if (scopes_.empty()) return true;
  for (const auto& scope : scopes_) {
    if (path.size() > scope.size() && path.compare(0, scope.size(), scope) == 0 &&
        path[scope.size()] == '/') {
      return true;
    }
  }
  return false;
}

}  // namespace infragen
