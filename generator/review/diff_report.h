// What changes between two generated output sets: resources per part and environment, and files.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "review/replacement_table.h"
#include "review/resource.h"
#include "review/resource_diff.h"

namespace infragen::review {

struct EnvironmentChanges {
  std::string environment;
  std::vector<ResourceChange> changes;
};

struct PartDiff {
  std::string folder;
  std::string target;
  std::string format;
  std::vector<EnvironmentChanges> environments;  // sorted by name; only those with changes
  std::vector<std::string> notes;                // environments added/removed, unreadable files
};

struct FileChange {
  enum class Kind { added, removed, modified };
  Kind kind = Kind::modified;
  std::string path;
  int added_lines = 0;
  int removed_lines = 0;
  std::string unified;  // `diff -u` text
};

// Counted once per resource (part + address), however many environments it changes in.
struct DiffSummary {
  int added = 0;
  int changed = 0;
  int removed = 0;
  int replacements = 0;
  int destroys = 0;
};

struct DiffReport {
  std::vector<PartDiff> parts;  // sorted by folder; only those with changes or notes
  std::vector<FileChange> files;
  std::string table_source;  // where the replacement facts come from
  bool has_changes() const;
  DiffSummary summary() const;
};

// Compares two generated file sets. `environment`, when set, limits the resource report to it.
DiffReport build_diff_report(const FileMap& before, const FileMap& after,
                             const std::optional<std::string>& environment,
                             const ReplacementTable& table);

// Environments of a part whose change lists are identical, grouped so that a change made in
// dev and prod alike is printed once ("dev, prod").
std::vector<std::pair<std::vector<std::string>, const EnvironmentChanges*>> grouped_environments(
    const PartDiff& part);

}  // namespace infragen::review
