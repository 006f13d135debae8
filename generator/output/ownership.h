// The ownership file (.infragen-files.json): which files of an output folder infragen wrote.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace infragen {

// Relative path -> SHA-256 hex of the content infragen wrote there.
using OwnedFiles = std::map<std::string, std::string>;

// The ownership file's text: {"generator": "infragen", "files": {PATH: SHA256, ...}} with sorted
// paths, 2-space indent and a final newline; no timestamps, so equal input gives equal bytes.
std::string ownership_text(const OwnedFiles& files);

// Parses an ownership file. Every path must be a valid relative path and every hash 64 hex
// digits, since paths read from disk decide what gets deleted. Sets `error` on failure.
std::optional<OwnedFiles> parse_ownership(const std::string& text, std::string& error);

// The folder's ownership file: empty when there is none, nothing (and `error`) when it is
// unreadable or invalid.
std::optional<OwnedFiles> read_ownership(const std::filesystem::path& folder, std::string& error);

}  // namespace infragen
