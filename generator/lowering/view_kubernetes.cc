#include "lowering/view_kubernetes.h"

#include <string>
#include <utility>
#include <vector>

#include "lowering/compose_local.h"
#include "lowering/data_host.h"
#include "lowering/kubernetes_cron.h"
#include "lowering/references.h"
#include "model/naming.h"

namespace infragen {
namespace {

// values.yaml holds the first environment's values; another environment's file sets only the
// fields (view key, values key) whose value is not the same there.
using Fields = std::vector<std::pair<std::string, std::string>>;

const Fields kServiceFields = {{"image", "image"},
                               {"cpu", "cpu"},
                               {"memory", "memory"},
                               {"desired_count", "replicas"},
                               {"autoscale", "autoscale"}};
// "job-" and a name of at most 48 characters: a CronJob's name is 52 at most.
constexpr size_t kLongestJobName = 48;

// "data-" and a name of at most 47 characters: a StatefulSet's name is 52 at most.
constexpr size_t kLongestStoreName = 47;

const Fields kJobFields = {{"image", "image"}, {"cpu", "cpu"}, {"memory", "memory"}};

// What an environment's `autoscale` changes of the first environment's, key by key, as Helm
// merges a values file's mapping into values.yaml's: `autoscale_off` (none here, one there), or
// `autoscale_fields` [{key, value}], a metric the first has and this one lacks as null.
void attach_autoscale_changes(nlohmann::json& entry, const nlohmann::json& first) {
  const nlohmann::json& mine = entry["autoscale"];
  nlohmann::json fields = nlohmann::json::array();
  if (mine.is_object()) {
    const bool had = first.is_object();
    for (const char* key : {"min", "max"}) {
      if (!had || first[key] != mine[key]) {
        fields.push_back({{"key", key}, {"value", std::to_string(mine[key].get<int>())}});
      }
    }
    for (const std::string key : {"cpu", "memory"}) {
      const bool has = mine["has_" + key].get<bool>();
      const bool first_has = had && first["has_" + key].get<bool>();
      if (has && (!first_has || first[key] != mine[key])) {
        fields.push_back({{"key", key}, {"value", std::to_string(mine[key].get<int>())}});
      } else if (!has && first_has) {
        fields.push_back({{"key", key}, {"value", "null"}});
      }
    }
  }
  entry["autoscale_off"] = !mine.is_object() && first.is_object();
  entry["autoscale_fields"] = std::move(fields);
}

// The entries of `workloads` (an environment's services or jobs) that differ from the same
// workload in `first`, each with set_<values key> flags and `last` among those kept.
nlohmann::json differing(const nlohmann::json& workloads, const nlohmann::json& first,
                         const Fields& fields) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& workload : workloads) {
    const nlohmann::json* base = nullptr;
    for (const auto& candidate : first) {
      if (candidate["name"] == workload["name"]) base = &candidate;
    }
    nlohmann::json entry = workload;
    bool differs = workload["has_environment_overrides"].get<bool>();
    for (const auto& [key, values_key] : fields) {
      bool set = false;
      if (key == "autoscale") {
        // Written key by key: set where any key the values file writes changes.
        attach_autoscale_changes(entry,
                                 base == nullptr ? nlohmann::json(false) : (*base)["autoscale"]);
        set = entry["autoscale_off"].get<bool>() || !entry["autoscale_fields"].empty();
      } else {
        // A pulled image is a value; a built one is the ECR repository at imageTag.
        const bool is_value = key != "image" || workload["pulled"].get<bool>();
        set = is_value && (base == nullptr || (*base)[key] != workload[key]);
      }
      entry["set_" + values_key] = set;
      differs = differs || set;
    }
    if (differs) out.push_back(std::move(entry));
  }
  for (size_t i = 0; i < out.size(); ++i) out[i]["last"] = i + 1 == out.size();
  return out;
}

