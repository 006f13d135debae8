// AppModel: one environment of a checked manifest as typed C++ structs, with source locations.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "diagnostics/diagnostics.h"
#include "frontend/manifest.h"

namespace infragen {

// Where a named part of the manifest was written: its JSON pointer ("/services/vote") and the
// line:col of its value, so later stages can report "target X cannot carry Y" at the right line.
struct Origin {
  std::string pointer;
  SourceLocation location;
};

enum class NatMode { single, per_zone, none };

// An existing VPC given by ids instead of one infragen creates.
struct ExistingNetwork {
  std::string vpc_id;
  std::vector<std::string> public_subnets;
  std::vector<std::string> private_subnets;
};

struct NetworkModel {
  std::string cidr;
  int zones = 2;
  NatMode nat = NatMode::single;
  std::optional<ExistingNetwork> existing;
  Origin origin;
};

struct DomainModel {
  std::string name;  // the host name the public load balancer answers to
  std::string zone;  // Route 53 hosted zone, looked up by name
  Origin origin;
};

// A `${kind.name.attribute}` reference inside an env value, e.g. databases.db.host.
struct Reference {
  std::string kind;  // databases | caches | services | buckets
  std::string name;
  std::string attribute;

  std::string text() const { return kind + "." + name + "." + attribute; }
};

// An env value split into literal text and references, in order.
struct EnvValuePart {
  std::string text;  // literal text (when reference is empty)
  std::optional<Reference> reference;
};

struct EnvVar {
  std::string name;
  std::string raw;  // the value as written (after overlays)
  std::vector<EnvValuePart> parts;
  Origin origin;

  bool has_references() const;
  bool is_single_reference() const { return parts.size() == 1 && parts[0].reference.has_value(); }
};

// A `secrets:` entry: an env var filled from a secret store, never from a value.
struct SecretBinding {
  enum class Source { database_password, named_secret };
  std::string variable;
  Source source = Source::named_secret;
  std::string target;  // database name or secret name
  Origin origin;
};

struct BuildSpec {
  std::string context;
  std::string dockerfile;  // empty: the builder's default
  std::string target;      // multi-stage build target, empty: the last stage
  std::map<std::string, std::string> args;
};

// The container image of a service or job: a pulled image or one built into ECR.
struct ImageSpec {
  std::string image;  // empty when built
  std::optional<BuildSpec> build;
};

enum class Exposure { public_, private_, none };

struct RouteModel {
  std::string path;  // empty: any path
  std::string host;  // empty: any host
  Origin origin;
};

struct HealthModel {
  std::string path;
  int grace_seconds = 0;
  int interval_seconds = 0;
  int timeout_seconds = 0;
  int healthy_threshold = 0;
  int unhealthy_threshold = 0;
};

struct AutoscaleModel {
  int min = 1;
  int max = 1;
  std::optional<int> cpu_percent;
  std::optional<int> memory_percent;
  std::optional<int> requests_per_target;
  Origin origin;
};

// One `volumes` entry of a service or job: a shared file system mounted into its container.
struct VolumeMount {
  std::string volume;  // a name under `volumes:`
  std::string path;    // absolute path in the container
  bool read_only = false;
  Origin origin;  // the entry in the workload's `volumes` list
};

struct ServiceModel {
  std::string name;
  Origin origin;
  ImageSpec image;
  std::vector<std::string> command;
  std::optional<int> port;
  Exposure exposure = Exposure::none;
  std::optional<RouteModel> route;
  std::optional<HealthModel> health;
  int cpu = 256;
  int memory = 512;
  int replicas = 1;
  std::optional<AutoscaleModel> autoscale;
  bool spot = false;                   // may run on spare capacity outside production
  std::vector<EnvVar> env;             // sorted by name
  std::vector<SecretBinding> secrets;  // sorted by variable
  std::vector<std::string> depends_on;
  std::vector<VolumeMount> volumes;  // in the order written
};

struct DatabaseModel {
  std::string name;
  Origin origin;
  std::string engine;  // postgres | mysql | aurora-postgresql | aurora-mysql
  std::string version;
  std::string size;  // small | medium | large, or an explicit instance class
  int storage_gib = 20;
  bool multi_zone = false;
  int read_replicas = 0;
  int backup_retention_days = 7;
  std::string backup_window;  // hh:mm-hh:mm UTC, empty: AWS picks one
  std::string database_name;  // the database created inside the engine
  std::string username;       // the master user
  bool managed = true;        // false: a container (only some targets)

