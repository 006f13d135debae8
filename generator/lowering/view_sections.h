// The sections of the view model: what a pack may ask for, what each needs, which keys it owns.
#pragma once

#include <string>
#include <vector>

namespace infragen {

// One section of the view model. Its checks, its part of the view and its contract
// (schemas/view/<name>.v1.schema.json) belong together: a section no pack asked for is neither
// checked nor built, and `infragen context` prints it only when built.
struct ViewSection {
  std::string name;
  std::string purpose;
  // Sections built whenever this one is (the parts of the view it reads).
  std::vector<std::string> needs;
  // The top-level keys of the view it owns.
  std::vector<std::string> keys;
  // The keys it owns in each `environments[]` entry.
  std::vector<std::string> environment_keys;
};

// Every section, `common` (always built) first, then in the order lowering builds them.
const std::vector<ViewSection>& view_sections();

// The section called `name`, or nullptr.
const ViewSection* find_view_section(const std::string& name);

// `asked` with `common` and every section a section needs, in view_sections() order.
std::vector<std::string> with_needed_sections(const std::vector<std::string>& asked);

}  // namespace infragen
