#include "lowering/compose_local.h"

#include <cctype>
#include <map>
#include <set>

#include "lowering/references.h"
#include "render/shell_words.h"

namespace infragen {

namespace {

// One shell word: as written when it needs no quoting, else ANSI-C quoted.
std::string shell_word(const std::string& text) {
  bool plain = !text.empty();
  for (char c : text) {
    plain = plain && (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '/' ||
                      c == '-' || c == '_' || c == '=' || c == ':');
  }
  return plain ? text : ansi_c_quoted(text);
}

// A literal for compose: "$" would start an interpolation.
std::string literal(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '$') out += '$';
    out += c;
  }
  return out;
}

// The local password of a database container: from the environment, with a default that works
// only on this compose network (no data store publishes a port).
std::string database_password(const DatabaseModel& database) {
  return "${" + upper_identifier(database.name) + "_PASSWORD:-local-only}";
}

// The container of each database and cache: its own name, unless a service or a store of the
// other kind has that name too (compose keys services by name); then "database-<name>" or
// "cache-<name>".
class StoreContainers {
 public:
  explicit StoreContainers(const AppModel& model) {
    std::map<std::string, int> uses;
    for (const auto& service : model.services) ++uses[service.name];
    for (const auto& database : model.databases) ++uses[database.name];
    for (const auto& cache : model.caches) ++uses[cache.name];
    for (const auto& database : model.databases) {
      databases_[database.name] =
          uses[database.name] > 1 ? unused("database-" + database.name, uses) : database.name;
    }
    for (const auto& cache : model.caches) {
      caches_[cache.name] = uses[cache.name] > 1 ? unused("cache-" + cache.name, uses) : cache.name;
    }
  }
  const std::string& database(const std::string& name) const { return databases_.at(name); }
  const std::string& cache(const std::string& name) const { return caches_.at(name); }

 private:
  // `name`, or with "-store" appended until no service or store has it.
  static std::string unused(std::string name, std::map<std::string, int>& uses) {
    while (uses.count(name)) name += "-store";
    ++uses[name];
    return name;
  }

  std::map<std::string, std::string> databases_;
  std::map<std::string, std::string> caches_;
};

// A reference as the laptop's containers see it; buckets have no local stand-in, so they come
// from the environment.
std::string local_reference(const AppModel& model, const StoreContainers& containers,
                            const Reference& reference) {
  if (reference.kind == "databases") {
    const DatabaseModel* database = model.find_database(reference.name);
    if (!database) return "";
    if (reference.attribute == "host") return containers.database(database->name);
    if (reference.attribute == "port") return std::to_string(database_port(*database));
    if (reference.attribute == "name") return literal(database->database_name);
    if (reference.attribute == "user") return literal(database->username);
    return "";
  }
  if (reference.kind == "caches") {
    const CacheModel* cache = model.find_cache(reference.name);
    if (!cache) return "";
    if (reference.attribute == "host") return containers.cache(cache->name);
    return std::to_string(cache_port(*cache));
  }
  if (reference.kind == "services") {
    const ServiceModel* service = model.find_service(reference.name);
    if (!service || !service->port) return "";
    return "http://" + service->name + ":" + std::to_string(*service->port) +
           literal(url_path(*service));
  }
  return "${" + upper_identifier(reference.kind) + "_" + upper_identifier(reference.name) + "_" +
         upper_identifier(reference.attribute) + ":-}";
}

std::string secret_value(const AppModel& model, const SecretBinding& binding) {
  if (binding.source == SecretBinding::Source::database_password) {
    if (const DatabaseModel* database = model.find_database(binding.target)) {
      return database_password(*database);
    }
  }
  return "${SECRET_" + upper_identifier(binding.target) + ":-}";
}

// The named docker volume of shared file system `volume`: "-volume" where a data store's is
// "-data", so that no name is both.
std::string local_volume_name(const std::string& volume) { return volume + "-volume"; }

// Volumes (EFS on AWS): a named docker volume each on the laptop, as `has_mounts`, `mounts`.
void add_local_mounts(const std::vector<VolumeMount>& volumes, nlohmann::json& entry) {
  nlohmann::json mounts = nlohmann::json::array();
  for (const auto& mount : volumes) {
    mounts.push_back({{"volume", local_volume_name(mount.volume)},
                      {"target", literal(mount.path)},
                      {"read_only", mount.read_only}});
  }
  entry["has_mounts"] = !mounts.empty();
  entry["mounts"] = with_last(std::move(mounts));
}

}  // namespace

