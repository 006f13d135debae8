#include "lowering/kubernetes_cron.h"

#include <array>
#include <optional>
#include <vector>

#include "lowering/eventbridge_cron.h"

namespace infragen {
namespace {

using eventbridge_cron::kDays;
using eventbridge_cron::kMonths;
using eventbridge_cron::kNoNames;
using eventbridge_cron::number_or_name;
using eventbridge_cron::split;

constexpr const char* kDayHint = "write the days of the month or of the week the job runs on";

// One field of numbers, names, ranges, lists and steps with EventBridge's bounds [low, high];
// `shift` is what Kubernetes numbers a value as, less EventBridge's (-1 for days of the week,
// which EventBridge counts from Sunday = 1 and Kubernetes from Sunday = 0). EventBridge's `a/s`
// (from a to the end, every s) is written `a-high/s`, which every cron reads alike. Months and
// days are written as numbers. A range of days that wraps past Saturday (FRI-MON) is written as
// its list of days, as Kubernetes takes no descending range.
template <size_t N>
std::optional<std::string> cron_field(const std::string& field, int low, int high, int shift,
                                      const std::array<const char*, N>& names) {
  if (field == "*" || field == "?") return "*";
  const auto value_of = [&](const std::string& text) -> std::optional<int> {
    const auto value = number_or_name(text, names);
    if (!value || *value < low || *value > high) return std::nullopt;
    return value;
  };
  std::string out;
  for (const std::string& item : split(field, ',')) {
    std::string range = item;
    std::string step;
    if (const size_t slash = item.find('/'); slash != std::string::npos) {
      range = item.substr(0, slash);
      step = item.substr(slash + 1);
      const auto every = number_or_name(step, kNoNames);
      if (!every || *every < 1) return std::nullopt;
      step = std::to_string(*every);
    }
    std::string converted;
    if (range == "*") {
      converted = "*";
    } else if (const size_t dash = range.find('-'); dash != std::string::npos) {
      const auto from = value_of(range.substr(0, dash));
      const auto to = value_of(range.substr(dash + 1));
      if (!from || !to) return std::nullopt;
      if (*from <= *to) {
        converted = std::to_string(*from + shift) + "-" + std::to_string(*to + shift);
      } else {
        if (!step.empty()) return std::nullopt;  // a wrapping range with a step: no cron has it
        for (int value = *from;; value = value == high ? low : value + 1) {
          converted += (converted.empty() ? "" : ",") + std::to_string(value + shift);
          if (value == *to) break;
        }
      }
    } else {
      const auto value = value_of(range);
      if (!value) return std::nullopt;
      converted = std::to_string(*value + shift);
      if (!step.empty()) converted += "-" + std::to_string(high + shift);
    }
    if (!step.empty()) converted += "/" + step;
    out += (out.empty() ? "" : ",") + converted;
  }
  return out;
}

KubernetesCron unsupported(std::string what, std::string hint = kDayHint) {
  return {"", std::move(what), std::move(hint)};
}

KubernetesCron from_cron(const std::string& body) {
  const auto fields = split(body, ' ');
  if (fields.size() != 6) return unsupported("a cron expression without six fields", "");
  const std::string& day_of_month = fields[2];
  const std::string& day_of_week = fields[4];
  if (day_of_month.find('W') != std::string::npos) {
    return unsupported("the nearest-weekday wildcard W");
  }
  if (day_of_month.find('L') != std::string::npos || day_of_week.find('L') != std::string::npos) {
    return unsupported("the last-day wildcard L");
  }
  if (day_of_week.find('#') != std::string::npos) {
    return unsupported("the n-th weekday of the month (#)");
  }
  if (fields[5] != "*") {
    return unsupported("a year (" + fields[5] + ")",
                       "write * for the year: a CronJob runs every year");
  }
  const auto minutes = cron_field(fields[0], 0, 59, 0, kNoNames);
  const auto hours = cron_field(fields[1], 0, 23, 0, kNoNames);
  const auto days = cron_field(day_of_month, 1, 31, 0, kNoNames);
  const auto months = cron_field(fields[3], 1, 12, 0, kMonths);
  const auto weekdays = cron_field(day_of_week, 1, 7, -1, kDays);
  if (!minutes || !hours || !days || !months || !weekdays) {
    return unsupported("this cron expression", "");
  }
  return {*minutes + " " + *hours + " " + *days + " " + *months + " " + *weekdays, "", ""};
}

// A rate is exact where its period divides an hour (minutes), a day (hours), or is one day or
// one week: cron fires on the clock, so the period must repeat evenly within the next unit up.
// The first run is at the next such time, not one period after creation as EventBridge's.
KubernetesCron from_rate(const std::string& body) {
  const auto parts = split(body, ' ');
  if (parts.size() != 2 || !eventbridge_cron::all_digits(parts[0])) {
    return unsupported("this rate expression", "");
  }
  std::string unit = parts[1];
  if (!unit.empty() && unit.back() == 's') unit.pop_back();
  const int count = std::stoi(parts[0]);
  const int per_unit = unit == "minute" ? 1 : unit == "hour" ? 60 : unit == "day" ? 1440 : 0;
  const int minutes = count * per_unit;
  if (minutes >= 1 && minutes < 60 && 60 % minutes == 0) {
    return {minutes == 1 ? "* * * * *" : "*/" + std::to_string(minutes) + " * * * *", "", ""};
  }
  if (minutes >= 60 && minutes < 1440 && minutes % 60 == 0 && 1440 % minutes == 0) {
    const int hours = minutes / 60;
    return {hours == 1 ? "0 * * * *" : "0 */" + std::to_string(hours) + " * * *", "", ""};
  }
  if (minutes == 1440) return {"0 0 * * *", "", ""};
  if (minutes == 7 * 1440) return {"0 0 * * 0", "", ""};
  return unsupported("a period of " + body + ", which does not divide an hour or a day evenly",
                     "use a period that does (rate(5 minutes), rate(2 hours), rate(1 day), "
                     "rate(7 days)) or a cron() expression");
}

}  // namespace

KubernetesCron kubernetes_cron(const std::string& expression) {
  const size_t open = expression.find('(');
  if (open == std::string::npos || expression.back() != ')') {
    return unsupported("this expression", "");
  }
  const std::string kind = expression.substr(0, open);
  const std::string body = expression.substr(open + 1, expression.size() - open - 2);
  if (kind == "rate") return from_rate(body);
  if (kind == "cron") return from_cron(body);
  return unsupported("this expression", "");
}

}  // namespace infragen
