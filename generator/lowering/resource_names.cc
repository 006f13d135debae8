#include "lowering/resource_names.h"

#include <cctype>

#include "lowering/access.h"
#include "lowering/batch_jobs.h"
#include "lowering/compose_groups.h"
#include "lowering/data_host.h"
#include "lowering/images.h"
#include "lowering/instance_capacity.h"
#include "lowering/view_network.h"
#include "lowering/view_security.h"
#include "model/naming.h"

namespace infragen {

namespace {

class NameTable {
 public:
  explicit NameTable(const AppModel& model) : model_(model) {}

  // `<app>-<env>[-<thing>]` fitted to `rule`.
  void add(const std::string& key, const NameRule& rule, const std::string& thing,
           size_t reserved = 0) {
    put(key, resource_name(rule, model_.app, model_.environment, thing, reserved));
  }
  // A name of another shape (log groups, secrets, DNS names) fitted to `rule`.
  void add_full(const std::string& key, const NameRule& rule, const std::string& full) {
    put(key, fit_name(rule, full));
  }
  nlohmann::json take() { return std::move(names_); }

 private:
  void put(const std::string& key, const std::string& value) {
    names_.push_back({{"key", key}, {"value", value}});
  }

  const AppModel& model_;
  nlohmann::json names_ = nlohmann::json::array();
};

void add_workload_names(NameTable& names, const AppModel& model, const Workload& workload) {
  const std::string& label = workload.label;
  const std::string& name = workload.name;
  bool service = workload.kind == Workload::Kind::service;
  // Jobs get a "job-" infix so a job and a service of the same name never share a name.
  const std::string thing = service ? name : "job-" + name;
  names.add_full(label + "_log_group", name_rules::log_group,
                 "/ecs/" + model.app + "-" + model.environment + "/" + thing);
  names.add(label + "_family", name_rules::ecs_task_family, thing);
  names.add(label + "_task_role", name_rules::iam_role, thing + "-task");
  names.add(label + "_execution_role", name_rules::iam_role, thing + "-execution");
  names.add(label + "_security_group", name_rules::security_group, thing);
  if (service) {
    const ServiceModel& model_service = *model.find_service(name);
    names.add(label + "_service", name_rules::ecs_service, name);
    if (model_service.exposure == Exposure::public_) {
      names.add(label + "_target_group", name_rules::target_group, name);
    }
    names.add(label + "_cpu_policy", name_rules::scaling_policy, name + "-cpu");
    names.add(label + "_memory_policy", name_rules::scaling_policy, name + "-memory");
    names.add(label + "_requests_policy", name_rules::scaling_policy, name + "-requests");
    names.add(label + "_stop", name_rules::scaling_policy, name + "-stop");
    names.add(label + "_start", name_rules::scaling_policy, name + "-start");
    names.add(label + "_cpu_alarm", name_rules::alarm, name + "-cpu-high");
    names.add(label + "_memory_alarm", name_rules::alarm, name + "-memory-high");
  } else {
    names.add(label + "_trigger", name_rules::schedule, thing);
    names.add(label + "_trigger_role", name_rules::iam_role, thing + "-trigger");
    names.add(label + "_dead_letter_queue", name_rules::sqs_queue, thing + "-dlq");
    names.add(label + "_failed_alarm", name_rules::alarm, thing + "-start-failed");
  }
}

void add_pipeline_names(NameTable& names, const AppModel& model, bool deploys_groups) {
  if (model.pipeline->provider == "github-actions") {
    names.add("github_deploy_role", name_rules::iam_role, "github-deploy");
    return;
  }
  names.add_full("image_tag_parameter", name_rules::log_group,
                 "/" + model.app + "/" + model.environment + "/image-tag");
  names.add("pipeline", name_rules::codepipeline, "");
  names.add("pipeline_role", name_rules::iam_role, "pipeline");
  names.add("pipeline_connection", name_rules::codestar_connection, "github");
  names.add("pipeline_artifacts", name_rules::s3_bucket, "pipeline", kBucketAccountSuffixLength);
  names.add("build_project", name_rules::codebuild_project, "build");
  names.add("build_role", name_rules::iam_role, "build");
  names.add_full("build_log_group", name_rules::log_group,
                 "/aws/codebuild/" + model.app + "-" + model.environment + "-build");
  names.add("deploy_application", name_rules::codepipeline, "");
  names.add("deploy_role", name_rules::iam_role, "codedeploy");
  if (deploys_groups) {
    // The compose target deploys with a second CodeBuild project (rolling the instance groups),
    // not with ECS or CodeDeploy.
    names.add("deploy_project", name_rules::codebuild_project, "deploy");
    names.add("deploy_project_role", name_rules::iam_role, "deploy");
  }
  for (const auto& service : model.services) {
    if (!service.image.build || service.exposure != Exposure::public_) continue;
    const std::string label = "service_" + resource_identifier(service.name);
    names.add(label + "_deployment_group", name_rules::codepipeline, service.name);
    names.add(label + "_green_target_group", name_rules::target_group, service.name + "-green");
  }
}

// Per instance group: "<app>-<env>-<group>" for its launch template, Auto Scaling group and
// capacity provider, "-instance" for its role and instance profile.
void add_capacity_names(NameTable& names, const AppModel& model) {
  names.add("instances_security_group", name_rules::security_group, "instances");
  for (const auto& group : capacity_groups(model)) {
    const std::string label = "capacity_" + group.resource;
    names.add(label + "_launch_template", name_rules::launch_template, group.name);
    names.add(label + "_auto_scaling_group", name_rules::auto_scaling_group, group.name);
    // ECS reserves names that start with "aws", "ecs" or "fargate" (any case).
    std::string provider =
        resource_name(name_rules::capacity_provider, model.app, model.environment, group.name);
    std::string lower = provider;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char* reserved : {"aws", "ecs", "fargate"}) {
      if (lower.rfind(reserved, 0) == 0) {
        provider = fit_name(name_rules::capacity_provider, "cp-" + provider);
        break;
      }
    }
    names.add_full(label + "_capacity_provider", name_rules::capacity_provider, provider);
    names.add(label + "_instance_role", name_rules::iam_role, group.name + "-instance");
    names.add(label + "_instance_profile", name_rules::instance_profile, group.name + "-instance");
  }
}

// Per instance group of the compose target: "<app>-<env>-<group>" for its launch template, Auto
// Scaling group and security group, "-instance" for its role and profile; per service its log
// group, target groups and configuration parameter.
void add_compose_names(NameTable& names, const AppModel& model) {
  size_t private_services = 0;
  for (const auto& service : model.services) {
    private_services += service.port && service.exposure == Exposure::private_ ? 1 : 0;
  }
  if (private_services > 0) {
    names.add("internal_load_balancer", name_rules::load_balancer, "internal");
    names.add("internal_load_balancer_security_group", name_rules::security_group, "nlb");
  }
  // Past 50 private services: "<app>-<env>-internal-2"...
  for (size_t index = 1; index * kInternalListenerQuota < private_services; ++index) {
    const std::string number = std::to_string(index + 1);
    names.add("internal_" + number + "_load_balancer", name_rules::load_balancer,
              "internal-" + number);
  }
  for (const auto& group : compose_groups(model)) {
    const std::string label = "instances_" + group.resource;
    names.add(label + "_security_group", name_rules::security_group, group.name + "-instances");
    names.add(label + "_launch_template", name_rules::launch_template, group.name);
    names.add(label + "_auto_scaling_group", name_rules::auto_scaling_group, group.name);
    names.add(label + "_instance_role", name_rules::iam_role, group.name + "-instance");
    names.add(label + "_instance_profile", name_rules::instance_profile, group.name + "-instance");
    names.add(label + "_cpu_policy", name_rules::scaling_policy, group.name + "-cpu");
    names.add(label + "_memory_policy", name_rules::scaling_policy, group.name + "-memory");
    names.add(label + "_cpu_alarm", name_rules::alarm, group.name + "-cpu-high");
    names.add_full(label + "_config", name_rules::log_group,
                   "/" + model.app + "/" + model.environment + "/compose/" + group.name);
  }
  for (const auto& job : model.jobs) {
    names.add_full("job_" + resource_identifier(job.name) + "_log_group", name_rules::log_group,
                   "/compose/" + model.app + "-" + model.environment + "/job-" + job.name);
  }
  for (const auto& service : model.services) {
    const std::string label = "service_" + resource_identifier(service.name);
    names.add_full(label + "_log_group", name_rules::log_group,
                   "/compose/" + model.app + "-" + model.environment + "/" + service.name);
    if (!service.port) continue;
    if (service.exposure == Exposure::public_) {
      names.add(label + "_target_group", name_rules::target_group, service.name);
      names.add(label + "_requests_policy", name_rules::scaling_policy, service.name + "-requests");
    } else if (service.exposure == Exposure::private_) {
      names.add(label + "_internal_target_group", name_rules::target_group,
                service.name + "-internal");
    }
  }
}

// The data host of ec2-compose (`managed: false` data stores): "<app>-<env>-data" for its
// instance's resources, and per database its volume, dump bucket prefix and password secret.
void add_data_host_names(NameTable& names, const AppModel& model) {
  if (!has_unmanaged_stores(model)) return;
  names.add("data_host_security_group", name_rules::security_group, "data-host-instance");
  names.add("data_host_launch_template", name_rules::launch_template, "data-host");
  names.add("data_host_auto_scaling_group", name_rules::auto_scaling_group, "data-host");
  names.add("data_host_instance_role", name_rules::iam_role, "data-host-instance");
  names.add("data_host_instance_profile", name_rules::instance_profile, "data-host-instance");
  names.add("data_host_interface", name_rules::security_group, "data-host");
  names.add("data_host_dumps", name_rules::s3_bucket, "dumps", kBucketAccountSuffixLength);
  names.add_full("data_host_config", name_rules::log_group,
                 "/" + model.app + "/" + model.environment + "/compose/data-host");
  names.add_full("data_host_log_group", name_rules::log_group,
                 "/compose/" + model.app + "-" + model.environment + "/data-host");
  for (const auto& database : model.databases) {
    if (database.managed) continue;
    const std::string label = "data_" + resource_identifier(database.name);
    names.add(label + "_volume", name_rules::security_group, "data-" + database.name);
    names.add_full(label + "_secret", name_rules::secret,
                   model.app + "/" + model.environment + "/database/" + database.name);
  }
}

// eks runs `managed: false` data stores in the cluster: per database its password secret, and per
// store the IAM role its pods take (Pod Identity: it reads that secret).
void add_in_cluster_store_names(NameTable& names, const AppModel& model) {
  for (const auto& database : model.databases) {
    if (database.managed) continue;
    const std::string label = "data_" + resource_identifier(database.name);
    names.add_full(label + "_secret", name_rules::secret,
                   model.app + "/" + model.environment + "/database/" + database.name);
    names.add(label + "_pod_role", name_rules::iam_role, "data-" + database.name);
  }
}

void add_load_balancer_names(NameTable& names, const LoweringContext& context) {
  names.add("load_balancer", name_rules::load_balancer, "");
  // Past one load balancer's quotas: "<app>-<env>-2", "<app>-<env>-3"...
  size_t load_balancers = load_balancer_layout(context).shards.size();
  for (size_t index = 1; index < load_balancers; ++index) {
    const std::string number = std::to_string(index + 1);
    const nlohmann::json keys = load_balancer_shard_names(index);
    names.add(keys["name_key"].get<std::string>(), name_rules::load_balancer, number);
    names.add(keys["alarm_key"].get<std::string>(), name_rules::alarm, "alb-5xx-" + number);
  }
  names.add("load_balancer_security_group", name_rules::security_group, "alb");
  names.add("load_balanced_services_security_group", name_rules::security_group, "alb-targets");
}

void add_data_store_names(NameTable& names, const AppModel& model) {
  for (const auto& database : model.databases) {
    if (!database.managed) continue;  // a container on ec2-compose's data host
    const std::string label = "database_" + resource_identifier(database.name);
    names.add(label + "_identifier", name_rules::rds_identifier, database.name);
    // Replicas append "-<n>" (n <= 6) and the final snapshot "-final" in code.
    names.add(label + "_replica", name_rules::rds_identifier, database.name + "-replica", 2);
    names.add(label + "_instance", name_rules::rds_identifier, database.name, 2);
    names.add(label + "_final_snapshot", name_rules::rds_identifier, database.name + "-final");
    names.add(label + "_subnet_group", name_rules::rds_identifier, database.name);
    names.add(label + "_security_group", name_rules::security_group, "db-" + database.name);
    names.add(label + "_cpu_alarm", name_rules::alarm, "db-" + database.name + "-cpu-high");
  }
  for (const auto& cache : model.caches) {
    if (!cache.managed) continue;
    const std::string label = "cache_" + resource_identifier(cache.name);
    names.add(label + "_replication_group", name_rules::elasticache_replication_group, cache.name);
    names.add(label + "_subnet_group", name_rules::elasticache_subnet_group, cache.name);
    names.add(label + "_security_group", name_rules::security_group, "cache-" + cache.name);
  }
  for (const auto& secret : model.secrets) {
    names.add_full("secret_" + resource_identifier(secret.name), name_rules::secret,
                   model.app + "/" + model.environment + "/" + secret.name);
  }
  for (const auto& bucket : model.buckets) {
    names.add("bucket_" + resource_identifier(bucket.name), name_rules::s3_bucket, bucket.name,
              kBucketAccountSuffixLength);
  }
  for (const auto& volume : model.volumes) {
    const std::string label = "volume_" + resource_identifier(volume.name);
    names.add(label + "_file_system", name_rules::efs_creation_token, volume.name);
    names.add(label + "_security_group", name_rules::security_group, "efs-" + volume.name);
  }
}

// AWS Batch: per job its compute environment(s), queue and job definition (and the launch
// template of its EC2 instances); app-wide the Batch service role, the EC2 instances' role and
// the rule that reports failed jobs.
void add_batch_names(NameTable& names, const LoweringContext& context, const AppModel& model) {
  if (model.jobs.empty()) return;
  names.add("batch_service_role", name_rules::iam_role, "batch-service");
  bool any_ec2 = false;
  for (const auto& workload : workloads_of(model)) {
    if (workload.kind != Workload::Kind::job) continue;
    any_ec2 = any_ec2 || batch_placement(context, workload.name).ec2;
  }
  if (any_ec2) {
    names.add("batch_instance_role", name_rules::iam_role, "batch-instance");
    names.add("batch_instance_profile", name_rules::instance_profile, "batch-instance");
  }
  names.add("job_failed_rule", name_rules::event_rule, "job-failed");
  for (const auto& workload : workloads_of(model)) {
    if (workload.kind != Workload::Kind::job) continue;
    const BatchPlacement placement = batch_placement(context, workload.name);
    const std::string& label = workload.label;
    const std::string thing = "job-" + workload.name;
    names.add(label + "_compute_environment", name_rules::batch, thing);
    if (placement.spot) {
      names.add(label + "_spot_compute_environment", name_rules::batch, thing + "-spot");
    }
    if (placement.ec2) names.add(label + "_launch_template", name_rules::launch_template, thing);
    names.add(label + "_job_queue", name_rules::batch, thing);
    names.add(label + "_job_definition", name_rules::batch, thing);
  }
}

}  // namespace

