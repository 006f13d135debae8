// Small file helpers for the writer: read whole files, replace a file atomically.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace infragen {

// The bytes of the regular file at `path`, or nothing when it cannot be read.
std::optional<std::string> read_file_bytes(const std::filesystem::path& path);

// Writes `content` to a temporary file next to `path` and renames it over `path`, so readers see
// either the old or the new file. Returns an error description, or empty on success.
std::string replace_file_atomically(const std::filesystem::path& path, const std::string& content);

}  // namespace infragen
