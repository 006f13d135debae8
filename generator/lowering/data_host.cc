#include "lowering/data_host.h"

#include <algorithm>
#include <set>

#include "lowering/compose_groups.h"
#include "lowering/compose_local.h"
#include "lowering/reference_snippets.h"
#include "lowering/references.h"

namespace infragen {

namespace {

// Devices the data volumes attach as: /dev/sdf to /dev/sdp, the range EC2 recommends for EBS
// volumes on Linux.
constexpr const char* kDevices = "fghijklmnop";

// The size words of RDS classes and ElastiCache node types, in order: an explicit class counts
// by its size ("db.t3.micro" as small, "cache.m5.2xlarge" as larger than large).
int size_rank(const std::string& size) {
  if (size == "small" || size == "medium" || size == "large") {
    return size == "small" ? 1 : size == "medium" ? 2 : 3;
  }
  const std::string word = size.substr(size.rfind('.') + 1);
  if (word == "nano" || word == "micro" || word == "small") return 1;
  if (word == "medium") return 2;
  if (word == "large") return 3;
  return 4;
}

// The container's name on the data host: the store's own name, or "cache-<name>" for a cache
// named like a database (compose keys services by name).
std::string cache_container_name(const AppModel& model, const CacheModel& cache) {
  for (const auto& database : model.databases) {
    if (!database.managed && database.name == cache.name) return "cache-" + cache.name;
  }
  return cache.name;
}

// The dump of one database, written to standard output from inside its container (the engine's
// user and password are the container's own environment, so no value is in the script).
std::string dump_command(const DatabaseModel& database, const std::string& app,
                         const std::string& container) {
  const std::string exec = "docker compose --project-name " + app + " exec -T " + container;
  if (database.is_postgres()) {
    return exec +
           " sh -c 'exec pg_dump --format=custom --username=\"$POSTGRES_USER\" "
           "\"$POSTGRES_DB\"'";
  }
  return exec +
         " sh -c 'MYSQL_PWD=\"$MYSQL_PASSWORD\" exec mysqldump --single-transaction "
         "--no-tablespaces --user=\"$MYSQL_USER\" \"$MYSQL_DATABASE\"' | gzip";
}

// A container is one instance: a standby, replicas or cache nodes need RDS or ElastiCache.
void refuse_replicas(const LoweringContext& context) {
  const std::string hint = "remove it, or run the store on AWS's service (`managed: true`)";
  // Once per place in the manifest, though several environments may inherit it.
  std::set<std::string> reported;
  auto report = [&](const AppModel& model, const std::string& pointer, const std::string& text) {
    const SourceLocation where = model.locate(pointer);
    const std::string key =
        std::to_string(where.line) + ":" + std::to_string(where.column) + ":" + pointer;
    if (reported.insert(key).second) context.diagnostics.error(where, text, hint);
  };
  for (const auto& model : context.environments) {
    for (const auto& database : model.databases) {
      if (database.managed) continue;
      const std::string at = database.origin.pointer;
      const std::string who = "database '" + database.name + "' runs as one container " +
                              "(managed: false) on " + context.target_phrase() + ": ";
      if (database.multi_zone) {
        report(model, at + "/multi_zone", who + "it has no standby in another zone");
      }
      if (database.read_replicas > 0) {
        report(model, at + "/read_replicas", who + "it has no read replicas");
      }
    }
    for (const auto& cache : model.caches) {
      if (cache.managed || cache.nodes <= 1) continue;
      report(model, cache.origin.pointer + "/nodes",
             "cache '" + cache.name + "' runs as one container (managed: false) on " +
                 context.target_phrase() + ": it has one node");
    }
  }
}

}  // namespace

bool has_unmanaged_stores(const AppModel& model) {
  return std::any_of(model.databases.begin(), model.databases.end(),
                     [](const DatabaseModel& database) { return !database.managed; }) ||
         std::any_of(model.caches.begin(), model.caches.end(),
                     [](const CacheModel& cache) { return !cache.managed; });
}

std::map<std::string, int> data_host_ports(const AppModel& model) {
  std::map<std::string, int> ports;
  std::set<int> taken;
  auto take = [&taken](int port) {
    while (taken.count(port)) ++port;
    taken.insert(port);
    return port;
  };
  for (const auto& database : model.databases) {
    if (!database.managed) ports["databases." + database.name] = take(database_port(database));
  }
  for (const auto& cache : model.caches) {
    if (!cache.managed) ports["caches." + cache.name] = take(cache_port(cache));
  }
  return ports;
}

std::string dump_calendar(const std::string& backup_window) {
  const std::string start = backup_window.empty() ? kDefaultDumpTime : backup_window.substr(0, 5);
  return "*-*-* " + start + ":00 UTC";
}

nlohmann::json lower_data_host(const LoweringContext& context) {
  const AppModel& model = context.base();
  refuse_replicas(context);
  const std::map<std::string, int> ports = data_host_ports(model);
  nlohmann::json databases = nlohmann::json::array();
  nlohmann::json stores = nlohmann::json::array();
  size_t device = 0;
  for (const auto& database : model.databases) {
    if (database.managed) continue;
    if (device == std::string(kDevices).size()) {
      context.diagnostics.error(
          model.locate(database.origin.pointer + "/managed"),
          context.target_phrase() + " attaches at most " + std::to_string(device) +
              " data volumes to its data host; database '" + database.name + "' is one more",
          "run some of the databases on RDS (`managed: true`)");
      break;
    }
    const std::string resource = resource_identifier(database.name);
    const std::string variable = upper_identifier(database.name) + "__PASSWORD";
    nlohmann::json container = database_container(database, "${" + variable + ":-}");
    if (database.is_postgres()) {
      // initdb wants an empty directory, and the root of a file system may not stay empty.
      container["environment"].push_back(
          {{"name", "PGDATA"}, {"value", container["data_path"].get<std::string>() + "/pgdata"}});
      container["environment"] = with_last(std::move(container["environment"]));
    }
    const int port = ports.at("databases." + database.name);
    const std::string mount = "/srv/" + model.app + "/" + database.name;
    nlohmann::json entry = {
        {"name", database.name},
        {"resource", resource},
        {"label", "data_" + resource},
        {"container", database.name},
        {"postgres", database.is_postgres()},
        {"mysql", !database.is_postgres()},
        {"engine", database.engine},
        {"version", database.version},
        {"database_name", database.database_name},
        {"username", database.username},
        {"image", container["image"]},
        {"environment", container["environment"]},
        {"healthcheck", container["healthcheck"]},
        {"data_path", container["data_path"]},
        {"port", port},
        {"container_port", database_port(database)},
        {"password_variable", variable},
        // Attached as /dev/sdX; on Nitro instances the kernel names it by the volume's id
        // instead, which the attach script finds under /dev/disk/by-id.
        {"device", std::string("/dev/sd") + kDevices[device++]},
        {"mount", mount},
        {"dump_calendar", dump_calendar(database.backup_window)},
        {"dump_time", database.backup_window.empty() ? std::string(kDefaultDumpTime)
                                                     : database.backup_window.substr(0, 5)},
        {"dump_extension", database.is_postgres() ? "dump" : "sql.gz"},
        {"dump_command", dump_command(database, model.app, database.name)}};
    stores.push_back({{"name", database.name},
                      {"container", database.name},
                      {"image", entry["image"]},
                      {"environment", entry["environment"]},
                      {"has_environment", true},
                      {"healthcheck", entry["healthcheck"]},
                      {"port", port},
                      {"container_port", entry["container_port"]},
                      {"has_volume", true},
                      {"mount", mount},
                      {"data_path", entry["data_path"]}});
    databases.push_back(std::move(entry));
  }
  nlohmann::json caches = nlohmann::json::array();
  for (const auto& cache : model.caches) {
    if (cache.managed) continue;
    nlohmann::json container = cache_container(cache);
    const std::string name = cache_container_name(model, cache);
    const int port = ports.at("caches." + cache.name);
    caches.push_back({{"name", cache.name},
                      {"resource", resource_identifier(cache.name)},
                      {"container", name},
                      {"port", port}});
    // A cache: its data is disposable, so it lives in the container only.
    stores.push_back({{"name", cache.name},
                      {"container", name},
                      {"image", container["image"]},
                      {"environment", nlohmann::json::array()},
                      {"has_environment", false},
                      {"healthcheck", container["healthcheck"]},
                      {"port", port},
                      {"container_port", cache_port(cache)},
                      {"has_volume", false},
                      {"mount", ""},
                      {"data_path", ""}});
  }
  const bool exists = !stores.empty();
  for (const auto& group : compose_groups(model)) {
    if (!exists || group.name != kDataHostGroup) continue;
    context.diagnostics.error(model.locate("/instances/groups/" + group.name),
                              context.target_phrase() + " names the instance of its `managed: " +
                                  "false` databases and caches '" + kDataHostGroup +
                                  "', and this group has that name",
                              "rename the group");
  }
  return {{"exists", exists},
          {"name", kDataHostGroup},
          {"resource", "data"},
          {"label", "data_host"},
          {"has_databases", !databases.empty()},
          {"databases", with_last(std::move(databases))},
          {"has_caches", !caches.empty()},
          {"caches", with_last(std::move(caches))},
          {"stores", with_last(std::move(stores))}};
}

nlohmann::json data_host_values(const AppModel& model) {
  int rank = 1;
  nlohmann::json databases = nlohmann::json::array();
  for (const auto& database : model.databases) {
    if (database.managed) continue;
    rank = std::max(rank, size_rank(database.size));
    databases.push_back({{"name", database.name},
                         {"resource", resource_identifier(database.name)},
                         {"storage", database.storage_gib},
                         {"backup_retention_days", database.backup_retention_days}});
  }
  for (const auto& cache : model.caches) {
    if (!cache.managed) rank = std::max(rank, size_rank(cache.size));
  }
  // The largest store's size class picks the instance (x86_64: the engines' images are built
  // for it and for arm64, the AMI parameter is x86_64).
  static const char* const kTypes[] = {"t3.small", "t3.small", "t3.medium", "t3.large",
                                       "m5.xlarge"};
  return {{"exists", has_unmanaged_stores(model)},
          {"type", kTypes[rank]},
          {"has_databases", !databases.empty()},
          {"databases", with_last(std::move(databases))}};
}

}  // namespace infragen
