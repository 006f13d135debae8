// Test helper: loads manifest text and captures the printed diagnostics.
#pragma once

#include <optional>
#include <sstream>
#include <string>

#include "frontend/manifest.h"

namespace infragen::testing {

struct LoadResult {
  std::optional<CheckedManifest> manifest;
  std::string printed;  // Diagnostics::print output, "" when there was nothing to say
};

inline LoadResult load_text(const std::string& text) {
  Diagnostics diagnostics;
  LoadResult result;
  result.manifest = load_manifest_text("app.yaml", text, diagnostics);
  std::ostringstream out;
  diagnostics.print(out);
  result.printed = out.str();
  return result;
}

// The first lines of every valid manifest in these tests.
inline const std::string kHeader = "apiVersion: infragen/v1\nname: shop\nregion: eu-west-1\n";

}  // namespace infragen::testing
