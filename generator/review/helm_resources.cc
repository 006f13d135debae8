// Helm charts as resources: values per environment, templates rendered, objects flattened.
#include "review/helm_resources.h"

#include <yaml-cpp/yaml.h>

#include <set>

#include "formats/yaml/yaml_document.h"
#include "review/go_template.h"
#include "review/json_paths.h"

namespace infragen::review {
namespace {

using nlohmann::json;

bool ends_with(const std::string& text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// One YAML document as JSON; nothing when it does not parse.
std::optional<json> read_yaml(const std::string& text, std::string& error) {
  std::vector<YamlProblem> problems;
  auto documents = parse_yaml_documents(text, problems);
  if (!documents || !problems.empty()) {
    error = problems.empty() ? "not YAML" : problems.front().message;
    return std::nullopt;
  }
  if (documents->empty()) return json::object();
  json value = yaml_to_json(documents->front(), problems);
  if (!problems.empty()) {
    error = problems.front().message;
    return std::nullopt;
  }
  return value;
}

// Helm's coalescing of a values file over values.yaml: maps merge, `null` removes a key.
void coalesce(json& base, const json& over) {
  if (!base.is_object() || !over.is_object()) {
    base = over;
    return;
  }
  for (const auto& [key, value] : over.items()) {
    if (value.is_null()) {
      base.erase(key);
    } else if (base.contains(key) && base[key].is_object() && value.is_object()) {
      coalesce(base[key], value);
    } else {
      base[key] = value;
    }
  }
}

// Chart.yaml's fields as Helm's .Chart gives them (`name` -> `Name`).
json chart_object(const json& chart) {
  json out = json::object();
  if (!chart.is_object()) return out;
  for (const auto& [key, value] : chart.items()) {
    std::string name = key;
    if (!name.empty())
      name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    out[name] = value;
  }
  return out;
}

// The rendered text of a template split at `---` lines into YAML documents.
std::vector<std::string> documents_of(const std::string& text) {
  std::vector<std::string> documents(1);
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    std::string line =
        text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (line.rfind("---", 0) == 0) {
      documents.emplace_back();
    } else {
      documents.back() += line + "\n";
    }
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return documents;
}

// Kinds that live outside any namespace (addressed Kind/name).
bool cluster_scoped(const std::string& kind) {
  static const std::set<std::string> kinds = {"StorageClass",
                                              "IngressClass",
                                              "PersistentVolume",
                                              "Namespace",
                                              "ClusterRole",
                                              "ClusterRoleBinding",
                                              "PriorityClass",
                                              "CSIDriver",
                                              "CustomResourceDefinition",
                                              "ValidatingWebhookConfiguration",
                                              "MutatingWebhookConfiguration"};
  return kinds.count(kind) > 0;
}

struct Chart {
  std::string folder;  // "voting/" (with its slash), "" for a chart at the part's root
  json metadata;
  json values = json::object();
  std::map<std::string, json> environments;  // values-<env>.yaml
  std::vector<std::string> templates;        // rendered ones, by path in the part
};

void add_objects(const Chart& chart, const go_template::TemplateSet& set, const json& values,
                 ResourceMap& resources, std::vector<std::string>& notes) {
  const std::string name = chart.metadata.value("name", std::string("release"));
  json data = {
      {"Values", values},
      {"Chart", chart_object(chart.metadata)},
      {"Release",
       {{"Name", name},
        {"Namespace", name},
        {"Service", "Helm"},
        {"IsInstall", true},
        {"IsUpgrade", false},
        {"Revision", 1}}},
      {"Capabilities",
       {{"KubeVersion", {{"Version", "v1.33.0"}, {"Major", "1"}, {"Minor", "33"}}},
        {"APIVersions", json::array()}}},
  };
  for (const std::string& path : chart.templates) {
    data["Template"] = {{"Name", path}, {"BasePath", chart.folder + "templates"}};
    std::string text;
    try {
      text = set.render(path, data);
    } catch (const go_template::TemplateError& error) {
      notes.push_back("could not render " + path + ": " + error.what());
      continue;
    }
    for (const std::string& document : documents_of(text)) {
      std::string error;
      auto object = read_yaml(document, error);
      if (!object) {
        notes.push_back("rendered " + path + " is not YAML: " + error);
        continue;
      }
      if (!object->is_object() || object->empty()) continue;
      const json metadata = object->value("metadata", json::object());
      const std::string kind = object->value("kind", std::string());
      const std::string object_name = metadata.value("name", std::string());
      if (kind.empty() || object_name.empty()) {
        notes.push_back(path + " renders an object without kind or metadata.name");
        continue;
      }
      Resource resource;
      resource.type = kind;
      resource.address = cluster_scoped(kind)
                             ? kind + "/" + object_name
                             : kind + "/" + metadata.value("namespace", name) + "/" + object_name;
      object->erase("kind");
      flatten_json("", *object, resource.attributes, false);
      resources[resource.address] = std::move(resource);
    }
  }
}

}  // namespace

void read_helm_resources(const FileMap& files, PartResources& part) {
  std::map<std::string, Chart> charts;
  for (const auto& [path, content] : files) {
    if (path != "Chart.yaml" && !ends_with(path, "/Chart.yaml")) continue;
    Chart chart;
    chart.folder = path.substr(0, path.size() - std::string("Chart.yaml").size());
    std::string error;
    auto metadata = read_yaml(content, error);
    if (!metadata) {
      part.notes.push_back(path + " is not YAML: " + error);
      continue;
    }
    chart.metadata = *metadata;
    charts[chart.folder] = std::move(chart);
  }
  for (auto& [folder, chart] : charts) {
    go_template::TemplateSet set;
    bool parsed = true;
    for (const auto& [path, content] : files) {
      if (path.rfind(folder, 0) != 0) continue;
      const std::string local = path.substr(folder.size());
      std::string error;
      if (local == "values.yaml") {
        auto values = read_yaml(content, error);
        if (values && values->is_object()) chart.values = *values;
        if (!values) part.notes.push_back(path + " is not YAML: " + error);
      } else if (local.rfind("values-", 0) == 0 && ends_with(local, ".yaml") &&
                 local.find('/') == std::string::npos) {
        auto values = read_yaml(content, error);
        std::string environment = local.substr(7, local.size() - 12);
        if (values)
          chart.environments[environment] = values->is_object() ? *values : json::object();
        if (!values) part.notes.push_back(path + " is not YAML: " + error);
      } else if (local.rfind("templates/", 0) == 0) {
        try {
          set.add(path, content);
        } catch (const go_template::TemplateError& problem) {
          part.notes.push_back("could not parse " + path + ": " + problem.what());
          parsed = false;
        }
        const std::string base = local.substr(local.rfind('/') + 1);
        if (base[0] != '_' && base != "NOTES.txt" &&
            (ends_with(base, ".yaml") || ends_with(base, ".yml") || ends_with(base, ".json"))) {
          chart.templates.push_back(path);
        }
      }
    }
    if (!parsed) continue;
    if (chart.environments.empty()) chart.environments[kDefaultEnvironment] = json::object();
    for (const auto& [environment, over] : chart.environments) {
      json values = chart.values;
      coalesce(values, over);
      add_objects(chart, set, values, part.environments[environment], part.notes);
    }
  }
}

}  // namespace infragen::review
