// Resource names `<app>-<env>-<thing>` fitted to each AWS name limit, with a stable hash when cut.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace infragen {

// The naming constraints of one kind of AWS resource (from the AWS API references).
struct NameRule {
  std::string_view kind;  // for messages and tests, e.g. "load balancer"
  size_t max_length = 0;
  bool lower_case = false;            // the service accepts (or stores) lower case only
  std::string_view punctuation;       // characters allowed besides ASCII letters and digits
  bool letter_first = false;          // must start with a letter
  bool alnum_last = false;            // must not end with punctuation
  bool single_hyphens = false;        // no "--" inside
  std::string_view forbidden_prefix;  // e.g. "internal-" for load balancers
};

namespace name_rules {
// Elastic Load Balancing: 32, letters, digits and hyphens, no hyphen at either end.
inline constexpr NameRule load_balancer{"load balancer", 32,   false, "-",
                                        false,           true, false, "internal-"};
inline constexpr NameRule target_group{"target group", 32, false, "-", false, true, false, ""};
// IAM: role 64, policy 128, characters [\w+=,.@-].
inline constexpr NameRule iam_role{"IAM role", 64, false, "+=,.@_-", false, false, false, ""};
inline constexpr NameRule iam_policy{"IAM policy", 128, false, "+=,.@_-", false, false, false, ""};
// RDS instance and cluster identifiers, DB subnet and parameter groups: 63, start with a letter,
// no "--", no trailing hyphen; RDS stores them in lower case.
inline constexpr NameRule rds_identifier{"RDS identifier", 63, true, "-", true, true, true, ""};
// S3: 3..63, lower case, start and end with a letter or digit. Dots are allowed by S3 but break
// virtual-hosted TLS, so infragen never produces them. Bucket names are global: targets append
// "-<account id>" in the generated code (no random suffix, so names stay stable) and fit the
// rest with `reserved` = 13.
inline constexpr NameRule s3_bucket{"S3 bucket", 63, true, "-", false, true, true, "xn--"};
// ECS cluster, service and task definition family: 255, letters, digits, '-' and '_'.
inline constexpr NameRule ecs_cluster{"ECS cluster", 255, false, "_-", false, false, false, ""};
inline constexpr NameRule ecs_service{"ECS service", 255, false, "_-", false, false, false, ""};
inline constexpr NameRule ecs_task_family{
    "ECS task family", 255, false, "_-", false, false, false, ""};
// EC2 Auto Scaling group and ECS capacity provider: 255, letters, digits, '-' and '_' (a capacity
// provider may not start with "aws", "ecs" or "fargate": see capacity_provider_name()).
inline constexpr NameRule auto_scaling_group{
    "Auto Scaling group", 255, false, "_-", false, false, false, ""};
inline constexpr NameRule capacity_provider{
    "ECS capacity provider", 255, false, "_-", false, false, false, ""};
// EC2 launch template: 128, letters, digits and "().-/_".
inline constexpr NameRule launch_template{
    "launch template", 128, false, "().-/_", false, false, false, ""};
// IAM instance profile: 128, letters, digits and "+=,.@-_".
inline constexpr NameRule instance_profile{
    "instance profile", 128, false, "+=,.@_-", false, false, false, ""};
// ECR repository: 256, lower case, separators '.', '_', '-' (and '/' between path parts).
inline constexpr NameRule ecr_repository{"ECR repository", 256, true, "._-", true, true, false, ""};
// CloudWatch Logs log group: 512, [.-_/#A-Za-z0-9].
inline constexpr NameRule log_group{"log group", 512, false, "._-/#", false, false, false, ""};
// CloudWatch alarm: 255 (any printable character; infragen uses the safe subset).
inline constexpr NameRule alarm{"CloudWatch alarm", 255, false, "._-", false, false, false, ""};
// ElastiCache replication group id: 40, lower case, start with a letter, no "--", no trailing
// hyphen. Subnet and parameter groups: 255 with the same characters.
inline constexpr NameRule elasticache_replication_group{
    "ElastiCache replication group", 40, true, "-", true, true, true, ""};
inline constexpr NameRule elasticache_subnet_group{
    "ElastiCache subnet group", 255, true, "-", true, true, true, ""};
// Secrets Manager secret: 512, letters, digits and /_+=.@-.
inline constexpr NameRule secret{
    "Secrets Manager secret", 512, false, "/_+=.@-", false, false, false, ""};
// EFS file system creation token: 64, any printable character (infragen uses the safe subset);
// the file system's and access point's Name tags reuse it.
inline constexpr NameRule efs_creation_token{
    "EFS creation token", 64, false, "._-", false, false, false, ""};
// SNS topic: 256, letters, digits, '-' and '_'.
inline constexpr NameRule sns_topic{"SNS topic", 256, false, "_-", false, false, false, ""};
// SQS queue: 80, letters, digits, '-' and '_'.
inline constexpr NameRule sqs_queue{"SQS queue", 80, false, "_-", false, false, false, ""};
// EC2 security group: 255, must not start with "sg-".
inline constexpr NameRule security_group{
    "security group", 255, false, "._-", false, false, false, "sg-"};
// EventBridge Scheduler schedule and EventBridge rule: 64, [0-9a-zA-Z-_.].
inline constexpr NameRule schedule{
    "EventBridge schedule", 64, false, "._-", false, false, false, ""};
inline constexpr NameRule event_rule{"EventBridge rule", 64, false, "._-", false, false, false, ""};
// AWS Batch compute environment, job queue and job definition: 128, letters, digits, '-' and '_',
// starting and ending with a letter or digit.
inline constexpr NameRule batch{"AWS Batch name", 128, false, "_-", false, true, false, ""};
// Step Functions state machine: 80, letters, digits, '-' and '_'.
inline constexpr NameRule state_machine{"state machine", 80, false, "_-", false, false, false, ""};
// Application Auto Scaling policy: 256.
inline constexpr NameRule scaling_policy{
    "scaling policy", 256, false, "._-", false, false, false, ""};
// One DNS label (Cloud Map namespaces are DNS names; infragen names one label of it): 63,
// lower case, letters, digits, hyphens, no hyphen at either end.
inline constexpr NameRule dns_label{"DNS label", 63, true, "-", false, true, false, ""};
// CodeBuild project 255, CodePipeline 100, CodeStar connection 32.
inline constexpr NameRule codebuild_project{
    "CodeBuild project", 255, false, "_-", true, false, false, ""};
inline constexpr NameRule codepipeline{"CodePipeline", 100, false, ".@_-", false, false, false, ""};
inline constexpr NameRule codestar_connection{
    "CodeStar connection", 32, false, "._-", false, false, false, ""};
// CloudFormation stack: 128, letters, digits and hyphens, a letter first.
inline constexpr NameRule cloudformation_stack{
    "CloudFormation stack", 128, false, "-", true, false, false, ""};
}  // namespace name_rules

// Length of the hash suffix a fitted name ends with: "-" and 6 hex characters.
inline constexpr size_t kNameHashSuffixLength = 7;

// Fits `full_name` to `rule`. A name that already satisfies the rule is returned unchanged.
// Otherwise it is normalised (case, characters, hyphens), cut to leave room for the suffix, and
// ends with "-" + the first 6 hex characters of SHA-256(full_name): stable across runs, and two
// names that differ anywhere (also only past the cut) get different suffixes. `reserved` keeps
// that many characters free for a suffix the target appends itself (e.g. "-<account id>").
std::string fit_name(const NameRule& rule, std::string_view full_name, size_t reserved = 0);

// `<app>-<env>-<thing>` (or `<app>-<env>` when `thing` is empty) fitted to `rule`.
std::string resource_name(const NameRule& rule, std::string_view app, std::string_view env,
                          std::string_view thing, size_t reserved = 0);

// Whether `name` satisfies `rule` (with `reserved` characters kept free).
bool satisfies(const NameRule& rule, std::string_view name, size_t reserved = 0);

}  // namespace infragen
