// "Did you mean" suggestions: the known name closest to a misspelt one.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace infragen {

// Edit distance (optimal string alignment, case-sensitive) between two strings.
int edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `name` when it is close enough to be a likely typo
// (edit distance 1 for names of up to 3 characters, else at most max(2, length / 3));
// a difference in case only always counts as close.
std::optional<std::string> closest_name(std::string_view name,
                                        const std::vector<std::string>& candidates);

// "did you mean 'x'?" or empty.
std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace infragen