namespace {

std::string major_version(const std::string& version, int parts) {
  std::string out;
  int dots = 0;
  for (char c : version) {
    if (c == '.' && ++dots == parts) break;
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.') break;
    out += c;
  }
  return out.empty() ? "latest" : out;
}

}  // namespace

nlohmann::json database_container(const DatabaseModel& database, const std::string& password) {
  const std::string user = literal(database.username);
  const std::string name = literal(database.database_name);
  if (database.is_postgres()) {
    return {{"name", database.name},
            {"image", "postgres:" + major_version(database.version, 1)},
            {"environment", with_last({{{"name", "POSTGRES_DB"}, {"value", name}},
                                       {{"name", "POSTGRES_USER"}, {"value", user}},
                                       {{"name", "POSTGRES_PASSWORD"}, {"value", password}}})},
            {"healthcheck", "pg_isready -U " + user + " -d " + name},
            {"data_path", "/var/lib/postgresql/data"}};
  }
  return {{"name", database.name},
          {"image", "mysql:" + major_version(database.version, 2)},
          {"environment", with_last({{{"name", "MYSQL_DATABASE"}, {"value", name}},
                                     {{"name", "MYSQL_USER"}, {"value", user}},
                                     {{"name", "MYSQL_PASSWORD"}, {"value", password}},
                                     {{"name", "MYSQL_RANDOM_ROOT_PASSWORD"}, {"value", "yes"}}})},
          {"healthcheck", "mysqladmin ping -h 127.0.0.1 --silent"},
          {"data_path", "/var/lib/mysql"}};
}

nlohmann::json cache_container(const CacheModel& cache) {
  const bool valkey = cache.engine == "valkey";
  return {{"name", cache.name},
          {"image",
           std::string(valkey ? "valkey/valkey:" : "redis:") + major_version(cache.version, 1)},
          {"environment", nlohmann::json::array()},
          {"healthcheck", std::string(valkey ? "valkey-cli" : "redis-cli") + " ping"},
          {"data_path", "/data"}};
}

