#include "frontend/job_trigger_check.h"

#include <algorithm>

#include "frontend/json_pointer.h"

namespace infragen {

void check_job_triggers(const SemanticInput& input) {
  std::vector<std::string> buckets = entry_names(input, "buckets");
  for (const auto& name : entry_names(input, "jobs")) {
    const nlohmann::json& job = input.effective.at("jobs").at(name);
    auto trigger = job.find("trigger");
    if (trigger == job.end() || !trigger->is_object() || !trigger->contains("bucket")) continue;
    const std::string bucket = trigger->at("bucket").get<std::string>();
    if (std::find(buckets.begin(), buckets.end(), bucket) != buckets.end()) continue;
    input.diagnostics.error(
        input.written.locate("/jobs/" + escape_pointer_token(name) + "/trigger/bucket"),
        "unknown bucket '" + bucket + "' in the trigger of job '" + name + "'",
        name_hint(bucket, buckets, "buckets"));
  }
}

}  // namespace infragen
