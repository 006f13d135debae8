// The words of EventBridge cron expressions that the converters to other schedules share.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace infragen::eventbridge_cron {

inline constexpr std::array<const char*, 12> kMonths = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                                        "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
// EventBridge numbers the days of the week from Sunday (1) to Saturday (7).
inline constexpr std::array<const char*, 7> kDays = {"SUN", "MON", "TUE", "WED",
                                                     "THU", "FRI", "SAT"};
inline constexpr std::array<const char*, 0> kNoNames = {};

// `text` cut at every `separator` (fields at ' ', list items at ',').
std::vector<std::string> split(const std::string& text, char separator);

// One to four decimal digits: a number EventBridge takes in any field.
bool all_digits(const std::string& text);

// A number, or a name of `names` (case-insensitive, 1-based) as EventBridge reads it.
std::optional<int> number_or_name(const std::string& text, std::span<const char* const> names);

}  // namespace infragen::eventbridge_cron