nlohmann::json lower_local_compose(const LoweringContext& context) {
  const AppModel& model = context.base();
  const StoreContainers containers(model);

  // Published on the laptop's loopback: unique, and above the ports only root may bind.
  std::set<int> taken_ports;
  auto local_port = [&taken_ports](int port) {
    if (port < 1024 || taken_ports.count(port)) {
      port = 8080;
      while (taken_ports.count(port)) ++port;
    }
    taken_ports.insert(port);
    return port;
  };
  nlohmann::json builds = nlohmann::json::array();
  // A service's or job's entry without ports: its image, command, values and what it waits
  // for. `entry` is its name in the file, `image_name` the one its local image is built as.
  auto workload = [&](const std::string& entry, const std::string& image_name,
                      const ImageSpec& image_spec, const std::vector<std::string>& words,
                      const std::vector<EnvVar>& env, const std::vector<SecretBinding>& secrets,
                      const std::vector<std::string>& depends_on) {
    nlohmann::json environment = nlohmann::json::array();
    // What it waits for: data stores until healthy, services until started (by container).
    std::map<std::string, std::string> needs;
    auto need_database = [&](const std::string& name) {
      if (model.find_database(name)) needs[containers.database(name)] = "service_healthy";
    };
    auto need_cache = [&](const std::string& name) {
      if (model.find_cache(name)) needs[containers.cache(name)] = "service_healthy";
    };
    for (const auto& name : depends_on) {
      need_database(name);
      need_cache(name);
      if (name != entry && model.find_service(name)) needs[name] = "service_started";
    }
    for (const auto& variable : env) {
      std::string value;
      for (const auto& part : variable.parts) {
        if (!part.reference) {
          value += literal(part.text);
          continue;
        }
        value += local_reference(model, containers, *part.reference);
        if (part.reference->kind == "databases") need_database(part.reference->name);
        if (part.reference->kind == "caches") need_cache(part.reference->name);
      }
      environment.push_back({{"name", variable.name}, {"value", value}});
    }
    for (const auto& binding : secrets) {
      environment.push_back({{"name", binding.variable}, {"value", secret_value(model, binding)}});
      if (binding.source == SecretBinding::Source::database_password) need_database(binding.target);
    }
    nlohmann::json depends = nlohmann::json::array();
    for (const auto& [name, condition] : needs) {
      depends.push_back({{"name", name}, {"condition", condition}});
    }
    nlohmann::json command = nlohmann::json::array();
    for (const auto& word : words) command.push_back({{"value", literal(word)}});
    // Images built from source are built by hand first (see the file's header): a build
    // context is relative to the app, which this file's folder does not know.
    const std::string local_image = model.app + "-" + image_name + ":latest";
    const std::string image =
        image_spec.build ? "${" + upper_identifier(image_name) + "_IMAGE:-" + local_image + "}"
                         : literal(image_spec.image);
    if (image_spec.build) {
      const BuildSpec& build = *image_spec.build;
      // Shell words, each literal: the header's commands are pasted into a shell.
      std::string line = "docker build -t " + local_image;
      if (!build.dockerfile.empty()) {
        line += " -f " + shell_word(build.context + "/" + build.dockerfile);
      }
      if (!build.target.empty()) line += " --target " + shell_word(build.target);
      for (const auto& [name, value] : build.args) {
        line += " --build-arg " + shell_word(name + "=" + value);
      }
      builds.push_back({{"command", line + " " + shell_word(build.context)}});
    }
    return nlohmann::json{{"name", entry},
                          {"image", image},
                          {"has_command", !command.empty()},
                          {"command", with_last(std::move(command))},
                          {"has_environment", !environment.empty()},
                          {"environment", with_last(std::move(environment))},
                          {"has_depends_on", !depends.empty()},
                          {"depends_on", with_last(std::move(depends))}};
  };
  nlohmann::json services = nlohmann::json::array();
  for (const auto& service : model.services) {
    nlohmann::json entry = workload(service.name, service.name, service.image, service.command,
                                    service.env, service.secrets, service.depends_on);
    const bool published = service.port && service.exposure == Exposure::public_;
    entry.update({{"published", published},
                  {"port", service.port.value_or(0)},
                  {"local_port", published ? local_port(*service.port) : 0},
                  {"job", false}});
    add_local_mounts(service.volumes, entry);
    services.push_back(std::move(entry));
  }
  // Scheduled jobs, in profile "jobs": `docker compose run --rm job-<name>` runs one, `up`
  // leaves them out.
  bool has_jobs = false;
  for (const auto& job : model.jobs) {
    if (!job.schedule) continue;
    has_jobs = true;
    nlohmann::json entry = workload("job-" + job.name, "job-" + job.name, job.image, job.command,
                                    job.env, job.secrets, {});
    entry.update({{"published", false}, {"port", 0}, {"local_port", 0}, {"job", true}});
    add_local_mounts(job.volumes, entry);
    services.push_back(std::move(entry));
  }
  nlohmann::json data_stores = nlohmann::json::array();
  for (const auto& database : model.databases) {
    data_stores.push_back(database_container(database, database_password(database)));
    data_stores.back()["name"] = containers.database(database.name);
  }
  for (const auto& cache : model.caches) {
    data_stores.push_back(cache_container(cache));
    data_stores.back()["name"] = containers.cache(cache.name);
  }
  for (auto& store : data_stores) {
    store["has_environment"] = !store["environment"].empty();
    store["volume"] = store["name"].get<std::string>() + "-data";
  }
  nlohmann::json shared_volumes = nlohmann::json::array();
  for (const auto& volume : model.volumes) {
    shared_volumes.push_back({{"volume", local_volume_name(volume.name)}});
  }
  const bool named_volumes = !data_stores.empty() || !shared_volumes.empty();
  return {{"services", with_last(std::move(services))},
          {"shared_volumes", with_last(std::move(shared_volumes))},
          {"has_named_volumes", named_volumes},
          {"data_stores", with_last(std::move(data_stores))},
          {"has_data_stores", !model.databases.empty() || !model.caches.empty()},
          {"has_builds", !builds.empty()},
          {"has_jobs", has_jobs},
          {"builds", with_last(std::move(builds))}};
}

}  // namespace infragen
