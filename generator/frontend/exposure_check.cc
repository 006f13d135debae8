#include "frontend/exposure_check.h"

#include <map>
#include <tuple>

#include "frontend/json_pointer.h"

namespace infragen {
namespace {

using json = nlohmann::json;

std::string service_pointer(const std::string& name) {
  return "/services/" + escape_pointer_token(name);
}

// The part of the load balancer a route takes: a host ("" = every host) and a path prefix,
// compared without a trailing '/' since "/api" and "/api/" route the same requests.
struct RouteKey {
  std::string host;
  std::string path;
  bool operator<(const RouteKey& other) const {
    return std::tie(host, path) < std::tie(other.host, other.path);
  }
};

RouteKey route_key(const json& route) {
  RouteKey key;
  key.host = route.value("host", std::string());
  key.path = route.value("path", std::string("/"));
  while (key.path.size() > 1 && key.path.back() == '/') key.path.pop_back();
  return key;
}

std::string route_words(const RouteKey& key) {
  std::string where = key.host.empty() ? "every host" : "host '" + key.host + "'";
  return "path '" + key.path + "' on " + where;
}

}  // namespace

void check_exposure(const SemanticInput& input) {
  Diagnostics& diagnostics = input.diagnostics;
  const Document& written = input.written;
  std::string first_without_route;
  std::map<RouteKey, std::string> route_owner;
  bool any_public = false;
  for (const auto& name : entry_names(input, "services")) {
    const json& service = input.effective.at("services").at(name);
    const std::string pointer = service_pointer(name);
    const std::string expose = service.value("expose", std::string("private"));
    const bool is_public = expose == "public";
    any_public = any_public || is_public;
    if (expose != "none" && !service.contains("port")) {
      bool explicit_expose = written.value_locations.count(pointer + "/expose") > 0;
      diagnostics.error(
          explicit_expose ? written.locate(pointer + "/expose") : written.locate_key(pointer),
          "service '" + name + "' is 'expose: " + expose + "' but has no 'port'",
          explicit_expose ? "add the port it listens on, or use 'expose: none'"
                          : "services are 'expose: private' unless they say "
                            "otherwise; add a 'port' or 'expose: none'");
    }
    const bool has_route = service.contains("route");
    if (has_route && !is_public) {
      diagnostics.error(written.locate_key(pointer + "/route"),
                        "service '" + name + "' has a 'route' but is 'expose: " + expose + "'",
                        "routes are rules of the public load balancer; use 'expose: public' "
                        "or remove 'route'");
      continue;
    }
    if (!is_public) continue;
    // No route takes every request, as a route of path '/' without host does.
    RouteKey key = has_route ? route_key(service.at("route")) : RouteKey{"", "/"};
    auto [owner, inserted] = route_owner.emplace(key, name);
    if (inserted) {
      if (!has_route) first_without_route = name;
      continue;
    }
    if (!has_route && owner->second == first_without_route) {
      diagnostics.error(written.locate_key(pointer),
                        "public services '" + first_without_route + "' and '" + name +
                            "' both have no 'route' on the shared load balancer",
                        "only one public service can take every request; give the others a "
                        "route, e.g. route: {path: /" +
                            name + "}");
      continue;
    }
    diagnostics.error(written.locate_key(has_route ? pointer + "/route" : pointer),
                      "service '" + name + "' has the same route as service '" + owner->second +
                          "' on the shared load balancer",
                      "both take " + route_words(key));
  }
  if (!input.effective.contains("domain")) return;
  if (!any_public) {
    diagnostics.error(written.locate_key("/domain"),
                      "'domain' needs at least one service with 'expose: public'",
                      "the domain is served by the public load balancer");
  }
  // The certificate is validated and the alias record created in `zone`, so the name must
  // lie inside it.
  const json& domain = input.effective.at("domain");
  const std::string name = domain.value("name", std::string());
  const std::string zone = domain.value("zone", std::string());
  const bool inside =
      name == zone || (name.size() > zone.size() &&
                       name.compare(name.size() - zone.size(), zone.size(), zone) == 0 &&
                       name[name.size() - zone.size() - 1] == '.');
  if (!inside) {
    diagnostics.error(written.locate("/domain/name"),
                      "domain '" + name + "' is not inside its hosted zone '" + zone + "'",
                      "the name must be the zone itself or end with '." + zone + "'");
  }
}

}  // namespace infragen
