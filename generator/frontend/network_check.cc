#include "frontend/network_check.h"

#include "frontend/json_pointer.h"
#include "frontend/source_order.h"

namespace infragen {
namespace {

using json = nlohmann::json;

bool has_value(const json& map, const char* key) {
  return map.is_object() && map.contains(key) && !map[key].is_null();
}

void report(const Document& document, const std::string& network_pointer,
            Diagnostics& diagnostics) {
  diagnostics.error(document.locate_key(network_pointer + "/cidr"),
                    "'network' has both 'existing' and 'cidr'",
                    "an existing VPC keeps its own address range; remove 'cidr'");
}

}  // namespace

void check_existing_network(const Document& document, Diagnostics& diagnostics) {
  const json& root = document.root;
  const json empty = json::object();
  const json& base = root.contains("network") ? root["network"] : empty;
  const bool base_existing = has_value(base, "existing");
  if (base_existing && has_value(base, "cidr")) report(document, "/network", diagnostics);
  if (!root.contains("environments") || !root["environments"].is_object()) return;
  const json& environments = root["environments"];
  for (const auto& name : keys_in_source_order(document, "/environments", environments)) {
    const json& overlay = environments[name];
    if (!overlay.is_object() || !overlay.contains("network")) continue;
    const json& network = overlay["network"];
    if (!network.is_object()) continue;
    const bool existing =
        network.contains("existing") ? !network["existing"].is_null() : base_existing;
    if (existing && has_value(network, "cidr")) {
      report(document, child_pointer("/environments", name) + "/network", diagnostics);
    }
  }
}

}  // namespace infragen
