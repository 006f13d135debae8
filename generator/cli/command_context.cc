#include "cli/command_context.h"

#include "cli/commands.h"

namespace infragen {

int CommandContext::finish(const Diagnostics& diagnostics, int ok_code) const {
  diagnostics.print(err);
  if (diagnostics.has_usage_errors()) return kExitUsage;
  return diagnostics.has_errors() ? kExitFindings : ok_code;
}

}  // namespace infragen
