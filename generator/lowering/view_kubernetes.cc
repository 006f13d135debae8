#include "lowering/view_kubernetes.h"

#include <string>
#include <utility>
#include <vector>

#include "lowering/kubernetes_cron.h"

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

}  // namespace

void attach_kubernetes(const LoweringContext& context, nlohmann::json& view) {
  attach_schedules(context, view["jobs"]);
  // The chart runs the services and the jobs: an app of data stores alone has none.
  view["has_workloads"] = view["has_services"].get<bool>() || view["has_jobs"].get<bool>();
  nlohmann::json& environments = view["environments"];
  if (environments.empty()) return;
  const nlohmann::json first = environments[0];
  for (auto& environment : environments) {
    nlohmann::json services = differing(environment["services"], first["services"], kServiceFields);
    nlohmann::json jobs = differing(environment["jobs"], first["jobs"], kJobFields);
    const bool empty = services.empty() && jobs.empty();
    environment["kubernetes"] = {{"has_services", !services.empty()},
                                 {"services", std::move(services)},
                                 {"has_jobs", !jobs.empty()},
                                 {"jobs", std::move(jobs)},
                                 {"empty", empty}};
  }
}

}  // namespace infragen