void attach_schedules(const LoweringContext& context, nlohmann::json& jobs) {
  const AppModel& base = context.base();
  for (auto& job : jobs) {
    if (!job["scheduled"].get<bool>()) continue;
    const std::string name = job["name"];
    const JobModel& model = *base.find_job(name);
    // Its objects are named job-NAME; Kubernetes adds 11 characters to a CronJob's name (the
    // Jobs it starts), which may then be 63 at most.
    if (name.size() > kLongestJobName) {
      context.diagnostics.error(
          base.document->locate_key(model.origin.pointer),
          context.target_phrase() + " names the CronJob of job '" + name + "' job-" + name +
              ", longer than Kubernetes' 52 characters",
          "give the job a name of at most " + std::to_string(kLongestJobName) + " characters");
      continue;
    }
    if (base.find_service("job-" + name) != nullptr) {
      context.diagnostics.error(base.document->locate_key(model.origin.pointer),
                                context.target_phrase() + " names the objects of job '" + name +
                                    "' job-" + name + ", as those of service 'job-" + name + "'",
                                "rename the job or the service");
      continue;
    }
    const KubernetesCron cron = kubernetes_cron(*model.schedule);
    if (!cron.unsupported.empty()) {
      context.diagnostics.error(base.locate(model.origin.pointer + "/schedule"),
                                context.target_phrase() + " runs job '" + name +
                                    "' as a Kubernetes CronJob, whose cron has no equivalent of " +
                                    cron.unsupported,
                                cron.hint);
      continue;
    }
    job["kubernetes_schedule"] = cron.cron;
  }
}

// A `managed: false` store runs as one pod of a StatefulSet: a standby, read replicas or several
// cache nodes would each be a server of their own, which the chart does not make.
void refuse_replicas(const LoweringContext& context) {
  for (const AppModel& model : context.environments) {
    const auto refuse = [&](const std::string& pointer, const std::string& what) {
      context.diagnostics.error(
          model.locate(pointer),
          context.target_phrase() + " runs " + what + " (managed: false) as one pod in the cluster",
          "run it on RDS or ElastiCache (`managed: true`), or leave out " +
              pointer.substr(pointer.rfind('/') + 1));
    };
    for (const auto& database : model.databases) {
      if (database.managed) continue;
      const std::string at = database.origin.pointer;
      if (database.multi_zone) refuse(at + "/multi_zone", "database '" + database.name + "'");
      if (database.read_replicas > 0) {
        refuse(at + "/read_replicas", "database '" + database.name + "'");
      }
    }
    for (const auto& cache : model.caches) {
      if (!cache.managed && cache.nodes > 1) {
        refuse(cache.origin.pointer + "/nodes", "cache '" + cache.name + "'");
      }
    }
  }
}

// The objects of an in-cluster store are named data-NAME: a StatefulSet's name is 52 characters
// at most (its pods' revision label adds 11), and a service may not take the same name.
void refuse_store_names(const LoweringContext& context, const std::string& kind,
                        const std::string& name, const Origin& origin) {
  const AppModel& base = context.base();
  const SourceLocation where = base.document->locate_key(origin.pointer);
  if (name.size() > kLongestStoreName) {
    context.diagnostics.error(where,
                              context.target_phrase() + " names the StatefulSet of " + kind + " '" +
                                  name + "' data-" + name +
                                  ", longer than Kubernetes' 52 characters",
                              "give the " + kind + " a name of at most " +
                                  std::to_string(kLongestStoreName) + " characters");
  }
  if (base.find_service("data-" + name) != nullptr) {
    context.diagnostics.error(where,
                              context.target_phrase() + " names the objects of " + kind + " '" +
                                  name + "' data-" + name + ", as those of service 'data-" + name +
                                  "'",
                              "rename the " + kind + " or the service");
  }
}

