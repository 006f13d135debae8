#include "review/resource_diff.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace infragen::review {
namespace {

std::vector<AttributeChange> attribute_changes(const Resource& before, const Resource& after) {
  std::vector<AttributeChange> changes;
  std::set<std::string> paths;
  for (const auto& [path, value] : before.attributes) paths.insert(path);
  for (const auto& [path, value] : after.attributes) paths.insert(path);
  for (const auto& path : paths) {
    auto old_it = before.attributes.find(path);
    auto new_it = after.attributes.find(path);
    std::optional<std::string> old_value;
    std::optional<std::string> new_value;
    if (old_it != before.attributes.end()) old_value = old_it->second;
    if (new_it != after.attributes.end()) new_value = new_it->second;
    if (old_value != new_value) changes.push_back({path, old_value, new_value});
  }
  return changes;
}

// Share of attribute values two resources have in common.
double similarity(const Resource& a, const Resource& b) {
  std::size_t equal = 0;
  for (const auto& [path, value] : a.attributes) {
    auto it = b.attributes.find(path);
    if (it != b.attributes.end() && it->second == value) ++equal;
  }
  std::size_t larger = std::max(a.attributes.size(), b.attributes.size());
  return larger == 0 ? 1.0 : static_cast<double>(equal) / static_cast<double>(larger);
}

int danger_rank(Danger danger) {
  return danger == Danger::destroy ? 0 : danger == Danger::replace ? 1 : 2;
}

}  // namespace

std::vector<ResourceChange> diff_resources(const ResourceMap& before, const ResourceMap& after,
                                           const ReplacementTable& table) {
  std::vector<ResourceChange> changes;
  std::vector<const Resource*> removed;
  std::vector<const Resource*> added;
  for (const auto& [address, resource] : before) {
    auto it = after.find(address);
    if (it == after.end()) {
      removed.push_back(&resource);
      continue;
    }
    auto attributes = attribute_changes(resource, it->second);
    bool type_changed = resource.type != it->second.type;
    if (attributes.empty() && !type_changed && resource.conditional == it->second.conditional) {
      continue;
    }
    ResourceChange change;
    change.address = address;
    change.type = it->second.type;
    change.attributes = std::move(attributes);
    change.conditional = resource.conditional || it->second.conditional;
    classify(change, &resource, table);
    if (type_changed) {
      change.danger = Danger::replace;
      change.reasons.insert(change.reasons.begin(),
                            "type changes from " + resource.type + ": a new resource replaces it");
    }
    changes.push_back(std::move(change));
  }
  for (const auto& [address, resource] : after) {
    if (!before.count(address)) added.push_back(&resource);
  }

  // Pair renames: best matches first, each resource in at most one pair.
  std::vector<std::tuple<double, std::size_t, std::size_t>> candidates;
  for (std::size_t r = 0; r < removed.size(); ++r) {
    for (std::size_t a = 0; a < added.size(); ++a) {
      if (removed[r]->type != added[a]->type) continue;
      double score = similarity(*removed[r], *added[a]);
      if (score >= 0.5) candidates.emplace_back(score, r, a);
    }
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const auto& x, const auto& y) { return std::get<0>(x) > std::get<0>(y); });
  std::vector<bool> removed_paired(removed.size());
  std::vector<bool> added_paired(added.size());
  for (const auto& [score, r, a] : candidates) {
    if (removed_paired[r] || added_paired[a]) continue;
    removed_paired[r] = added_paired[a] = true;
    ResourceChange change;
    change.address = added[a]->address;
    change.type = added[a]->type;
    change.renamed_from = removed[r]->address;
    change.attributes = attribute_changes(*removed[r], *added[a]);
    change.conditional = removed[r]->conditional || added[a]->conditional;
    classify(change, removed[r], table);
    changes.push_back(std::move(change));
  }
  for (std::size_t r = 0; r < removed.size(); ++r) {
    if (removed_paired[r]) continue;
    ResourceChange change;
    change.kind = ChangeKind::removed;
    change.address = removed[r]->address;
    change.type = removed[r]->type;
    change.conditional = removed[r]->conditional;
    classify(change, removed[r], table);
    changes.push_back(std::move(change));
  }
  for (std::size_t a = 0; a < added.size(); ++a) {
    if (added_paired[a]) continue;
    ResourceChange change;
    change.kind = ChangeKind::added;
    change.address = added[a]->address;
    change.type = added[a]->type;
    change.conditional = added[a]->conditional;
    for (const auto& [path, value] : added[a]->attributes) {
      change.attributes.push_back({path, std::nullopt, value});
    }
    changes.push_back(std::move(change));
  }
  std::sort(changes.begin(), changes.end(), [](const ResourceChange& x, const ResourceChange& y) {
    return std::tuple(danger_rank(x.danger), static_cast<int>(x.kind), x.address) <
           std::tuple(danger_rank(y.danger), static_cast<int>(y.kind), y.address);
  });
  return changes;
}

}  // namespace infragen::review
