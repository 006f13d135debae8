// What every CLI command gets: the output streams and the options shared by all commands.
#pragma once

#include <iostream>
#include <string>
#include <vector>

#include "diagnostics/diagnostics.h"

namespace infragen {

struct CommandContext {
  std::ostream& out = std::cout;
  std::ostream& err = std::cerr;
  std::vector<std::string> template_dirs;  // --templates, shared by every command

  // Prints the diagnostics to `err` and returns the exit code they mean.
  int finish(const Diagnostics& diagnostics, int ok_code = 0) const;
};

}  // namespace infragen
