#include "model/naming.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace infragen {
namespace {

std::string repeat(char c, size_t n) { return std::string(n, c); }

// Every rule, so that each test below runs against every AWS limit infragen uses.
const std::vector<NameRule>& all_rules() {
  static const std::vector<NameRule> rules = {name_rules::load_balancer,
                                              name_rules::target_group,
                                              name_rules::iam_role,
                                              name_rules::iam_policy,
                                              name_rules::rds_identifier,
                                              name_rules::s3_bucket,
                                              name_rules::ecs_cluster,
                                              name_rules::ecs_service,
                                              name_rules::ecs_task_family,
                                              name_rules::ecr_repository,
                                              name_rules::log_group,
                                              name_rules::alarm,
                                              name_rules::elasticache_replication_group,
                                              name_rules::elasticache_subnet_group,
                                              name_rules::secret,
                                              name_rules::sns_topic,
                                              name_rules::sqs_queue,
                                              name_rules::security_group,
                                              name_rules::schedule,
                                              name_rules::event_rule,
                                              name_rules::scaling_policy,
                                              name_rules::dns_label,
                                              name_rules::codebuild_project,
                                              name_rules::codepipeline,
                                              name_rules::codestar_connection};
  return rules;
}

TEST(Naming, LimitsMatchAws) {
  EXPECT_EQ(name_rules::load_balancer.max_length, 32u);
  EXPECT_EQ(name_rules::target_group.max_length, 32u);
  EXPECT_EQ(name_rules::iam_role.max_length, 64u);
  EXPECT_EQ(name_rules::rds_identifier.max_length, 63u);
  EXPECT_EQ(name_rules::s3_bucket.max_length, 63u);
  EXPECT_EQ(name_rules::ecs_cluster.max_length, 255u);
  EXPECT_EQ(name_rules::ecs_service.max_length, 255u);
  EXPECT_EQ(name_rules::log_group.max_length, 512u);
  EXPECT_EQ(name_rules::elasticache_replication_group.max_length, 40u);
  EXPECT_EQ(name_rules::secret.max_length, 512u);
  EXPECT_EQ(name_rules::sns_topic.max_length, 256u);
  EXPECT_EQ(name_rules::security_group.max_length, 255u);
  EXPECT_EQ(name_rules::schedule.max_length, 64u);
  EXPECT_EQ(name_rules::dns_label.max_length, 63u);
}

TEST(Naming, ShortValidNameIsUnchanged) {
  for (const auto& rule : all_rules()) {
    EXPECT_EQ(resource_name(rule, "voting", "dev", "vote"), "voting-dev-vote") << rule.kind;
  }
  EXPECT_EQ(resource_name(name_rules::ecs_cluster, "voting", "prod", ""), "voting-prod");
}

TEST(Naming, NameExactlyAtTheLimitIsUnchanged) {
  for (const auto& rule : all_rules()) {
    std::string name = "a" + repeat('b', rule.max_length - 1);
    EXPECT_EQ(fit_name(rule, name), name) << rule.kind;
  }
}

TEST(Naming, OneCharacterOverTheLimitIsCutAndHashed) {
  for (const auto& rule : all_rules()) {
    std::string name = "a" + repeat('b', rule.max_length);
    std::string fitted = fit_name(rule, name);
    EXPECT_EQ(fitted.size(), rule.max_length) << rule.kind;
    EXPECT_TRUE(satisfies(rule, fitted)) << rule.kind << ": " << fitted;
    EXPECT_EQ(fitted.substr(0, 3), "abb") << rule.kind;
    EXPECT_EQ(fitted[fitted.size() - kNameHashSuffixLength], '-') << rule.kind;
  }
}

TEST(Naming, LongNamesFitEveryLimit) {
  std::string app = "a-very-long-application-x";  // 25 characters, the manifest maximum
  std::string env = "production-eu-west";
  std::string thing = "payments-reconciliation-worker-service";
  for (const auto& rule : all_rules()) {
    std::string fitted = resource_name(rule, app, env, thing);
    EXPECT_LE(fitted.size(), rule.max_length) << rule.kind;
    EXPECT_TRUE(satisfies(rule, fitted)) << rule.kind << ": " << fitted;
  }
  EXPECT_EQ(resource_name(name_rules::load_balancer, app, env, thing).size(), 32u);
  EXPECT_EQ(resource_name(name_rules::iam_role, app, env, thing + "-task-role-x").size(), 64u);
}

TEST(Naming, TheHashIsSha256OfTheFullName) {
  // sha256("abcdefghijklmnopqrstuvwxyz0123456789") begins with 011fc2994e39.
  std::string name = "abcdefghijklmnopqrstuvwxyz0123456789";
  EXPECT_EQ(fit_name(name_rules::load_balancer, name), "abcdefghijklmnopqrstuvwxy-011fc2");
}

TEST(Naming, IsDeterministic) {
  std::string name = "voting-production-" + repeat('x', 80);
  for (const auto& rule : all_rules()) {
    EXPECT_EQ(fit_name(rule, name), fit_name(rule, name)) << rule.kind;
  }
}

TEST(Naming, NamesDifferingOnlyAtTheEndDoNotCollide) {
  std::string common = "voting-production-" + repeat('s', 600);
  for (const auto& rule : all_rules()) {
    std::set<std::string> seen;
    for (const char* tail : {"-a", "-b", "-c", "-api", "-apj"}) {
      seen.insert(fit_name(rule, common + tail));
    }
    EXPECT_EQ(seen.size(), 5u) << rule.kind;
  }
}

TEST(Naming, RdsIdentifierStartsWithALetterHasNoDoubleOrTrailingHyphen) {
  std::string fitted = fit_name(name_rules::rds_identifier, "app--dev-db-");
  EXPECT_TRUE(satisfies(name_rules::rds_identifier, fitted)) << fitted;
  EXPECT_EQ(fitted.find("--"), std::string::npos);
  EXPECT_NE(fitted.back(), '-');
  EXPECT_EQ(fitted.substr(0, 11), "app-dev-db-");
  // A cut that lands right after a hyphen drops it rather than leave "--" before the hash.
  std::string name = repeat('a', 55) + "-" + repeat('b', 20);
  std::string cut = fit_name(name_rules::rds_identifier, name);
  EXPECT_EQ(cut, repeat('a', 55) + "-" + cut.substr(56));
  EXPECT_EQ(cut.size(), 62u);
  EXPECT_EQ(cut.find("--"), std::string::npos) << cut;
  EXPECT_FALSE(satisfies(name_rules::rds_identifier, "1db"));
  EXPECT_TRUE(satisfies(name_rules::rds_identifier, fit_name(name_rules::rds_identifier, "1db")));
}

TEST(Naming, ChangedNamesAlwaysGetAHashSoNormalisationCannotCollide) {
  // "a--b" and "a-b" normalise to the same text; the hash keeps them apart.
  std::string single = fit_name(name_rules::rds_identifier, "app-b");
  std::string doubled = fit_name(name_rules::rds_identifier, "app--b");
  EXPECT_EQ(single, "app-b");
  EXPECT_NE(doubled, single);
  EXPECT_EQ(doubled.substr(0, 6), "app-b-");
}

TEST(Naming, S3BucketIsLowerCaseAndLeavesRoomForASuffix) {
  std::string fitted = fit_name(name_rules::s3_bucket, "Voting-Dev-Uploads");
  EXPECT_EQ(fitted.substr(0, 18), "voting-dev-uploads");
  EXPECT_TRUE(satisfies(name_rules::s3_bucket, fitted));
  // 13 characters kept free for "-<12-digit account id>".
  std::string name = "voting-dev-" + repeat('u', 45);
  std::string reserved = fit_name(name_rules::s3_bucket, name, 13);
  EXPECT_EQ(reserved.size(), 50u);
  EXPECT_EQ(fit_name(name_rules::s3_bucket, "voting-dev-uploads", 13), "voting-dev-uploads");
}

TEST(Naming, ElastiCacheReplicationGroupFitsForty) {
  std::string fitted = resource_name(name_rules::elasticache_replication_group, "voting",
                                     "production", "session-cache-primary-a");
  EXPECT_EQ(fitted.size(), 40u);
  EXPECT_TRUE(satisfies(name_rules::elasticache_replication_group, fitted));
}

TEST(Naming, ForbiddenPrefixesAreAvoided) {
  std::string alb = fit_name(name_rules::load_balancer, "internal-dev");
  EXPECT_NE(alb.rfind("internal-", 0), 0u) << alb;
  EXPECT_TRUE(satisfies(name_rules::load_balancer, alb));
  std::string sg = fit_name(name_rules::security_group, "sg-app-dev-db");
  EXPECT_NE(sg.rfind("sg-", 0), 0u) << sg;
  EXPECT_TRUE(satisfies(name_rules::security_group, sg));
}

TEST(Naming, DisallowedCharactersAreReplaced) {
  std::string fitted = fit_name(name_rules::target_group, "app_dev.web");
  EXPECT_TRUE(satisfies(name_rules::target_group, fitted)) << fitted;
  EXPECT_EQ(fitted.substr(0, 12), "app-dev-web-");
  EXPECT_EQ(fit_name(name_rules::ecs_service, "app_dev_web"), "app_dev_web");
}

}  // namespace
}  // namespace infragen
