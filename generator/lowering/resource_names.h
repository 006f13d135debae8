// The physical AWS names of one environment, fitted to each limit, keyed for the templates.
#pragma once

#include <nlohmann/json.hpp>

#include "lowering/lowering_context.h"

namespace infragen {

// Names of `model`'s environment as [{key, value}] in a fixed order. Keys are the resource label
// of the thing plus what is named, so templates find them as `local.names.<label>_<what>`:
//   cluster, load_balancer, load_balancer_security_group, namespace, alarm_topic
//   service_<id>_{service,family,log_group,task_role,execution_role,security_group,
//                 target_group,cpu_policy,memory_policy,requests_policy,stop,start,
//                 cpu_alarm,memory_alarm}
//   job_<id>_{family,log_group,task_role,execution_role,security_group,trigger,
//             trigger_role,dead_letter_queue,failed_alarm}
//   vpc (the Name tag of network resources)
//   database_<id>_{identifier,replica,instance,final_snapshot,subnet_group,security_group,
//                  cpu_alarm} (replica and instance: the code appends "-<n>")
//   cache_<id>_{replication_group,subnet_group,security_group}
//   secret_<id>, bucket_<id> (without the "-<account id>" suffix the code appends),
//   repository_<id> (ECR), load_balancer_5xx_alarm
//   with a pipeline: github_deploy_role, or pipeline, pipeline_role, pipeline_connection,
//   pipeline_artifacts, build_project, build_role, build_log_group, deploy_application,
//   deploy_role, service_<id>_{deployment_group,green_target_group}
nlohmann::json resource_names(const LoweringContext& context, const AppModel& model);

// Characters kept free in bucket names for "-" and the 12-digit account id.
inline constexpr size_t kBucketAccountSuffixLength = 13;

}  // namespace infragen
