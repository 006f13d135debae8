// The generated files of a run, held in memory and sorted, before anything touches the disk.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "diagnostics/diagnostics.h"

namespace infragen {

class OutputSet {
 public:
  // Adds a file; `path` is relative, '/'-separated, and must stay inside the output folder
  // (no "..", no absolute path). Reports an error and ignores the file otherwise.
  void add(const std::string& path, std::string content, Diagnostics& diagnostics);
  const std::map<std::string, std::string>& files() const { return files_; }
  bool empty() const { return files_.empty(); }

  // Limits the run to sub-folders ("ecs-fargate/terraform"): a previously generated file
  // outside every scope belongs to a part this run did not generate, so it is neither stale
  // nor disowned. Without scopes the run covers the whole output folder.
  void add_scope(const std::string& folder) { scopes_.push_back(folder); }
  bool in_scope(const std::string& path) const;

 private:
  std::map<std::string, std::string> files_;
  std::vector<std::string> scopes_;
};

// Name of the ownership file infragen keeps in every output folder.
inline constexpr const char* kOwnershipFile = ".infragen-files.json";

// Writes `output` into `folder` atomically: files are written to temporary siblings and
// renamed into place. Files listed in the folder's ownership file, inside the output's scopes
// and no longer generated are removed; a file infragen did not write is never overwritten (an
// error) nor deleted.
bool write_output(const std::string& folder, const OutputSet& output, Diagnostics& diagnostics);

// Compares `output` with `folder`. Returns true when it is current; otherwise appends a
// unified diff (and "only in" lines) to `report`.
bool check_output(const std::string& folder, const OutputSet& output, std::string& report);

}  // namespace infragen