  bool is_aurora() const { return engine.rfind("aurora-", 0) == 0; }
  bool is_postgres() const { return engine == "postgres" || engine == "aurora-postgresql"; }
};

struct CacheModel {
  std::string name;
  Origin origin;
  std::string engine;  // redis | valkey | memcached
  std::string version;
  std::string size;  // small | medium | large, or an explicit node type
  int nodes = 1;
  bool managed = true;  // false: a container (only some targets)
};

struct SecretModel {
  std::string name;
  Origin origin;
  std::string description;
};

struct BucketModel {
  std::string name;
  Origin origin;
  std::optional<int> expire_days;
  bool versioning = false;
};

// A shared file system (`volumes:`): Amazon EFS on the AWS targets.
struct VolumeModel {
  std::string name;
  Origin origin;
  long long uid = 1000;  // POSIX owner of every file operation (32-bit unsigned)
  long long gid = 1000;
  std::string permissions = "0755";    // mode of the root directory, created on first use
  std::string throughput = "elastic";  // elastic | bursting
  bool backup = true;
  int infrequent_access_after_days = 30;
};

struct JobTrigger {
  std::string bucket;
  std::string prefix;
  std::string suffix;
  Origin origin;
};

struct JobCompute {
  double vcpus = 1;
  int memory = 2048;
  int max_vcpus = 16;
  int min_vcpus = 0;  // kept running while idle (a warm minimum; batch target, EC2 only)
  int gpu = 0;
  bool spot = false;
  Origin origin;
};

struct JobModel {
  std::string name;
  Origin origin;
  ImageSpec image;
  std::vector<std::string> command;
  std::optional<std::string> schedule;  // EventBridge cron()/rate() expression
  std::optional<JobTrigger> trigger;
  JobCompute compute;
  int timeout_seconds = 3600;
  int retries = 1;
  std::vector<EnvVar> env;
  std::vector<SecretBinding> secrets;
  std::vector<VolumeMount> volumes;  // in the order written
};

struct PipelineModel {
  std::string provider;  // github-actions | codepipeline
  std::string repository;
  std::string branch;
  std::string deploy;  // rolling | blue-green
  Origin origin;
};

struct AlarmsModel {
  std::string email;
  int cpu_high_percent = 80;
  int memory_high_percent = 80;
  int http_5xx_count = 10;  // per 5 minutes
  Origin origin;
};

struct ObservabilityModel {
  int log_retention_days = 30;
  std::optional<AlarmsModel> alarms;
};

// Instance capacity (`instances:` or one of its `groups`): a field not written is derived by the
// target (type from the services' sizes, counts from their replicas and autoscale).
struct InstanceCapacity {
  std::optional<std::string> type;  // EC2 instance type, e.g. "t3.medium"
  std::optional<int> min;
  std::optional<int> max;
  bool spot = false;  // spot instances outside production
  int disk = 30;      // root volume, GiB
  Origin origin;
};

// A named group of instances and the services it runs (ec2-compose groups, eks node groups).
struct InstanceGroup {
  std::string name;
  std::vector<std::string> services;
  InstanceCapacity capacity;  // unset fields already taken from `instances`
};

// `instances:` for the targets that run on EC2 instances.
struct InstancesModel {
  InstanceCapacity capacity;
  std::vector<InstanceGroup> groups;  // sorted by name
};

// Remote Terraform state in S3 (`state:`).
struct StateModel {
  std::string bucket;
  std::string key;         // empty: the target chooses <app>/<env>/...
  std::string region;      // empty: the app's region
  std::string lock_table;  // empty: S3 native locking
  Origin origin;
};

// Night shutdown of an environment (`environments.<env>.schedule`).
struct ScheduleModel {
  std::string stop;
  std::string start;
  Origin origin;
};

struct AppModel {
  std::string app;
  std::string environment;
  std::string region;
  std::map<std::string, std::string> tags;
  NetworkModel network;
  std::optional<DomainModel> domain;
  std::vector<ServiceModel> services;  // sorted by name
  std::vector<DatabaseModel> databases;
  std::vector<CacheModel> caches;
  std::vector<SecretModel> secrets;
  std::vector<BucketModel> buckets;
  std::vector<VolumeModel> volumes;
  std::vector<JobModel> jobs;
  std::optional<PipelineModel> pipeline;
  ObservabilityModel observability;
  std::optional<StateModel> state;
  std::optional<ScheduleModel> schedule;
  std::optional<InstancesModel> instances;
  Origin environment_origin;  // /environments/<env>, or the document root
  // The checked manifest's document, shared by the models of all environments, for locate().
  std::shared_ptr<const Document> document;
  bool has_overlay = false;  // the manifest has an `environments.<env>` entry for this one

  // Where `pointer` (a base-manifest pointer such as "/services/vote/autoscale") is written for
  // this environment: in its overlay when the overlay sets it, else in the base.
  SourceLocation locate(const std::string& pointer) const;
  // True when the user wrote `pointer` (in the base or this environment's overlay) rather than
  // the value coming from a schema default.
  bool written(const std::string& pointer) const;
  // True when this environment's overlay writes `pointer` (or something below it).
  bool overlay_sets(const std::string& pointer) const;

  const ServiceModel* find_service(const std::string& name) const;
  const DatabaseModel* find_database(const std::string& name) const;
  const CacheModel* find_cache(const std::string& name) const;
  const BucketModel* find_bucket(const std::string& name) const;
  const SecretModel* find_secret(const std::string& name) const;
  const JobModel* find_job(const std::string& name) const;
  const VolumeModel* find_volume(const std::string& name) const;
};

// One AppModel per environment of `manifest`, in manifest order. The manifest is already
// checked and complete (defaults filled), so a missing required value is an internal error.
std::vector<AppModel> build_models(const CheckedManifest& manifest, Diagnostics& diagnostics);

}  // namespace infragen