nlohmann::json resource_names(const LoweringContext& context, const AppModel& model) {
  // Each section names what it creates; a section not built has no names here.
  const TargetSpec& target = context.target;
  NameTable names(model);
  // This order is the order of names.tf: changing it would rewrite every generated names.tf.
  names.add("vpc", name_rules::ecs_cluster, "");
  // The compose target runs the workloads without ECS: none of ECS's names.
  const bool ecs = target.builds("ecs_workloads") && !target.builds("compose_groups");
  if (ecs) names.add("cluster", name_rules::ecs_cluster, "");
  if (target.builds("load_balancer")) add_load_balancer_names(names, context);
  // eks: one group for the app's pods (lower_pod_security_groups), no client groups.
  if (target.builds("security_groups") && target.builds("kubernetes")) {
    names.add(std::string(kPodsSecurityGroup) + "_security_group", name_rules::security_group,
              kPodsSecurityGroup);
  } else if (target.builds("security_groups") && !target.builds("compose_groups")) {
    for (const auto& group : client_groups(model)) {
      // database_orders_clients -> "<app>-<env>-database-orders-clients"
      std::string thing = group;
      for (char& c : thing) c = c == '_' ? '-' : c;
      names.add(group + "_security_group", name_rules::security_group, thing);
    }
  }
  if (target.builds("load_balancer")) {
    names.add("load_balancer_5xx_alarm", name_rules::alarm, "alb-5xx");
  }
  if (ecs) {
    // The Cloud Map namespace is a private DNS zone: "<app>-<env>.internal".
    names.add_full("namespace", name_rules::dns_label, model.app + "-" + model.environment);
  }
  names.add("alarm_topic", name_rules::sns_topic, "alarms");
  if (ecs) {
    for (const auto& workload : workloads_of(model)) add_workload_names(names, model, workload);
  }
  if (target.builds("compose_groups")) {
    add_compose_names(names, model);
    add_data_host_names(names, model);
  }
  if (target.builds("images")) {
    for (const auto& image : built_images(model)) {
      names.add("repository_" + image.resource, name_rules::ecr_repository, image.name);
    }
  }
  if (target.builds("data_stores")) add_data_store_names(names, model);
  if (model.pipeline && target.builds("pipeline")) {
    add_pipeline_names(names, model, target.builds("compose_groups"));
  }
  if (target.builds("instance_capacity")) add_capacity_names(names, model);
  if (target.builds("kubernetes")) add_in_cluster_store_names(names, model);
  if (target.builds("batch_jobs")) add_batch_names(names, context, model);
  return names.take();
}

}  // namespace infragen
