// Helpers for render tests: write template folders on disk and print diagnostics.
#pragma once

#include <map>
#include <sstream>
#include <string>

#include "../output/temp_folder.h"
#include "../printed_diagnostics.h"
#include "diagnostics/diagnostics.h"
#include "render/pack.h"

namespace infragen::testing {

// Writes every relative path -> text of `files` below `folder`.
inline void write_files(const TempFolder& folder, const std::map<std::string, std::string>& files) {
  for (const auto& [path, text] : files) folder.write(path, text);
}

}  // namespace infragen::testing
