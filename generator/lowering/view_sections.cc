#include "lowering/view_sections.h"

#include <algorithm>
#include <set>

namespace infragen {

const std::vector<ViewSection>& view_sections() {
  static const std::vector<ViewSection> sections = {
      {"common",
       "the app, its region, tags, domain, state backend and environments (always built)",
       {},
       {"target", "app", "region", "environment_names", "single_environment", "first_environment",
        "tags", "https", "alarms_possible", "schedule_possible", "state_enabled", "state_lockfile",
        "terraform_version", "environments", "backend_files"},
       {"name", "name_id", "first", "last", "previous", "production", "development", "names",
        "domain", "deletion_protection", "log_retention_days", "has_tags", "tags", "alarms",
        "schedule", "state"}},
      {"network",
       "the VPC, subnets, NAT and endpoints an environment creates or is given",
       {},
       {"network", "public_tasks_possible"},
       {"network"}},
      {"load_balancer",
       "the application load balancers, their listeners and certificates",
       {"network"},
       {"load_balancer"},
       {}},
      {"images",
       "the container images the app builds and their ECR repositories",
       {},
       {"repositories", "has_repositories"},
       {"builds"}},
      {"ecs_workloads",
       "services and jobs as ECS task definitions, services and scheduled or triggered tasks",
       {"network", "load_balancer", "images"},
       {"services", "has_services", "service_discovery", "jobs", "has_jobs", "scheduled_jobs",
        "triggered_jobs", "spot_possible"},
       {"services", "jobs", "enable_execute_command"}},
      {"data_stores",
       "databases, caches, secrets, buckets and shared file systems",
       {"network"},
       {"databases", "has_databases", "caches", "has_caches", "has_data_stores", "secrets",
        "has_secrets", "buckets", "has_buckets", "volumes", "has_volumes"},
       {"databases", "caches", "buckets", "volumes"}},
      {"security_groups",
       "a security group per workload (per instance group with compose_groups) and data store, "
       "and every rule between them",
       {"network"},
       {"security"},
       {}},
      {"pipeline",
       "the CI/CD pipeline: GitHub Actions workflows or CodePipeline, and their roles",
       {"images"},
       {"pipeline", "pipeline_github_actions", "pipeline_codepipeline"},
       {"pipeline"}},
      {"fargate_sizing",
       "every task is a size Fargate runs; Fargate Spot outside production",
       {"ecs_workloads"},
       {},
       {"fargate_spot"}},
      {"batch_jobs",
       "jobs on AWS Batch: each job's compute environments (Fargate, Fargate Spot, or EC2 for "
       "GPUs, a warm minimum or a size Fargate does not run), queue, retries and timeout",
       {"ecs_workloads"},
       {"batch"},
       {}},
      {"instance_capacity",
       "EC2 instance groups: their types and counts, the group each workload runs on",
       {"ecs_workloads"},
       {"capacity"},
       {"capacity"}},
      {"compose_groups",
       "EC2 instance groups running docker compose: the services each runs, their published "
       "ports, the groups' types and counts, the laptop compose file, the data host of the "
       "`managed: false` data stores; security_groups then makes a security group per instance "
       "group",
       {"ecs_workloads", "data_stores", "security_groups"},
       {"compose"},
       {"compose", "data_host", "compose_schedule"}},
      {"kubernetes",
       "the Helm chart's parts: each scheduled job's CronJob schedule, the `managed: false` "
       "data stores as StatefulSets, and what each environment's values file sets apart from "
       "values.yaml",
       {"ecs_workloads"},
       {"has_workloads", "in_cluster", "uses_secrets_store"},
       {"kubernetes"}},
      {"cloudformation",
       "the stacks, parameters, conditions and exports of the CloudFormation format (built only "
       "when that format is generated)",
       {"network", "load_balancer", "images", "ecs_workloads", "data_stores", "security_groups",
        "pipeline"},
       {"cloudformation", "uses_deletion_protection"},
       {"cloudformation"}},
  };
  return sections;
}

const ViewSection* find_view_section(const std::string& name) {
  for (const auto& section : view_sections()) {
    if (section.name == name) return &section;
  }
  return nullptr;
}

std::vector<std::string> with_needed_sections(const std::vector<std::string>& asked) {
  std::set<std::string> wanted = {"common"};
  std::vector<std::string> pending(asked.begin(), asked.end());
  while (!pending.empty()) {
    const std::string name = pending.back();
    pending.pop_back();
    if (!wanted.insert(name).second) continue;
    if (const ViewSection* section = find_view_section(name)) {
      pending.insert(pending.end(), section->needs.begin(), section->needs.end());
    }
  }
  std::vector<std::string> ordered;
  for (const auto& section : view_sections()) {
    if (wanted.count(section.name)) ordered.push_back(section.name);
  }
  return ordered;
}

}  // namespace infragen
