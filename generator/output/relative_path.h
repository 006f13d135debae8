// Checks that a generated file's path stays inside the output folder.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace infragen {

// Why `path` cannot name a file inside an output folder, or nothing when it can. A valid path is
// non-empty, relative, '/'-separated, and has no empty, "." or ".." segment.
std::optional<std::string> relative_path_problem(std::string_view path);

}  // namespace infragen
