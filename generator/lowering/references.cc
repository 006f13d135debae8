#include "lowering/references.h"

#include "lowering/compose_groups.h"
#include "lowering/data_host.h"
#include "lowering/listener_rules.h"
#include "lowering/logical_ids.h"
#include "lowering/view_network.h"

namespace infragen {

namespace {

// `unmanaged`: a container on ec2-compose's data host, reached at its fixed address on the port
// it publishes there; its name and user are the manifest's.
nlohmann::json database_context(const AppModel& model, const DatabaseModel& database) {
  const bool unmanaged = !database.managed;
  return {{"name", database.name},
          {"resource", resource_identifier(database.name)},
          {"aurora", database.is_aurora()},
          {"engine", database.engine},
          {"unmanaged", unmanaged},
          {"database_name", database.database_name},
          {"username", database.username},
          {"port", unmanaged ? data_host_ports(model).at("databases." + database.name)
                             : database_port(database)}};
}

}  // namespace

std::string url_path(const ServiceModel& service) {
  if (!service.route || service.route->path.empty() || service.route->path == "/") return "";
  std::string path = path_patterns_for(service.route->path).front();
  // A wildcard path has no single URL: the service's URL is the load balancer's.
  return path.find_first_of("*?") == std::string::npos ? path : "";
}

int database_port(const DatabaseModel& database) { return database.is_postgres() ? 5432 : 3306; }

int cache_port(const CacheModel& cache) {
  (void)cache;  // redis and valkey share the port
  return 6379;
}

nlohmann::json resolve_reference(const LoweringContext& context, const Reference& reference,
                                 const SourceLocation& where) {
  const AppModel& model = context.base();
  const std::string what = "${" + reference.text() + "}";
  const std::string kind = reference.kind + "." + reference.attribute;
  nlohmann::json snippet_context;
  if (reference.kind == "databases") {
    const DatabaseModel* database = model.find_database(reference.name);
    if (database) snippet_context = database_context(model, *database);
  } else if (reference.kind == "caches") {
    const CacheModel* cache = model.find_cache(reference.name);
    if (cache) {
      snippet_context = {
          {"name", cache->name},
          {"resource", resource_identifier(cache->name)},
          {"unmanaged", !cache->managed},
          {"port", cache->managed ? cache_port(*cache)
                                  : data_host_ports(model).at("caches." + cache->name)}};
    }
  } else if (reference.kind == "buckets") {
    if (model.find_bucket(reference.name)) {
      snippet_context = {{"name", reference.name},
                         {"resource", resource_identifier(reference.name)}};
    }
  } else if (reference.kind == "services") {
    const ServiceModel* service = model.find_service(reference.name);
    if (service && (!service->port || service->exposure == Exposure::none)) {
      context.diagnostics.error(where,
                                "service '" + service->name + "' has no URL: it takes no " +
                                    "inbound traffic (expose: none)",
                                "give it a port and `expose: public` or `expose: private`");
      return nullptr;
    }
    if (service) {
      // A route's host names the service, unless it is a wildcard; else the load balancer does.
      std::string host = service->route ? service->route->host : "";
      if (host.find('*') != std::string::npos) host.clear();
      nlohmann::json balancer = balancer_of(context, service->name);
      snippet_context = {
          {"name", service->name},
          {"resource", resource_identifier(service->name)},
          {"port", *service->port},
          // Where the internal network load balancer of ec2-compose listens.
          {"internal_port", internal_listener(context, service->name).port},
          {"internal_balancer",
           internal_balancer_name(internal_listener(context, service->name).balancer)},
          {"internal_balancer_id",
           logical_id(internal_balancer_name(internal_listener(context, service->name).balancer))},
          {"public", service->exposure == Exposure::public_},
          {"private", service->exposure == Exposure::private_},
          {"https", model.domain.has_value()},
          {"path", url_path(*service)},
          {"has_host", !host.empty()},
          {"host", host},
          {"balancer", balancer["tf"]},
          // With a domain the URL is the domain's, whose name is the first's.
          {"balancer_id_suffix", model.domain ? "" : balancer["id_suffix"]}};
    }
  }
  if (snippet_context.is_null()) {
    context.diagnostics.error(where, "internal error: unresolved reference " + what);
    return nullptr;
  }
  return context.references.render_all(kind, snippet_context, what, where, context.diagnostics);
}

nlohmann::json resolve_secret(const LoweringContext& context, const SecretBinding& binding,
                              bool arn) {
  const SourceLocation& where = binding.origin.location;
  if (binding.source == SecretBinding::Source::database_password) {
    const DatabaseModel* database = context.base().find_database(binding.target);
    if (!database) {
      context.diagnostics.error(where, "internal error: unknown database '" + binding.target + "'");
      return nullptr;
    }
    return context.references.render_all(arn ? "databases.password_arn" : "databases.password",
                                         database_context(context.base(), *database),
                                         "the password of database '" + binding.target + "'", where,
                                         context.diagnostics);
  }
  nlohmann::json snippet_context = {{"name", binding.target},
                                    {"resource", resource_identifier(binding.target)}};
  return context.references.render_all(arn ? "secrets.arn" : "secrets.value", snippet_context,
                                       "secret '" + binding.target + "'", where,
                                       context.diagnostics);
}

nlohmann::json resolve_bucket_arn(const LoweringContext& context, const std::string& bucket,
                                  bool objects, const SourceLocation& where) {
  nlohmann::json snippet_context = {{"name", bucket}, {"resource", resource_identifier(bucket)}};
  return context.references.render_all(objects ? "buckets.objects_arn" : "buckets.arn",
                                       snippet_context, "the ARN of bucket '" + bucket + "'", where,
                                       context.diagnostics);
}

nlohmann::json resolve_volume(const LoweringContext& context, const std::string& volume,
                              const std::string& attribute, const SourceLocation& where) {
  nlohmann::json snippet_context = {{"name", volume}, {"resource", resource_identifier(volume)}};
  return context.references.render_all("volumes." + attribute, snippet_context,
                                       "the " + attribute + " of volume '" + volume + "'", where,
                                       context.diagnostics);
}

}  // namespace infragen
