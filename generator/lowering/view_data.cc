#include "lowering/view_data.h"

#include <map>
#include <string>

#include <functional>

#include "lowering/access.h"
#include "lowering/references.h"
#include "lowering/sizing.h"

namespace infragen {

namespace {

// RDS takes a MySQL major version ("8.0") and picks its newest minor, and the Terraform passes
// it so (a pinned minor would plan a downgrade after RDS's automatic minor upgrades).
// CloudFormation's resource specification lists MySQL versions only in full, so there a major
// version is written as its newest minor known to this release; other engines and full
// versions are written as given.
std::string full_engine_version(const std::string& engine, const std::string& version) {
  static const std::map<std::string, std::string> kNewestMySqlMinor = {
      {"5.7", "5.7.44"}, {"8.0", "8.0.46"}, {"8.4", "8.4.9"}};
  if (engine != "mysql") return version;
  auto found = kNewestMySqlMinor.find(version);
  return found == kNewestMySqlMinor.end() ? version : found->second;
}

bool in_any(const LoweringContext& context, const std::function<bool(const AppModel&)>& test) {
  for (const auto& model : context.environments) {
    if (test(model)) return true;
  }
  return false;
}

// "15.4" -> 15, for engine-version decisions.
int major_version(const std::string& version) {
  int major = 0;
  for (char c : version) {
    if (c < '0' || c > '9') break;
    major = major * 10 + (c - '0');
  }
  return major;
}

// Whether `version` is at least major.minor.
bool version_at_least(const std::string& version, int major, int minor) {
  int found_major = major_version(version);
  if (found_major != major) return found_major > major;
  size_t dot = version.find('.');
  int found_minor = dot == std::string::npos ? 0 : major_version(version.substr(dot + 1));
  return found_minor >= minor;
}

}  // namespace

nlohmann::json lower_databases(const LoweringContext& context) {
  nlohmann::json databases = nlohmann::json::array();
  for (const auto& database : context.base().databases) {
    if (!database.managed) continue;  // a container (ec2-compose's data host)
    const std::string name = database.name;
    bool replicas = in_any(context, [&](const AppModel& model) {
      const DatabaseModel* in = model.find_database(name);
      return in && in->read_replicas > 0;
    });
    for (const auto& model : context.environments) {
      const DatabaseModel* in = model.find_database(name);
      if (!in) continue;
      // Aurora keeps backups for at least a day; RDS replicas need the source's backups.
      if (in->is_aurora() && in->backup_retention_days < 1) {
        context.diagnostics.error(model.locate(database.origin.pointer + "/backup/retention_days"),
                                  context.target_phrase() +
                                      " cannot turn off backups of Aurora database '" + name +
                                      "': Aurora keeps them for at least 1 day");
      }
      if (!in->is_aurora() && in->read_replicas > 0 && in->backup_retention_days < 1) {
        context.diagnostics.error(
            model.locate(database.origin.pointer + "/read_replicas"),
            "database '" + name + "' needs backups (retention_days >= 1) for read replicas");
      }
    }
    databases.push_back({{"name", name},
                         {"resource", resource_identifier(name)},
                         {"label", "database_" + resource_identifier(name)},
                         {"engine", database.engine},
                         {"aurora", database.is_aurora()},
                         {"instance", !database.is_aurora()},
                         {"postgres", database.is_postgres()},
                         {"mysql", !database.is_postgres()},
                         {"version", database.version},
                         {"full_version", full_engine_version(database.engine, database.version)},
                         {"port", database_port(database)},
                         {"database_name", database.database_name},
                         {"username", database.username},
                         {"has_backup_window", !database.backup_window.empty()},
                         {"backup_window", database.backup_window},
                         {"replicas_possible", replicas}});
  }
  return with_last(std::move(databases));
}

nlohmann::json lower_caches(const LoweringContext& context) {
  nlohmann::json caches = nlohmann::json::array();
  for (const auto& cache : context.base().caches) {
    if (!cache.managed) continue;
    // Encryption in transit is always on. From Redis 7.0.5 (and Valkey) it can be "preferred",
    // which also accepts clients that do not speak TLS yet, such as most sample apps.
    bool preferred = cache.engine == "valkey" || version_at_least(cache.version, 7, 0);
    caches.push_back({{"name", cache.name},
                      {"resource", resource_identifier(cache.name)},
                      {"label", "cache_" + resource_identifier(cache.name)},
                      {"engine", cache.engine},
                      {"version", cache.version},
                      {"port", cache_port(cache)},
                      {"transit_encryption_preferred", preferred}});
  }
  return with_last(std::move(caches));
}

nlohmann::json lower_secrets(const LoweringContext& context) {
  nlohmann::json secrets = nlohmann::json::array();
  for (const auto& secret : context.base().secrets) {
    secrets.push_back({{"name", secret.name},
                       {"resource", resource_identifier(secret.name)},
                       {"has_description", !secret.description.empty()},
                       {"description", secret.description}});
  }
  return with_last(std::move(secrets));
}

nlohmann::json lower_buckets(const LoweringContext& context) {
  nlohmann::json buckets = nlohmann::json::array();
  const AppModel& base = context.base();
  for (const auto& bucket : base.buckets) {
    const std::string name = bucket.name;
    bool triggers = false;
    for (const auto& job : base.jobs)
      triggers = triggers || (job.trigger && job.trigger->bucket == name);
    bool versioning = in_any(context, [&](const AppModel& model) {
      const BucketModel* in = model.find_bucket(name);
      return in && in->versioning;
    });
    bool expiry = in_any(context, [&](const AppModel& model) {
      const BucketModel* in = model.find_bucket(name);
      return in && in->expire_days.has_value();
    });
    buckets.push_back({{"name", name},
                       {"resource", resource_identifier(name)},
                       {"label", "bucket_" + resource_identifier(name)},
                       {"events", triggers},
                       {"versioning_possible", versioning},
                       {"expiry_possible", expiry}});
  }
  return with_last(std::move(buckets));
}

nlohmann::json database_values(const LoweringContext& context, const AppModel& model) {
  (void)context;
  nlohmann::json values = nlohmann::json::array();
  for (const auto& database : model.databases) {
    if (!database.managed) continue;
    values.push_back(
        {{"name", database.name},
         {"instance_class", database_instance_class(database.size, database.is_aurora())},
         {"allocated_storage", database.storage_gib},
         {"multi_az", database.multi_zone},
         {"read_replicas", database.read_replicas},
         {"backup_retention_days", database.backup_retention_days}});
  }
  return with_last(std::move(values));
}

nlohmann::json cache_values(const AppModel& model) {
  nlohmann::json values = nlohmann::json::array();
  for (const auto& cache : model.caches) {
    if (!cache.managed) continue;
    values.push_back(
        {{"name", cache.name}, {"node_type", cache_node_type(cache.size)}, {"nodes", cache.nodes}});
  }
  return with_last(std::move(values));
}

nlohmann::json bucket_values(const AppModel& model) {
  nlohmann::json values = nlohmann::json::array();
  for (const auto& bucket : model.buckets) {
    values.push_back({{"name", bucket.name},
                      {"has_expire_days", bucket.expire_days.has_value()},
                      {"expire_days", bucket.expire_days.value_or(0)},
                      {"versioning", bucket.versioning}});
  }
  return with_last(std::move(values));
}

nlohmann::json lower_volumes(const LoweringContext& context) {
  nlohmann::json volumes = nlohmann::json::array();
  const AppModel& base = context.base();
  const std::vector<Workload> workloads = workloads_of(base);
  // EFS takes one mount target per availability zone, and regions have at most 6 zones, so a
  // longer list of private subnets has two in one zone.
  for (const auto& model : context.environments) {
    const auto& existing = model.network.existing;
    if (model.volumes.empty() || !existing || existing->private_subnets.size() <= 6) continue;
    context.diagnostics.error(
        model.locate("/network/existing/private_subnets"),
        context.target_phrase() + " puts an EFS mount target of every volume in each private " +
            "subnet, but " + std::to_string(existing->private_subnets.size()) +
            " private subnets are listed and EFS allows one mount target per zone",
        "list one private subnet per availability zone");
  }
  for (const auto& volume : base.volumes) {
    std::string used_by;
    for (const auto& workload : workloads) {
      if (!access_of(base, workload).volumes.count(volume.name)) continue;
      used_by += (used_by.empty() ? "" : ", ") +
                 std::string(workload.kind == Workload::Kind::service ? "service '" : "job '") +
                 workload.name + "'";
    }
    volumes.push_back({{"name", volume.name},
                       {"resource", resource_identifier(volume.name)},
                       {"label", "volume_" + resource_identifier(volume.name)},
                       {"uid", volume.uid},
                       {"gid", volume.gid},
                       {"permissions", volume.permissions},
                       {"mounted", !used_by.empty()},
                       {"used_by", used_by.empty() ? "no workload yet" : used_by}});
  }
  return with_last(std::move(volumes));
}

nlohmann::json volume_values(const AppModel& model) {
  nlohmann::json values = nlohmann::json::array();
  for (const auto& volume : model.volumes) {
    const int days = volume.infrequent_access_after_days;
    // The EFS API spells one day in the singular.
    const std::string transition =
        days == 1 ? "AFTER_1_DAY" : "AFTER_" + std::to_string(days) + "_DAYS";
    values.push_back({{"name", volume.name},
                      {"throughput", volume.throughput},
                      {"backup", volume.backup},
                      {"backup_status", volume.backup ? "ENABLED" : "DISABLED"},
                      {"transition_to_ia", transition}});
  }
  return with_last(std::move(values));
}

}  // namespace infragen
