#include "model/model.h"

#include <gtest/gtest.h>

#include "frontend/json_pointer.h"

namespace infragen {
namespace {

using nlohmann::json;

// Gives every value of `value` a distinct fake line (in document order), so tests can tell
// which pointer a location came from.
void index_locations(const json& value, const std::string& pointer, Document& document, int& line) {
  document.value_locations[pointer] = SourceLocation{document.file, ++line, 3, 1};
  if (value.is_object()) {
    for (const auto& [key, child] : value.items()) {
      document.key_locations[child_pointer(pointer, key)] =
          SourceLocation{document.file, line + 1, 1, static_cast<int>(key.size())};
      index_locations(child, child_pointer(pointer, key), document, line);
    }
  }
}

int line_of(const Document& document, const std::string& pointer) {
  return document.value_locations.at(pointer).line;
}

// A complete service as the front end hands it over (schema defaults filled in).
json full_service(json overrides) {
  json service = {{"image", "nginx:1.27"},
                  {"port", 80},
                  {"expose", "public"},
                  {"health",
                   {{"path", "/"},
                    {"grace", 60},
                    {"interval", 30},
                    {"timeout", 5},
                    {"healthy_threshold", 3},
                    {"unhealthy_threshold", 3}}},
                  {"cpu", 256},
                  {"memory", 512},
                  {"replicas", 1},
                  {"spot", false}};
  service.merge_patch(overrides);
  return service;
}

json full_manifest() {
  return {
      {"apiVersion", "infragen/v1"},
      {"name", "voting"},
      {"region", "eu-central-1"},
      {"tags", {{"team", "platform"}}},
      {"network", {{"cidr", "10.20.0.0/16"}, {"zones", 2}, {"nat", "single"}}},
      {"services",
       {{"vote", full_service({{"route", {{"path", "/"}}},
                               {"env",
                                {{"REDIS_HOST", "${caches.redis.host}"},
                                 {"OPTION_A", "Cats"},
                                 {"URL", "redis://${caches.redis.host}:${caches.redis.port}/0"},
                                 {"DEBUG", true}}},
                               {"depends_on", {"redis"}}})},
        {"worker",
         full_service(
             {{"expose", "none"},
              {"port", nullptr},
              {"secrets", {{"PG_PASSWORD", "databases.db.password"}, {"API_KEY", "api-key"}}}})}}},
      {"databases",
       {{"orders-db",
         {{"engine", "postgres"},
          {"version", "15"},
          {"size", "small"},
          {"storage", 20},
          {"multi_zone", false},
          {"read_replicas", 0},
          {"backup", {{"retention_days", 7}}},
          {"user", "app"},
          {"managed", true}}}}},
      {"caches",
       {{"redis",
         {{"engine", "redis"},
          {"version", "7.1"},
          {"size", "small"},
          {"nodes", 1},
          {"managed", true}}}}},
      {"secrets", {{"api-key", {{"description", "Third-party API key"}}}}},
      {"buckets", {{"uploads", {{"expire_days", 14}, {"versioning", false}}}}},
      {"jobs",
       {{"stats",
         {{"image", "myorg/app:latest"},
          {"command", {"bundle", "exec", "rake", "stats"}},
          {"schedule", "cron(0 6 ? * MON *)"},
          {"compute",
           {{"vcpus", 0.5},
            {"memory", 1024},
            {"max_vcpus", 16},
            {"min_vcpus", 0},
            {"gpu", 0},
            {"spot", false}}},
          {"timeout", 3600},
          {"retries", 1}}}}},
      {"observability",
       {{"log_retention_days", 30},
        {"alarms",
         {{"email", "ops@example.com"},
          {"cpu_high", 80},
          {"memory_high", 80},
          {"http_5xx", 10}}}}}};
}

struct Fixture {
  CheckedManifest manifest;

