#include "lowering/identifier_clashes.h"

#include <map>
#include <string>

#include "lowering/logical_ids.h"
#include "lowering/reference_snippets.h"

namespace infragen {

namespace {

template <typename Items>
bool check_kind(const LoweringContext& context, const std::string& kind, const std::string& words,
                const Items& items) {
  bool ok = true;
  std::map<std::string, std::string> taken;  // logical id -> first name
  for (const auto& item : items) {
    const std::string id = logical_id(resource_identifier(item.name));
    auto [at, fresh] = taken.emplace(id, item.name);
    if (fresh) continue;
    ok = false;
    context.diagnostics.error(
        context.base().locate("/" + kind + "/" + item.name),
        words + " names '" + at->second + "' and '" + item.name +
            "' would both be the CloudFormation logical id '" + id + "'",
        "rename one of them: names may not differ only in a '-' before a digit");
  }
  return ok;
}

}  // namespace

bool check_identifier_clashes(const LoweringContext& context) {
  const AppModel& model = context.base();
  bool ok = check_kind(context, "services", "service", model.services);
  ok = check_kind(context, "jobs", "job", model.jobs) && ok;
  ok = check_kind(context, "databases", "database", model.databases) && ok;
  ok = check_kind(context, "caches", "cache", model.caches) && ok;
  ok = check_kind(context, "buckets", "bucket", model.buckets) && ok;
  ok = check_kind(context, "secrets", "secret", model.secrets) && ok;
  return ok;
}

}  // namespace infragen
