// Resource-level differences of one part in one environment, with danger marks.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "review/replacement_table.h"
#include "review/resource.h"

namespace infragen::review {

enum class ChangeKind { removed, changed, added };
enum class Danger { none, replace, destroy };

struct AttributeChange {
  std::string path;
  std::optional<std::string> old_value;  // nothing: the attribute is new
  std::optional<std::string> new_value;  // nothing: the attribute is gone
  bool operator==(const AttributeChange&) const = default;
};

struct ResourceChange {
  ChangeKind kind = ChangeKind::changed;
  std::string address;
  std::string type;
  // Set when a removed and an added resource of the same type are most likely one resource
  // under a new address (a renamed service or database): reported as one change.
  std::string renamed_from;
  std::vector<AttributeChange> attributes;
  Danger danger = Danger::none;
  std::vector<std::string> reasons;  // why it is dangerous, most important first
  bool conditional = false;          // existence depends on values the review cannot know
  bool operator==(const ResourceChange&) const = default;
};

// Added, removed and changed resources from `before` to `after`, dangerous ones first (destroy,
// replace), then by kind and address. A removed and an added resource of one type whose
// attributes are at least half equal are paired as a rename.
std::vector<ResourceChange> diff_resources(const ResourceMap& before, const ResourceMap& after,
                                           const ReplacementTable& table);

// Sets `change.danger` and its reasons from the table: an attribute that forces replacement,
// a new address, the removal of a resource that holds data.
void classify(ResourceChange& change, const Resource* before, const ReplacementTable& table);

}  // namespace infragen::review
