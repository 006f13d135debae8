#include "lowering/kubernetes_cron.h"

#include <gtest/gtest.h>

namespace infragen {
namespace {

std::string cron(const std::string& expression) {
  const KubernetesCron converted = kubernetes_cron(expression);
  EXPECT_EQ(converted.unsupported, "") << expression;
  return converted.cron;
}

TEST(KubernetesCron, CronDropsTheYearAndQuestionMarks) {
  EXPECT_EQ(cron("cron(30 2 * * ? *)"), "30 2 * * *");
  EXPECT_EQ(cron("cron(0 8 1 * ? *)"), "0 8 1 * *");
  EXPECT_EQ(cron("cron(5,35 14 * * ? *)"), "5,35 14 * * *");
}

TEST(KubernetesCron, DaysOfTheWeekCountFromSundayZero) {
  // EventBridge: SUN = 1 ... SAT = 7; Kubernetes: SUN = 0 ... SAT = 6.
  EXPECT_EQ(cron("cron(0 6 ? * MON *)"), "0 6 * * 1");
  EXPECT_EQ(cron("cron(0 18 ? * MON-FRI *)"), "0 18 * * 1-5");
  EXPECT_EQ(cron("cron(0 18 ? * 2-6 *)"), "0 18 * * 1-5");
  EXPECT_EQ(cron("cron(0 12 ? * SUN,7 *)"), "0 12 * * 0,6");
  // A range that wraps past Saturday is written out.
  EXPECT_EQ(cron("cron(0 0 ? * FRI-MON *)"), "0 0 * * 5,6,0,1");
  EXPECT_EQ(cron("cron(0 0 ? * */2 *)"), "0 0 * * */2");
  EXPECT_EQ(cron("cron(0 0 ? * 2-6/2 *)"), "0 0 * * 1-5/2");
}

TEST(KubernetesCron, StepsRangesAndMonths) {
  EXPECT_EQ(cron("cron(0/15 * * * ? *)"), "0-59/15 * * * *");
  EXPECT_EQ(cron("cron(*/10 9-17 * * ? *)"), "*/10 9-17 * * *");
  EXPECT_EQ(cron("cron(0 10-20/2 * * ? *)"), "0 10-20/2 * * *");
  EXPECT_EQ(cron("cron(0 12 1 JAN,jul ? *)"), "0 12 1 1,7 *");
  EXPECT_EQ(cron("cron(0 12 1/7 * ? *)"), "0 12 1-31/7 * *");
}

TEST(KubernetesCron, RatesThatDivideAnHourOrADay) {
  EXPECT_EQ(cron("rate(1 minute)"), "* * * * *");
  EXPECT_EQ(cron("rate(5 minutes)"), "*/5 * * * *");
  EXPECT_EQ(cron("rate(30 minutes)"), "*/30 * * * *");
  EXPECT_EQ(cron("rate(60 minutes)"), "0 * * * *");
  EXPECT_EQ(cron("rate(120 minutes)"), "0 */2 * * *");
  EXPECT_EQ(cron("rate(1 hour)"), "0 * * * *");
  EXPECT_EQ(cron("rate(6 hours)"), "0 */6 * * *");
  EXPECT_EQ(cron("rate(24 hours)"), "0 0 * * *");
  EXPECT_EQ(cron("rate(1 day)"), "0 0 * * *");
  EXPECT_EQ(cron("rate(7 days)"), "0 0 * * 0");
}

TEST(KubernetesCron, SaysWhatKubernetesCronCannotExpress) {
  const KubernetesCron weekday = kubernetes_cron("cron(0 9 15W * ? *)");
  EXPECT_EQ(weekday.cron, "");
  EXPECT_EQ(weekday.unsupported, "the nearest-weekday wildcard W");
  EXPECT_EQ(weekday.hint, "write the days of the month or of the week the job runs on");
  EXPECT_EQ(kubernetes_cron("cron(0 0 L * ? *)").unsupported, "the last-day wildcard L");
  EXPECT_EQ(kubernetes_cron("cron(0 22 ? * 6L *)").unsupported, "the last-day wildcard L");
  EXPECT_EQ(kubernetes_cron("cron(15 10 ? * 6#3 *)").unsupported,
            "the n-th weekday of the month (#)");
  const KubernetesCron year = kubernetes_cron("cron(0 12 1 1 ? 2030)");
  EXPECT_EQ(year.unsupported, "a year (2030)");
  EXPECT_EQ(year.hint, "write * for the year: a CronJob runs every year");
}

TEST(KubernetesCron, RefusesRatesThatDoNotDivideEvenly) {
  const KubernetesCron seven = kubernetes_cron("rate(7 minutes)");
  EXPECT_EQ(seven.cron, "");
  EXPECT_EQ(seven.unsupported,
            "a period of 7 minutes, which does not divide an hour or a day evenly");
  EXPECT_EQ(seven.hint,
            "use a period that does (rate(5 minutes), rate(2 hours), rate(1 day), rate(7 days)) "
            "or a cron() expression");
  EXPECT_EQ(kubernetes_cron("rate(5 hours)").unsupported,
            "a period of 5 hours, which does not divide an hour or a day evenly");
  EXPECT_EQ(kubernetes_cron("rate(90 minutes)").cron, "");
  EXPECT_EQ(kubernetes_cron("rate(2 days)").cron, "");
}

}  // namespace
}  // namespace infragen
