#include "frontend/duration_check.h"

#include "frontend/json_pointer.h"

namespace infragen {
namespace {

using json = nlohmann::json;

void check_health(const SemanticInput& input) {
  for (const auto& name : entry_names(input, "services")) {
    const json& service = input.effective.at("services").at(name);
    auto health = service.find("health");
    if (health == service.end() || !health->is_object()) continue;
    const long timeout = health->value("timeout", 0L);
    const long interval = health->value("interval", 0L);
    if (timeout < interval) continue;
    const std::string pointer = "/services/" + escape_pointer_token(name) + "/health";
    // Blame the value the user wrote: the timeout, or else the interval it was set against.
    const bool timeout_written = input.written.value_locations.count(pointer + "/timeout") > 0;
    input.diagnostics.error(
        input.written.locate(pointer + (timeout_written ? "/timeout" : "/interval")),
        "the health check of service '" + name + "' has 'timeout' " + std::to_string(timeout) +
            " not below its 'interval' " + std::to_string(interval),
        "a check must time out before the next one starts");
  }
}

// Minutes since midnight of "hh:mm" (the schema pattern guarantees the form).
int minutes_of(const std::string& clock) {
  return std::stoi(clock.substr(0, 2)) * 60 + std::stoi(clock.substr(3, 2));
}

void check_backup_windows(const SemanticInput& input) {
  for (const auto& name : entry_names(input, "databases")) {
    const json& database = input.effective.at("databases").at(name);
    if (!database.contains("backup") || !database["backup"].contains("window")) continue;
    const std::string window = database["backup"]["window"].get<std::string>();
    if (window.size() != 11) continue;
    // A window may pass midnight ("23:45-00:30").
    const int length = (minutes_of(window.substr(6)) - minutes_of(window) + 24 * 60) % (24 * 60);
    if (length >= 30) continue;
    input.diagnostics.error(
        input.written.locate("/databases/" + escape_pointer_token(name) + "/backup/window"),
        "the backup window of database '" + name + "' lasts " + std::to_string(length) +
            " minutes; it needs at least 30",
        "for example '03:00-04:00' (UTC)");
  }
}

}  // namespace

void check_durations(const SemanticInput& input) {
  check_health(input);
  check_backup_windows(input);
}

}  // namespace infragen
