#include "lowering/logical_ids.h"

#include <gtest/gtest.h>

namespace infragen {
namespace {

TEST(LogicalIds, IdentifiersBecomePascalCase) {
  EXPECT_EQ(logical_id("service_vote"), "ServiceVote");
  EXPECT_EQ(logical_id("orders-db"), "OrdersDb");
  EXPECT_EQ(logical_id("job_ingest_2"), "JobIngest2");
  EXPECT_EQ(logical_id("cost-center"), "CostCenter");
  EXPECT_EQ(logical_id("db"), "Db");
  EXPECT_EQ(logical_id(""), "");
}

TEST(LogicalIds, AddedNextToIdentifiersWithoutChangingAnything) {
  nlohmann::json view = {
      {"services", {{{"label", "service_vote"}, {"resource", "vote"}, {"port", 80}}}},
      {"names", {{{"key", "service_vote_service"}, {"value", "voting-dev-vote"}}}},
      {"security", {{"peer", ""}, {"label_id", "Kept"}, {"label", "load_balancer"}}}};
  add_logical_ids(view);
  EXPECT_EQ(view["services"][0]["label_id"], "ServiceVote");
  EXPECT_EQ(view["services"][0]["resource_id"], "Vote");
  EXPECT_EQ(view["services"][0]["port"], 80);
  EXPECT_EQ(view["names"][0]["key_id"], "ServiceVoteService");
  EXPECT_EQ(view["security"]["peer_id"], "");
  // An existing field is never overwritten.
  EXPECT_EQ(view["security"]["label_id"], "Kept");
}

}  // namespace
}  // namespace infragen
