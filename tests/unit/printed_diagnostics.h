// The text a run's diagnostics print, for tests that check exact messages.
#pragma once

#include <sstream>
#include <string>

#include "diagnostics/diagnostics.h"

namespace infragen::testing {

inline std::string printed(const Diagnostics& diagnostics) {
  std::ostringstream out;
  diagnostics.print(out);
  return out.str();
}

}  // namespace infragen::testing
