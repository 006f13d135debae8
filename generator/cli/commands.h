// The command table of the infragen CLI (validate, generate, check, targets, context, schema).
#pragma once

namespace infragen {

// Exit codes shared by every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;  // bad manifest, stale folder, ...
inline constexpr int kExitUsage = 2;     // bad command line or internal error

int run_cli(int argc, char** argv);

}  // namespace infragen
