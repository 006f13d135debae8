#include "lowering/autoscaling_recurrence.h"

#include <array>
#include <optional>
#include <vector>

#include "lowering/eventbridge_cron.h"

namespace infragen {
// Named: the lowering library is a unity build, and other files' anonymous helpers (split,
// kDays...) would clash with these in one batch.
namespace {
namespace unix_cron {

using eventbridge_cron::all_digits;
using eventbridge_cron::kDays;
using eventbridge_cron::kMonths;
using eventbridge_cron::kNoNames;
using eventbridge_cron::number_or_name;
using eventbridge_cron::split;

// Minutes, hours, days of the month or months: numbers, ranges, lists and steps read the same
// in both syntaxes, but a step from one value (`0/15`) runs to the field's `last` value
// (`0-59/15`); month names become numbers (Unix cron takes no name in a range or list).
template <size_t N>
std::optional<std::string> plain_field(const std::string& field, int last,
                                       const std::array<const char*, N>& names) {
  if (field == "*" || field == "?") return "*";
  std::string out;
  for (const std::string& item : split(field, ',')) {
    std::string range = item;
    std::string step;
    if (const size_t slash = item.find('/'); slash != std::string::npos) {
      range = item.substr(0, slash);
      step = item.substr(slash);
      if (!all_digits(step.substr(1))) return std::nullopt;
    }
    std::string converted;
    if (range == "*") {
      converted = "*";
    } else if (const size_t dash = range.find('-'); dash != std::string::npos) {
      const auto from = number_or_name(range.substr(0, dash), names);
      const auto to = number_or_name(range.substr(dash + 1), names);
      if (!from || !to) return std::nullopt;
      converted = std::to_string(*from) + "-" + std::to_string(*to);
    } else {
      const auto value = number_or_name(range, names);
      if (!value) return std::nullopt;
      converted = std::to_string(*value);
      if (!step.empty()) converted += "-" + std::to_string(last);
    }
    out += (out.empty() ? "" : ",") + converted + step;
  }
  return out;
}

// Days of the week, renumbered from 0; a range that wraps past Saturday (FRI-MON) becomes two.
std::optional<std::string> weekday_field(const std::string& field) {
  if (field == "*" || field == "?") return "*";
  std::string out;
  auto add = [&out](const std::string& item) { out += (out.empty() ? "" : ",") + item; };
  for (const std::string& item : split(field, ',')) {
    const size_t dash = item.find('-');
    const auto from = number_or_name(item.substr(0, dash), kDays);
    const auto to = dash == std::string::npos ? from : number_or_name(item.substr(dash + 1), kDays);
    if (!from || !to || *from < 1 || *from > 7 || *to < 1 || *to > 7) return std::nullopt;
    const int first = *from - 1;
    const int last = *to - 1;
    if (first == last) {
      add(std::to_string(first));
    } else if (first < last) {
      add(std::to_string(first) + "-" + std::to_string(last));
    } else {
      add(std::to_string(first) + (first < 6 ? "-6" : ""));
      add(last > 0 ? "0-" + std::to_string(last) : "0");
    }
  }
  return out;
}

}  // namespace unix_cron
}  // namespace

AutoScalingRecurrence autoscaling_recurrence(const std::string& expression) {
  const size_t open = expression.find('(');
  if (open == std::string::npos || expression.empty() || expression.back() != ')') {
    return {"", "this expression"};
  }
  const std::string kind = expression.substr(0, open);
  const std::string body = expression.substr(open + 1, expression.size() - open - 2);
  if (kind == "rate") return {"", "a rate() expression (no fixed time of day)"};
  if (kind != "cron") return {"", "this expression"};
  const auto fields = unix_cron::split(body, ' ');
  if (fields.size() != 6) return {"", "a cron expression without six fields"};
  // Quartz's wildcards, in a part that is no day or month name (WED and JUL are fine).
  for (const auto& field : fields) {
    std::string part;
    for (size_t i = 0; i <= field.size(); ++i) {
      if (i < field.size() && std::string(",-/").find(field[i]) == std::string::npos) {
        part += field[i];
        continue;
      }
      if (!unix_cron::number_or_name(part, unix_cron::kDays) &&
          !unix_cron::number_or_name(part, unix_cron::kMonths)) {
        for (char wildcard : {'L', 'W', '#'}) {
          if (part.find(wildcard) != std::string::npos) {
            return {"", std::string("the wildcard ") + wildcard};
          }
        }
      }
      part.clear();
    }
  }
  if (fields[5] != "*") return {"", "a year other than *"};
  const auto minutes = unix_cron::plain_field(fields[0], 59, unix_cron::kNoNames);
  const auto hours = unix_cron::plain_field(fields[1], 23, unix_cron::kNoNames);
  const auto days = unix_cron::plain_field(fields[2], 31, unix_cron::kNoNames);
  const auto months = unix_cron::plain_field(fields[3], 12, unix_cron::kMonths);
  const auto weekdays = unix_cron::weekday_field(fields[4]);
  if (!minutes || !hours || !days || !months || !weekdays) return {"", "this cron expression"};
  return {*minutes + " " + *hours + " " + *days + " " + *months + " " + *weekdays, ""};
}

}  // namespace infragen
