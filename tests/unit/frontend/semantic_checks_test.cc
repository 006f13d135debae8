// Checks beyond the schema, each with its exact message and position.
#include <gtest/gtest.h>

#include "load_helper.h"

namespace infragen {
namespace {

using testing::kHeader;
using testing::load_text;

// A manifest that passes every check; tests append or change single lines of it.
const std::string kBase = kHeader +
                          "databases:\n"
                          "  db: {engine: postgres, version: \"15\"}\n"  // line 5
                          "caches:\n"
                          "  redis: {}\n"  // line 7
                          "buckets:\n"
                          "  uploads: {}\n"  // line 9
                          "secrets:\n"
                          "  api-key: {}\n"  // line 11
                          "services:\n"
                          "  web:\n"  // line 13
                          "    image: nginx\n"
                          "    port: 80\n"
                          "    expose: public\n";  // line 16

std::string first_line(const std::string& printed) { return printed.substr(0, printed.find('\n')); }

TEST(SemanticChecks, BaseIsValid) {
  auto result = load_text(kBase);
  EXPECT_TRUE(result.manifest);
  EXPECT_EQ(result.printed, "");
}

TEST(SemanticChecks, ReferencesResolve) {
  auto result = load_text(kBase +
                          "    env:\n"
                          "      A: \"${databases.db.host}:${databases.db.port}\"\n"
                          "      B: \"${caches.redis.host}\"\n"
                          "      C: \"${buckets.uploads.name}\"\n"
                          "      D: \"${services.web.url}\"\n"
                          "      E: 42\n");
  EXPECT_EQ(result.printed, "");
}

TEST(SemanticChecks, UnknownReferenceKindNameAttribute) {
  auto kind = load_text(kBase + "    env: {A: \"${cache.redis.host}\"}\n");
  EXPECT_EQ(kind.printed,
            "app.yaml:17:15: error: unknown reference kind 'cache' in '${cache.redis.host}'\n"
            "    env: {A: \"${cache.redis.host}\"}\n"
            "              ^~~~~~~~~~~~~~~~~~~\n"
            "  hint: did you mean 'caches'?\n"
            "1 error generated.\n");
  auto name = load_text(kBase + "    env: {A: \"x=${databases.bd.user}\"}\n");
  EXPECT_EQ(first_line(name.printed),
            "app.yaml:17:17: error: unknown database 'bd' in '${databases.bd.user}'");
  EXPECT_NE(name.printed.find("  hint: did you mean 'db'?\n"), std::string::npos);
  auto attribute = load_text(kBase + "    env: {A: \"${caches.redis.url}\"}\n");
  EXPECT_EQ(first_line(attribute.printed),
            "app.yaml:17:15: error: unknown attribute 'url' in '${caches.redis.url}'");
  EXPECT_NE(attribute.printed.find("  hint: a cache has 'host' and 'port'\n"), std::string::npos);
}

TEST(SemanticChecks, MalformedReferences) {
  auto unclosed = load_text(kBase + "    env: {A: \"${databases.db.host\"}\n");
  EXPECT_EQ(first_line(unclosed.printed),
            "app.yaml:17:15: error: malformed reference '${databases.db.host' in 'A': missing '}'");
  auto parts = load_text(kBase + "    env: {A: \"${db.host}\"}\n");
  EXPECT_EQ(first_line(parts.printed),
            "app.yaml:17:15: error: malformed reference '${db.host}' in 'A'");
}

TEST(SemanticChecks, ServiceUrlNeedsPortAndExposure) {
  auto result = load_text(kBase +
                          "    env: {W: \"${services.worker.url}\"}\n"
                          "  worker: {image: w, expose: none}\n");
  EXPECT_EQ(result.printed,
            "app.yaml:17:15: error: '${services.worker.url}' refers to service 'worker', which has "
            "no URL\n"
            "    env: {W: \"${services.worker.url}\"}\n"
            "              ^~~~~~~~~~~~~~~~~~~~~~\n"
            "  hint: a URL needs a 'port' and 'expose: public' or 'expose: private'; it has no "
            "'port'\n"
            "1 error generated.\n");
}

TEST(SemanticChecks, SecretsResolve) {
  auto good = load_text(kBase + "    secrets: {PG: databases.db.password, KEY: api-key}\n");
  EXPECT_EQ(good.printed, "");
  auto database = load_text(kBase + "    secrets: {PG: databases.pg.password}\n");
  EXPECT_EQ(first_line(database.printed),
            "app.yaml:17:19: error: unknown database 'pg' in secret 'databases.pg.password'");
  auto secret = load_text(kBase + "    secrets: {KEY: api-keys}\n");
  EXPECT_EQ(first_line(secret.printed),
            "app.yaml:17:20: error: unknown secret 'api-keys' in 'secrets' of service 'web'");
  EXPECT_NE(secret.printed.find("  hint: did you mean 'api-key'?\n"), std::string::npos);
  auto job = load_text(kBase +
                       "jobs:\n  nightly:\n    image: j\n    schedule: rate(1 day)\n"
                       "    secrets: {KEY: token}\n");
  EXPECT_EQ(first_line(job.printed),
            "app.yaml:21:20: error: unknown secret 'token' in 'secrets' of job 'nightly'");
  EXPECT_NE(job.printed.find("  hint: known secrets: api-key\n"), std::string::npos);
}

TEST(SemanticChecks, VariableInEnvAndSecrets) {
  auto result = load_text(kBase + "    env: {PG: x}\n    secrets: {PG: databases.db.password}\n");
  EXPECT_EQ(first_line(result.printed),
            "app.yaml:18:15: error: 'PG' is set in both 'env' and 'secrets' of service 'web'");
}

TEST(SemanticChecks, DependsOn) {
  auto unknown = load_text(kBase + "    depends_on: [db, rediss]\n");
  EXPECT_EQ(first_line(unknown.printed),
            "app.yaml:17:22: error: unknown dependency 'rediss' of service 'web'");
  EXPECT_NE(unknown.printed.find("  hint: did you mean 'redis'?\n"), std::string::npos);
  auto self = load_text(kBase + "    depends_on: [web]\n");
  EXPECT_EQ(first_line(self.printed), "app.yaml:17:18: error: service 'web' depends on itself");
}

TEST(SemanticChecks, DependencyCycleReportedOnceAtTheFirstEdge) {
  auto result = load_text(kBase +
                          "    depends_on: [api]\n"
                          "  api: {image: a, port: 8080, depends_on: [db, jobs]}\n"
                          "  jobs: {image: b, port: 8080, depends_on: [web]}\n");
  EXPECT_EQ(result.printed,
            "app.yaml:17:18: error: dependency cycle: web -> api -> jobs -> web\n"
            "    depends_on: [api]\n"
            "                 ^~~\n"
            "  hint: services cannot start before each other; remove one of these dependencies\n"
            "1 error generated.\n");
}

TEST(SemanticChecks, ExposureNeedsPort) {
  auto result = load_text(
      kBase + "  api: {image: a}\n  admin: {image: b, expose: public, route: {path: /a}}\n");
  EXPECT_EQ(result.printed,
            "app.yaml:17:3: error: service 'api' is 'expose: private' but has no 'port'\n"
            "  api: {image: a}\n"
            "  ^~~\n"
            "  hint: services are 'expose: private' unless they say otherwise; add a 'port' or "
            "'expose: none'\n"
            "app.yaml:18:29: error: service 'admin' is 'expose: public' but has no 'port'\n"
            "  admin: {image: b, expose: public, route: {path: /a}}\n"
            "                            ^~~~~~\n"
            "  hint: add the port it listens on, or use 'expose: none'\n"
            "2 errors generated.\n");
}

TEST(SemanticChecks, RouteNeedsPublic) {
  auto result = load_text(kBase + "  api: {image: a, port: 80, route: {path: /api}}\n");
  EXPECT_EQ(first_line(result.printed),
            "app.yaml:17:29: error: service 'api' has a 'route' but is 'expose: private'");
}

TEST(SemanticChecks, LoadBalancerClashes) {
  auto no_routes = load_text(kBase + "  api: {image: a, port: 80, expose: public}\n");
  EXPECT_EQ(first_line(no_routes.printed),
            "app.yaml:17:3: error: public services 'web' and 'api' both have no 'route' on the "
            "shared load balancer");
  auto same = load_text(kBase +
                        "    route: {path: /api}\n"
                        "  api: {image: a, port: 80, expose: public, route: {path: /api/}}\n");
  EXPECT_EQ(first_line(same.printed),
            "app.yaml:18:45: error: service 'api' has the same route as service 'web' on the "
            "shared load balancer");
  EXPECT_NE(same.printed.find("  hint: both take path '/api' on every host\n"), std::string::npos);
  auto hosts = load_text(kBase +
                         "    route: {host: a.example.com}\n"
                         "  api: {image: a, port: 80, expose: public, route: {host: "
                         "b.example.com}}\n");
  EXPECT_EQ(hosts.printed, "");
}

TEST(SemanticChecks, DomainNeedsAPublicService) {
  auto result = load_text(kBase + "    expose: private\n" +
                          "domain: {name: shop.example.com, zone: example.com}\n");
  // (the duplicate 'expose' key is reported by the loader, so build the manifest cleanly)
  auto clean = load_text(kHeader +
                         "domain: {name: shop.example.com, zone: example.com}\n"
                         "services:\n  web: {image: x, port: 80}\n");
  EXPECT_EQ(first_line(clean.printed),
            "app.yaml:4:1: error: 'domain' needs at least one service with 'expose: public'");
  EXPECT_FALSE(result.manifest);
}

TEST(SemanticChecks, AutoscaleBoundsAndReplicas) {
  auto bounds = load_text(kBase + "    autoscale: {min: 4, max: 2, cpu: 60}\n");
  EXPECT_EQ(first_line(bounds.printed),
            "app.yaml:17:22: error: 'autoscale' of service 'web' has 'min' 4 above 'max' 2");
  auto replicas =
      load_text(kBase + "    replicas: 12\n    autoscale: {min: 2, max: 10, cpu: 60}\n");
  EXPECT_EQ(first_line(replicas.printed),
            "app.yaml:17:15: error: 'replicas' of service 'web' is 12, outside its autoscale range "
            "2-10");
  // The default replica count is not the user's statement, so it is not held against them.
  auto defaulted = load_text(kBase + "    autoscale: {min: 2, max: 10, cpu: 60}\n");
  EXPECT_EQ(defaulted.printed, "");
}

TEST(SemanticChecks, JobTriggerBucket) {
  auto result =
      load_text(kBase + "jobs:\n  ingest:\n    image: j\n    trigger: {bucket: upload}\n");
  EXPECT_EQ(first_line(result.printed),
            "app.yaml:20:23: error: unknown bucket 'upload' in the trigger of job 'ingest'");
  EXPECT_NE(result.printed.find("  hint: did you mean 'uploads'?\n"), std::string::npos);
}

TEST(SemanticChecks, ExistingNetworkWithCidr) {
  const std::string existing =
      "network:\n  existing:\n    vpc_id: vpc-0123abcd\n    public_subnets: [subnet-0123abcd]\n"
      "    private_subnets: [subnet-4567abcd]\n";
  EXPECT_EQ(load_text(kBase + existing).printed, "");
  auto result = load_text(kBase + existing + "  cidr: 10.0.0.0/16\n");
  EXPECT_EQ(first_line(result.printed),
            "app.yaml:22:3: error: 'network' has both 'existing' and 'cidr'");
}

TEST(SemanticChecks, ExistingNetworkInAnEnvironment) {
  const std::string existing =
      "      existing: {vpc_id: vpc-0123abcd, public_subnets: [subnet-0123abcd], "
      "private_subnets: [subnet-4567abcd]}\n";
  // The base range is for the other environments; prod switching to its VPC is fine.
  auto replaced = load_text(kBase + "network: {cidr: 10.1.0.0/16}\n" +
                            "environments:\n  dev: {}\n  prod:\n    network:\n" + existing);
  EXPECT_EQ(replaced.printed, "");
  auto both = load_text(kBase + "environments:\n  prod:\n    network:\n" + existing +
                        "      cidr: 10.1.0.0/16\n");
  EXPECT_EQ(first_line(both.printed),
            "app.yaml:21:7: error: 'network' has both 'existing' and 'cidr'");
  auto on_existing_base = load_text(kBase + "network:\n" + existing.substr(4) +
                                    "environments:\n  prod:\n    network: {cidr: 10.1.0.0/16}\n");
  EXPECT_EQ(first_line(on_existing_base.printed),
            "app.yaml:21:15: error: 'network' has both 'existing' and 'cidr'");
}

TEST(SemanticChecks, DomainInsideItsZone) {
  const std::string domain = "domain: {name: shop.example.org, zone: example.com}\n";
  auto result = load_text(kBase + domain);
  EXPECT_EQ(first_line(result.printed),
            "app.yaml:17:16: error: domain 'shop.example.org' is not inside its hosted zone "
            "'example.com'");
  EXPECT_EQ(load_text(kBase + "domain: {name: example.com, zone: example.com}\n").printed, "");
  // "badexample.com" ends with the zone's text but is not in the zone.
  EXPECT_NE(load_text(kBase + "domain: {name: badexample.com, zone: example.com}\n").printed, "");
}

TEST(SemanticChecks, HealthTimeoutBelowInterval) {
  auto written = load_text(kBase + "    health: {interval: 10, timeout: 10}\n");
  EXPECT_EQ(first_line(written.printed),
            "app.yaml:17:37: error: the health check of service 'web' has 'timeout' 10 not below "
            "its 'interval' 10");
  // Against the default interval (30), a long timeout is blamed.
  auto defaulted = load_text(kBase + "    health: {timeout: 60}\n");
  EXPECT_EQ(first_line(defaulted.printed),
            "app.yaml:17:23: error: the health check of service 'web' has 'timeout' 60 not below "
            "its 'interval' 30");
}

TEST(SemanticChecks, BackupWindowLength) {
  const std::string header =
      kHeader + "databases:\n  db:\n    engine: mysql\n    version: \"8.0\"\n";
  auto short_window = load_text(header + "    backup: {window: \"03:00-03:15\"}\n");
  EXPECT_EQ(first_line(short_window.printed),
            "app.yaml:8:22: error: the backup window of database 'db' lasts 15 minutes; it needs "
            "at least 30");
  EXPECT_EQ(load_text(header + "    backup: {window: \"23:45-00:30\"}\n").printed, "");
}

}  // namespace
}  // namespace infragen
