#include "lowering/autoscaling_recurrence.h"

#include <gtest/gtest.h>

namespace infragen {
namespace {

std::string recurrence(const std::string& expression) {
  return autoscaling_recurrence(expression).recurrence;
}

std::string unsupported(const std::string& expression) {
  return autoscaling_recurrence(expression).unsupported;
}

TEST(AutoScalingRecurrence, KeepsTimesAndRenumbersWeekdaysFromZero) {
  EXPECT_EQ(recurrence("cron(0 19 ? * MON-FRI *)"), "0 19 * * 1-5");
  EXPECT_EQ(recurrence("cron(30 2 * * ? *)"), "30 2 * * *");
  // EventBridge's 1 is Sunday, Unix cron's 0.
  EXPECT_EQ(recurrence("cron(0 6 ? * 1,7 *)"), "0 6 * * 0,6");
  EXPECT_EQ(recurrence("cron(0 6 ? * sun *)"), "0 6 * * 0");
  EXPECT_EQ(recurrence("cron(0/15 8-18 1,15 JAN-MAR ? *)"), "0-59/15 8-18 1,15 1-3 *");
  EXPECT_EQ(recurrence("cron(*/10 */2 ? * * *)"), "*/10 */2 * * *");
  EXPECT_EQ(recurrence("cron(5 4 ? JUL WED *)"), "5 4 * 7 3");
}

TEST(AutoScalingRecurrence, SplitsAWeekdayRangeThatWrapsPastSaturday) {
  EXPECT_EQ(recurrence("cron(0 7 ? * FRI-MON *)"), "0 7 * * 5-6,0-1");
  EXPECT_EQ(recurrence("cron(0 7 ? * SAT-SUN *)"), "0 7 * * 6,0");
}

TEST(AutoScalingRecurrence, RefusesWhatUnixCronCannotSay) {
  EXPECT_EQ(recurrence("rate(1 day)"), "");
  EXPECT_EQ(unsupported("rate(1 day)"), "a rate() expression (no fixed time of day)");
  EXPECT_EQ(unsupported("cron(0 6 L * ? *)"), "the wildcard L");
  EXPECT_EQ(unsupported("cron(0 6 15W * ? *)"), "the wildcard W");
  EXPECT_EQ(unsupported("cron(0 6 ? * 6#3 *)"), "the wildcard #");
  EXPECT_EQ(unsupported("cron(0 6 ? * MON 2030)"), "a year other than *");
  EXPECT_EQ(unsupported("cron(0 6 * *)"), "a cron expression without six fields");
  EXPECT_EQ(unsupported("cron(0 6 ? * XYZ *)"), "this cron expression");
  EXPECT_EQ(unsupported("cron(0 19 ? * MON-FRI *)"), "");
}

}  // namespace
}  // namespace infragen