  // `written` is the manifest as the user wrote it (for source locations), `environments` the
  // resolved manifest of each environment.
  Fixture(const json& written, std::vector<std::pair<std::string, json>> environments) {
    manifest.document.file = std::make_shared<SourceFile>("app.yaml", "");
    manifest.document.root = written;
    int line = 0;
    index_locations(written, "", manifest.document, line);
    for (auto& [name, resolved] : environments) {
      EnvironmentManifest environment;
      environment.name = name;
      environment.manifest = resolved;
      if (written.contains("environments") && written["environments"].contains(name) &&
          written["environments"][name].contains("schedule")) {
        environment.schedule = written["environments"][name]["schedule"];
      }
      manifest.environments.push_back(std::move(environment));
    }
  }
};

// A group's capacity is its own fields over those of `instances`; unwritten counts stay unset
// (the target derives them), spot and disk have their defaults.
TEST(Model, InstanceGroupsInheritTheCapacityTheyDoNotSet) {
  json manifest = full_manifest();
  manifest["instances"] = {{"type", "t3.medium"},
                           {"max", 6},
                           {"spot", true},
                           {"groups",
                            {{"front", {{"services", {"vote"}}, {"min", 2}, {"disk", 50}}},
                             {"back", {{"services", {"worker"}}, {"type", "m6i.large"}}}}}};
  Fixture fixture(manifest, {{"default", manifest}});
  Diagnostics diagnostics;
  auto models = build_models(fixture.manifest, diagnostics);
  ASSERT_FALSE(diagnostics.has_errors());
  ASSERT_TRUE(models[0].instances.has_value());
  const InstancesModel& instances = *models[0].instances;
  EXPECT_EQ(instances.capacity.type, "t3.medium");
  EXPECT_FALSE(instances.capacity.min.has_value());
  EXPECT_EQ(instances.capacity.max, 6);
  EXPECT_EQ(instances.capacity.disk, 30);
  ASSERT_EQ(instances.groups.size(), 2u);
  const InstanceGroup& back = instances.groups[0];  // by name
  EXPECT_EQ(back.name, "back");
  EXPECT_EQ(back.services, std::vector<std::string>{"worker"});
  EXPECT_EQ(back.capacity.type, "m6i.large");
  EXPECT_EQ(back.capacity.max, 6);
  EXPECT_TRUE(back.capacity.spot);
  const InstanceGroup& front = instances.groups[1];
  EXPECT_EQ(front.capacity.type, "t3.medium");
  EXPECT_EQ(front.capacity.min, 2);
  EXPECT_EQ(front.capacity.disk, 50);
  EXPECT_EQ(front.capacity.origin.pointer, "/instances/groups/front");
}

TEST(Model, NoInstancesSectionNoInstances) {
  Fixture fixture(full_manifest(), {{"default", full_manifest()}});
  Diagnostics diagnostics;
  auto models = build_models(fixture.manifest, diagnostics);
  EXPECT_FALSE(models[0].instances.has_value());
}

TEST(Model, OneModelPerEnvironmentInManifestOrder) {
  json written = full_manifest();
  written["environments"] = {{"prod", {{"services", {{"vote", {{"replicas", 3}}}}}}},
                             {"dev", {{"services", {{"vote", {{"replicas", 1}}}}}}}};
  json prod = full_manifest();
  prod["services"]["vote"]["replicas"] = 3;
  Fixture fixture(written, {{"prod", prod}, {"dev", full_manifest()}});
  Diagnostics diagnostics;
  auto models = build_models(fixture.manifest, diagnostics);
  ASSERT_FALSE(diagnostics.has_errors());
  ASSERT_EQ(models.size(), 2u);
  EXPECT_EQ(models[0].environment, "prod");
  EXPECT_EQ(models[1].environment, "dev");
  EXPECT_EQ(models[0].app, "voting");
  EXPECT_EQ(models[0].region, "eu-central-1");
  EXPECT_EQ(models[0].find_service("vote")->replicas, 3);
  EXPECT_EQ(models[1].find_service("vote")->replicas, 1);
}

TEST(Model, ReadsServicesWithEnvReferencesAndSecrets) {
  Fixture fixture(full_manifest(), {{"default", full_manifest()}});
  Diagnostics diagnostics;
  auto models = build_models(fixture.manifest, diagnostics);
  ASSERT_EQ(models.size(), 1u);
  const AppModel& model = models[0];
  ASSERT_EQ(model.services.size(), 2u);
  const ServiceModel& vote = *model.find_service("vote");
  EXPECT_EQ(vote.exposure, Exposure::public_);
  EXPECT_EQ(vote.port, 80);
  ASSERT_TRUE(vote.route);
  EXPECT_EQ(vote.route->path, "/");
  ASSERT_TRUE(vote.health);
  EXPECT_EQ(vote.health->grace_seconds, 60);
  ASSERT_EQ(vote.env.size(), 4u);
  EXPECT_EQ(vote.env[0].name, "DEBUG");
  EXPECT_EQ(vote.env[0].raw, "true");
  EXPECT_FALSE(vote.env[0].has_references());
  EXPECT_EQ(vote.env[2].name, "REDIS_HOST");
  EXPECT_TRUE(vote.env[2].is_single_reference());
  EXPECT_EQ(vote.env[2].parts[0].reference->text(), "caches.redis.host");
  const EnvVar& url = vote.env[3];
  ASSERT_EQ(url.parts.size(), 5u);
  EXPECT_EQ(url.parts[0].text, "redis://");
  EXPECT_EQ(url.parts[1].reference->attribute, "host");
  EXPECT_EQ(url.parts[2].text, ":");
  EXPECT_EQ(url.parts[3].reference->attribute, "port");
  EXPECT_EQ(url.parts[4].text, "/0");
  EXPECT_EQ(vote.depends_on, std::vector<std::string>{"redis"});

  const ServiceModel& worker = *model.find_service("worker");
  EXPECT_EQ(worker.exposure, Exposure::none);
  EXPECT_FALSE(worker.port);
  EXPECT_FALSE(worker.health) << "a service without a port has nothing to probe";
  ASSERT_EQ(worker.secrets.size(), 2u);
  EXPECT_EQ(worker.secrets[0].variable, "API_KEY");
  EXPECT_EQ(worker.secrets[0].source, SecretBinding::Source::named_secret);
  EXPECT_EQ(worker.secrets[0].target, "api-key");
  EXPECT_EQ(worker.secrets[1].source, SecretBinding::Source::database_password);
  EXPECT_EQ(worker.secrets[1].target, "db");
}

TEST(Model, ReadsDataStoresJobsAndObservability) {
  Fixture fixture(full_manifest(), {{"default", full_manifest()}});
  Diagnostics diagnostics;
  const AppModel model = build_models(fixture.manifest, diagnostics).at(0);
  const DatabaseModel& db = *model.find_database("orders-db");
  EXPECT_EQ(db.database_name, "orders_db") << "derived from the key when `name` is absent";
  EXPECT_EQ(db.username, "app");
  EXPECT_FALSE(db.is_aurora());
  EXPECT_TRUE(db.is_postgres());
  EXPECT_EQ(model.find_cache("redis")->nodes, 1);
  EXPECT_EQ(model.find_bucket("uploads")->expire_days, 14);
  EXPECT_EQ(model.find_secret("api-key")->description, "Third-party API key");
  const JobModel& stats = *model.find_job("stats");
  EXPECT_EQ(stats.schedule, "cron(0 6 ? * MON *)");
  EXPECT_DOUBLE_EQ(stats.compute.vcpus, 0.5);
  EXPECT_EQ(stats.command.size(), 4u);
  ASSERT_TRUE(model.observability.alarms);
  EXPECT_EQ(model.observability.alarms->email, "ops@example.com");
  EXPECT_EQ(model.network.nat, NatMode::single);
  EXPECT_EQ(model.tags.at("team"), "platform");
}

TEST(Model, LocatesNamedThingsInTheOverlayWhenItSetsThem) {
  json written = full_manifest();
  written["environments"] = {{"dev", {{"services", {{"vote", {{"autoscale", nullptr}}}}}}}};
  json dev = full_manifest();
  Fixture fixture(written, {{"dev", dev}});
  Diagnostics diagnostics;
  const AppModel model = build_models(fixture.manifest, diagnostics).at(0);
  const Document& document = fixture.manifest.document;
  EXPECT_EQ(model.find_service("worker")->origin.location.line,
            line_of(document, "/services/worker"));
  EXPECT_EQ(model.find_service("vote")->origin.location.line,
            line_of(document, "/environments/dev/services/vote"));
  EXPECT_EQ(model.find_service("vote")->origin.pointer, "/services/vote");
  EXPECT_EQ(model.locate("/services/vote/port").line, line_of(document, "/services/vote/port"));
  EXPECT_TRUE(model.written("/services/vote/port"));
  EXPECT_TRUE(model.written("/services/vote/autoscale"));
}

TEST(Model, DefaultsAreNotMistakenForWrittenValues) {
  json written = full_manifest();
  written["jobs"]["stats"]["compute"].erase("max_vcpus");
  Fixture fixture(written, {{"default", full_manifest()}});
  Diagnostics diagnostics;
  const AppModel model = build_models(fixture.manifest, diagnostics).at(0);
  EXPECT_EQ(model.find_job("stats")->compute.max_vcpus, 16);
  EXPECT_FALSE(model.written("/jobs/stats/compute/max_vcpus"));
  EXPECT_TRUE(model.written("/jobs/stats/compute/vcpus"));
}

TEST(Model, ScheduleOfAnEnvironmentIsRead) {
  json written = full_manifest();
  written["environments"] = {
      {"dev",
       {{"schedule",
         {{"stop", "cron(0 20 ? * MON-FRI *)"}, {"start", "cron(0 7 ? * MON-FRI *)"}}}}},
      {"prod", json::object()}};
  Fixture fixture(written, {{"dev", full_manifest()}, {"prod", full_manifest()}});
  Diagnostics diagnostics;
  auto models = build_models(fixture.manifest, diagnostics);
  ASSERT_TRUE(models[0].schedule);
  EXPECT_EQ(models[0].schedule->stop, "cron(0 20 ? * MON-FRI *)");
  EXPECT_FALSE(models[1].schedule);
}

TEST(Model, AMissingRequiredValueIsAnInternalErrorAtItsPointer) {
  json broken = full_manifest();
  broken["services"]["vote"].erase("cpu");
  Fixture fixture(full_manifest(), {{"default", broken}});
  Diagnostics diagnostics;
  auto models = build_models(fixture.manifest, diagnostics);
  EXPECT_TRUE(models.empty());
  ASSERT_EQ(diagnostics.all().size(), 1u);
  EXPECT_EQ(diagnostics.all()[0].message,
            "internal error: checked manifest has no integer at '/services/vote/cpu'");
  EXPECT_EQ(diagnostics.all()[0].location.line,
            line_of(fixture.manifest.document, "/services/vote/cpu"));
}

TEST(Model, RemovedEntriesAreAbsent) {
  json dev = full_manifest();
  dev["services"]["worker"] = nullptr;
  Fixture fixture(full_manifest(), {{"default", dev}});
  Diagnostics diagnostics;
  const AppModel model = build_models(fixture.manifest, diagnostics).at(0);
  EXPECT_EQ(model.services.size(), 1u);
  EXPECT_EQ(model.find_service("worker"), nullptr);
}

}  // namespace
}  // namespace infragen
