// Prints a DiffReport for people (text), pull-request comments (markdown) and machines (JSON).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "review/diff_report.h"

namespace infragen::review {

// `+3 ~2 -0, 1 replacement` (and `, 1 destroy` when something holding data goes away).
std::string summary_line(const DiffSummary& summary);

// Resources by part and environment, danger marks first, then the files: a diffstat, or every
// unified diff when `full_file_diffs`.
std::string diff_text(const DiffReport& report, bool full_file_diffs);

// A pull-request comment: summary line, dangers, a table per part, file diffs in <details>.
// Kept under GitHub's comment limit: diffs beyond `max_chars` are named, not shown.
std::string diff_markdown(const DiffReport& report, std::size_t max_chars = 60000);

nlohmann::json diff_json(const DiffReport& report);

}  // namespace infragen::review
