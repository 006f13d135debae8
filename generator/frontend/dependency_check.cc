#include "frontend/dependency_check.h"

#include <algorithm>
#include <map>
#include <set>

#include "frontend/json_pointer.h"

namespace infragen {
namespace {

using json = nlohmann::json;

// One `depends_on` item that names another service.
struct Edge {
  std::string to;
  size_t index;  // position in the depends_on list, for the error location
};

class CycleFinder {
 public:
  CycleFinder(const std::vector<std::string>& services,
              const std::map<std::string, std::vector<Edge>>& edges)
      : services_(services), edges_(edges) {
    for (size_t i = 0; i < services.size(); ++i) order_[services[i]] = i;
  }

  // Every cycle once, each starting at its member written first in the manifest.
  std::vector<std::vector<std::string>> cycles() {
    for (const auto& service : services_) visit(service);
    return found_;
  }

 private:
  void visit(const std::string& service) {
    if (done_.count(service)) return;
    stack_.push_back(service);
    on_stack_.insert(service);
    auto out = edges_.find(service);
    if (out != edges_.end()) {
      for (const auto& edge : out->second) {
        if (edge.to == service) continue;  // reported on its own as "depends on itself"
        if (on_stack_.count(edge.to)) {
          record(edge.to);
        } else {
          visit(edge.to);
        }
      }
    }
    on_stack_.erase(service);
    stack_.pop_back();
    done_.insert(service);
  }

  void record(const std::string& back_to) {
    auto start = std::find(stack_.begin(), stack_.end(), back_to);
    std::vector<std::string> cycle(start, stack_.end());
    auto first = std::min_element(cycle.begin(), cycle.end(), [&](const auto& a, const auto& b) {
      return order_[a] < order_[b];
    });
    std::rotate(cycle.begin(), first, cycle.end());
    std::set<std::string> members(cycle.begin(), cycle.end());
    for (const auto& seen : found_) {
      if (std::set<std::string>(seen.begin(), seen.end()) == members) return;
    }
    found_.push_back(cycle);
  }

  const std::vector<std::string>& services_;
  const std::map<std::string, std::vector<Edge>>& edges_;
  std::map<std::string, size_t> order_;
  std::vector<std::string> stack_;
  std::set<std::string> on_stack_;
  std::set<std::string> done_;
  std::vector<std::vector<std::string>> found_;
};

std::string depends_on_pointer(const std::string& service, size_t index) {
  return child_pointer("/services/" + escape_pointer_token(service) + "/depends_on", index);
}

}  // namespace

void check_dependencies(const SemanticInput& input) {
  std::vector<std::string> services = entry_names(input, "services");
  std::vector<std::string> known = services;
  for (const char* other : {"databases", "caches"}) {
    for (const auto& name : entry_names(input, other)) known.push_back(name);
  }
  std::map<std::string, std::vector<Edge>> edges;
  for (const auto& service : services) {
    const json& entry = input.effective.at("services").at(service);
    auto depends_on = entry.find("depends_on");
    if (depends_on == entry.end() || !depends_on->is_array()) continue;
    for (size_t index = 0; index < depends_on->size(); ++index) {
      if (!(*depends_on)[index].is_string()) continue;
      const std::string target = (*depends_on)[index].get<std::string>();
      const SourceLocation where = input.written.locate(depends_on_pointer(service, index));
      if (target == service) {
        input.diagnostics.error(where, "service '" + service + "' depends on itself");
      } else if (std::find(known.begin(), known.end(), target) == known.end()) {
        std::string hint = name_hint(target, known, "services, databases and caches");
        input.diagnostics.error(
            where, "unknown dependency '" + target + "' of service '" + service + "'", hint);
      } else if (std::find(services.begin(), services.end(), target) != services.end()) {
        edges[service].push_back({target, index});
      }
    }
  }
  for (const auto& cycle : CycleFinder(services, edges).cycles()) {
    std::string path;
    for (const auto& member : cycle) path += member + " -> ";
    path += cycle.front();
    const std::string& from = cycle.front();
    const std::string& to = cycle.size() > 1 ? cycle[1] : cycle.front();
    size_t index = 0;
    for (const auto& edge : edges[from]) {
      if (edge.to == to) {
        index = edge.index;
        break;
      }
    }
    input.diagnostics.error(
        input.written.locate(depends_on_pointer(from, index)), "dependency cycle: " + path,
        "services cannot start before each other; remove one of these dependencies");
  }
}

}  // namespace infragen
