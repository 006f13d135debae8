// Guards against writing outside the output folder through symbolic links already on disk.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace infragen {

// Why a file at `relative` (a valid relative path) under `folder` could not be written safely:
// an existing parent is a symbolic link resolving outside `folder`, or is not a directory.
// Nothing when the file can be written. The file itself may be a link: it is replaced, never
// followed.
std::optional<std::string> containment_problem(const std::filesystem::path& folder,
                                               const std::string& relative);

}  // namespace infragen
