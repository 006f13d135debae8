#include "frontend/scaling_check.h"

#include "frontend/json_pointer.h"

namespace infragen {

void check_scaling(const SemanticInput& input) {
  for (const auto& name : entry_names(input, "services")) {
    const nlohmann::json& service = input.effective.at("services").at(name);
    auto autoscale = service.find("autoscale");
    if (autoscale == service.end() || !autoscale->is_object()) continue;
    const std::string pointer = "/services/" + escape_pointer_token(name);
    const long min = autoscale->value("min", 1L);
    const long max = autoscale->value("max", min);
    if (min > max) {
      bool explicit_min = input.written.value_locations.count(pointer + "/autoscale/min") > 0;
      input.diagnostics.error(
          input.written.locate(pointer + (explicit_min ? "/autoscale/min" : "/autoscale/max")),
          "'autoscale' of service '" + name + "' has 'min' " + std::to_string(min) +
              " above 'max' " + std::to_string(max));
      continue;
    }
    // Only a count the user wrote is checked: the schema default is no statement of intent.
    const std::string replicas_pointer = pointer + "/replicas";
    if (input.written.value_locations.count(replicas_pointer) == 0) continue;
    const long replicas = service.value("replicas", min);
    if (replicas < min || replicas > max) {
      input.diagnostics.error(input.written.locate(replicas_pointer),
                              "'replicas' of service '" + name + "' is " +
                                  std::to_string(replicas) + ", outside its autoscale range " +
                                  std::to_string(min) + "-" + std::to_string(max),
                              "with autoscale, 'replicas' is the starting count");
    }
  }
}

}  // namespace infragen
