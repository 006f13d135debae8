// Helpers shared by the output stage's tests: an output set from literal files, printed
// diagnostics.
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <sstream>
#include <string>
#include <utility>

#include "../printed_diagnostics.h"
#include "diagnostics/diagnostics.h"
#include "output/output_set.h"

namespace infragen::testing {

// An output set holding `files` (path, content), each accepted without a diagnostic.
inline OutputSet make_output(std::initializer_list<std::pair<std::string, std::string>> files) {
  Diagnostics diagnostics;
  OutputSet output;
  for (const auto& [path, content] : files) output.add(path, content, diagnostics);
  EXPECT_FALSE(diagnostics.has_errors());
  return output;
}

}  // namespace infragen::testing