// view["in_cluster"]: the `managed: false` databases and caches, each a StatefulSet of one pod
// behind a headless Service named data-NAME, on the port the references give it. The images
// are those of the laptop's compose file.
nlohmann::json in_cluster_stores(const LoweringContext& context) {
  const AppModel& model = context.base();
  refuse_replicas(context);
  const std::map<std::string, int> ports = data_host_ports(model);
  nlohmann::json databases = nlohmann::json::array();
  for (const auto& database : model.databases) {
    if (database.managed) continue;
    refuse_store_names(context, "database", database.name, database.origin);
    const bool postgres = database.is_postgres();
    const std::string resource = resource_identifier(database.name);
    const nlohmann::json container = database_container(database, "");
    databases.push_back({{"name", database.name},
                         {"resource", resource},
                         {"label", "data_" + resource},
                         {"postgres", postgres},
                         {"mysql", !postgres},
                         {"image", container["image"]},
                         {"port", ports.at("databases." + database.name)},
                         {"container_port", database_port(database)},
                         {"database_name", database.database_name},
                         {"username", database.username},
                         {"storage", database.storage_gib},
                         {"data_path", container["data_path"]}});
  }
  nlohmann::json caches = nlohmann::json::array();
  for (const auto& cache : model.caches) {
    if (cache.managed) continue;
    refuse_store_names(context, "cache", cache.name, cache.origin);
    caches.push_back({{"name", cache.name},
                      {"resource", resource_identifier(cache.name)},
                      {"image", cache_container(cache)["image"]},
                      {"cli", cache.engine == "valkey" ? "valkey-cli" : "redis-cli"},
                      {"port", ports.at("caches." + cache.name)},
                      {"container_port", cache_port(cache)}});
  }
  const bool has_databases = !databases.empty();
  const bool has_caches = !caches.empty();
  return {{"databases", with_last(std::move(databases))},
          {"caches", with_last(std::move(caches))},
          {"has_databases", has_databases},
          {"has_caches", has_caches},
          {"exists", has_databases || has_caches}};
}

// Per environment: the in-cluster databases whose volume size differs from the first's.
nlohmann::json differing_storage(const AppModel& model, const AppModel& first) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& database : model.databases) {
    if (database.managed) continue;
    const DatabaseModel* base = first.find_database(database.name);
    if (base != nullptr && base->storage_gib == database.storage_gib) continue;
    out.push_back({{"name", database.name}, {"storage", database.storage_gib}});
  }
  return with_last(std::move(out));
}

}  // namespace

void attach_kubernetes(const LoweringContext& context, nlohmann::json& view) {
  attach_schedules(context, view["jobs"]);
  // The chart runs the services, the jobs and the in-cluster data stores: an app of managed
  // data stores alone has nothing to run.
  view["has_workloads"] = view["has_services"].get<bool>() || view["has_jobs"].get<bool>();
  view["in_cluster"] = in_cluster_stores(context);
  if (view["in_cluster"]["exists"].get<bool>()) view["has_workloads"] = true;
  // Any secret a pod reads (an app secret or a database password) comes through the Secrets
  // Store CSI driver, which the README installs.
  bool secrets_store = view["in_cluster"]["has_databases"].get<bool>();
  for (const char* list : {"services", "jobs"}) {
    for (const auto& workload : view[list]) {
      secrets_store = secrets_store || workload["has_secrets"].get<bool>();
    }
  }
  view["uses_secrets_store"] = secrets_store;
  nlohmann::json& environments = view["environments"];
  if (environments.empty()) return;
  const nlohmann::json first = environments[0];
  for (size_t i = 0; i < environments.size(); ++i) {
    nlohmann::json& environment = environments[i];
    nlohmann::json services = differing(environment["services"], first["services"], kServiceFields);
    nlohmann::json jobs = differing(environment["jobs"], first["jobs"], kJobFields);
    nlohmann::json databases =
        differing_storage(context.environments[i], context.environments.front());
    const bool empty = services.empty() && jobs.empty() && databases.empty();
    environment["kubernetes"] = {{"has_services", !services.empty()},
                                 {"services", std::move(services)},
                                 {"has_jobs", !jobs.empty()},
                                 {"jobs", std::move(jobs)},
                                 {"has_databases", !databases.empty()},
                                 {"databases", std::move(databases)},
                                 {"empty", empty}};
  }
}

}  // namespace infragen
