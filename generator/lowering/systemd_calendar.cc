#include "lowering/systemd_calendar.h"

#include <array>
#include <cctype>
#include <optional>

#include "lowering/eventbridge_cron.h"

namespace infragen {
namespace {

using eventbridge_cron::kDays;
using eventbridge_cron::kMonths;
using eventbridge_cron::kNoNames;
using eventbridge_cron::number_or_name;
using eventbridge_cron::split;

constexpr std::array<const char*, 7> kSystemdDays = {"Sun", "Mon", "Tue", "Wed",
                                                     "Thu", "Fri", "Sat"};

// One field of minutes, hours, days of the month, months or years in systemd's syntax:
// `a-b` is `a..b`, a step keeps its `/`, `*/s` starts at `first`.
template <size_t N>
std::optional<std::string> calendar_field(const std::string& field, int first,
                                          const std::array<const char*, N>& names) {
  if (field == "*" || field == "?") return "*";
  std::string out;
  for (const std::string& item : split(field, ',')) {
    std::string range = item;
    std::string step;
    if (const size_t slash = item.find('/'); slash != std::string::npos) {
      range = item.substr(0, slash);
      step = item.substr(slash + 1);
      if (!number_or_name(step, kNoNames)) return std::nullopt;
    }
    std::string converted;
    if (range == "*") {
      converted = std::to_string(first);
    } else if (const size_t dash = range.find('-'); dash != std::string::npos) {
      const auto from = number_or_name(range.substr(0, dash), names);
      const auto to = number_or_name(range.substr(dash + 1), names);
      if (!from || !to) return std::nullopt;
      converted = std::to_string(*from) + ".." + std::to_string(*to);
    } else {
      const auto value = number_or_name(range, names);
      if (!value) return std::nullopt;
      converted = std::to_string(*value);
    }
    if (!step.empty()) converted += "/" + step;
    out += (out.empty() ? "" : ",") + converted;
  }
  return out;
}

// Two digits for a lone number (06:00:00), else the field as it is.
std::string clock(const std::string& field) {
  return field.size() == 1 && std::isdigit(static_cast<unsigned char>(field[0])) ? "0" + field
                                                                                 : field;
}

struct Weekdays {
  std::string names;         // "Mon..Fri" style list, empty: any day
  std::string day_of_month;  // what `#n` or `L` asks of the date, empty: nothing
  bool ok = true;
};

// The day-of-week field: names (ranges written out, as they may wrap past Saturday), or one
// day's n-th (`6#3`: days 15 to 21 of the month) or last (`6L`: the month's last seven days)
// occurrence.
Weekdays weekdays(const std::string& field) {
  Weekdays out;
  if (field == "?" || field == "*") return out;
  const auto day_name = [](int day) { return std::string(kSystemdDays[(day - 1) % 7]); };
  if (const size_t hash = field.find('#'); hash != std::string::npos) {
    const auto day = number_or_name(field.substr(0, hash), kDays);
    const auto nth = number_or_name(field.substr(hash + 1), kNoNames);
    if (!day || !nth || *day < 1 || *day > 7 || *nth < 1 || *nth > 5) return {"", "", false};
    out.names = day_name(*day);
    out.day_of_month = std::to_string(7 * *nth - 6) + ".." + std::to_string(7 * *nth);
    return out;
  }
  if (field.size() > 1 && field.back() == 'L') {
    const auto day = number_or_name(field.substr(0, field.size() - 1), kDays);
    if (!day || *day < 1 || *day > 7) return {"", "", false};
    out.names = day_name(*day);
    out.day_of_month = "~07/1";
    return out;
  }
  for (const std::string& item : split(field, ',')) {
    const size_t dash = item.find('-');
    const auto from = number_or_name(item.substr(0, dash), kDays);
    const auto to = dash == std::string::npos ? from : number_or_name(item.substr(dash + 1), kDays);
    if (!from || !to || *from < 1 || *from > 7 || *to < 1 || *to > 7) return {"", "", false};
    for (int day = *from;; day = day % 7 + 1) {
      out.names += (out.names.empty() ? "" : ",") + day_name(day);
      if (day == *to) break;
    }
  }
  return out;
}

SystemdTimer from_rate(const std::string& body) {
  const auto parts = split(body, ' ');
  if (parts.size() != 2) return {{}, "this rate expression"};
  std::string unit = parts[1];
  if (unit.back() == 's') unit.pop_back();
  const std::string suffix = unit == "minute" ? "min" : unit == "hour" ? "h" : "d";
  const std::string span = parts[0] + suffix;
  // The first run one period after boot, as EventBridge runs one a period after creation.
  return {{{"OnBootSec", span}, {"OnUnitActiveSec", span}}, ""};
}

SystemdTimer from_cron(const std::string& body) {
  const auto fields = split(body, ' ');
  if (fields.size() != 6) return {{}, "a cron expression without six fields"};
  const std::string& day_of_month = fields[2];
  if (day_of_month.find('W') != std::string::npos) {
    return {{}, "the nearest-weekday wildcard W"};
  }
  const Weekdays days = weekdays(fields[4]);
  const auto minutes = calendar_field(fields[0], 0, kNoNames);
  const auto hours = calendar_field(fields[1], 0, kNoNames);
  const auto months = calendar_field(fields[3], 1, kMonths);
  const auto years = calendar_field(fields[5], 1970, kNoNames);
  std::optional<std::string> date_day;
  std::string separator = "-";
  if (!days.day_of_month.empty()) {
    if (days.day_of_month[0] == '~') {
      separator = "~";
      date_day = days.day_of_month.substr(1);
    } else {
      date_day = days.day_of_month;
    }
  } else if (day_of_month == "L") {
    separator = "~";
    date_day = "01";  // the last day of the month
  } else {
    date_day = calendar_field(day_of_month, 1, kNoNames);
  }
  if (!days.ok || !minutes || !hours || !months || !years || !date_day) {
    return {{}, "this cron expression"};
  }
  std::string calendar = days.names.empty() ? "" : days.names + " ";
  calendar += *years + "-" + *months + separator + *date_day + " " + clock(*hours) + ":" +
              clock(*minutes) + ":00 UTC";
  return {{{"OnCalendar", calendar}}, ""};
}

}  // namespace

SystemdTimer systemd_timer(const std::string& expression) {
  const size_t open = expression.find('(');
  if (open == std::string::npos || expression.back() != ')') return {{}, "this expression"};
  const std::string kind = expression.substr(0, open);
  const std::string body = expression.substr(open + 1, expression.size() - open - 2);
  if (kind == "rate") return from_rate(body);
  if (kind == "cron") return from_cron(body);
  return {{}, "this expression"};
}

}  // namespace infragen
