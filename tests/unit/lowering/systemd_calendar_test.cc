#include "lowering/systemd_calendar.h"

#include <gtest/gtest.h>

namespace infragen {
namespace {

std::string calendar(const std::string& expression) {
  const SystemdTimer timer = systemd_timer(expression);
  EXPECT_EQ(timer.unsupported, "") << expression;
  EXPECT_EQ(timer.settings.size(), 1u) << expression;
  if (timer.settings.size() != 1 || timer.settings[0].first != "OnCalendar") return "";
  return timer.settings[0].second;
}

TEST(SystemdCalendar, CronFieldsInSystemdsOrderAndUtc) {
  EXPECT_EQ(calendar("cron(0 6 ? * MON *)"), "Mon *-*-* 06:00:00 UTC");
  EXPECT_EQ(calendar("cron(30 2 * * ? *)"), "*-*-* 02:30:00 UTC");
  EXPECT_EQ(calendar("cron(0 8 1 * ? *)"), "*-*-1 08:00:00 UTC");
  EXPECT_EQ(calendar("cron(5,35 14 * * ? *)"), "*-*-* 14:5,35:00 UTC");
}

TEST(SystemdCalendar, StepsRangesAndNames) {
  EXPECT_EQ(calendar("cron(0/15 * * * ? *)"), "*-*-* *:0/15:00 UTC");
  EXPECT_EQ(calendar("cron(*/10 9-17 * * ? *)"), "*-*-* 9..17:0/10:00 UTC");
  EXPECT_EQ(calendar("cron(0 10-20/2 * * ? *)"), "*-*-* 10..20/2:00:00 UTC");
  EXPECT_EQ(calendar("cron(0 18 ? * MON-FRI *)"), "Mon,Tue,Wed,Thu,Fri *-*-* 18:00:00 UTC");
  EXPECT_EQ(calendar("cron(0 12 ? JAN,JUL SUN 2030)"), "Sun 2030-1,7-* 12:00:00 UTC");
  // EventBridge counts days from Sunday (1); a range may wrap past Saturday.
  EXPECT_EQ(calendar("cron(0 0 ? * 6-2 *)"), "Fri,Sat,Sun,Mon *-*-* 00:00:00 UTC");
}

TEST(SystemdCalendar, LastDaysAndNthWeekdays) {
  EXPECT_EQ(calendar("cron(0 0 L * ? *)"), "*-*~01 00:00:00 UTC");
  // The third Friday is the one between the 15th and the 21st.
  EXPECT_EQ(calendar("cron(15 10 ? * 6#3 *)"), "Fri *-*-15..21 10:15:00 UTC");
  // The last Friday is the one in the month's last seven days.
  EXPECT_EQ(calendar("cron(0 22 ? * 6L *)"), "Fri *-*~07/1 22:00:00 UTC");
}

TEST(SystemdCalendar, RatesRunOnePeriodApart) {
  const SystemdTimer timer = systemd_timer("rate(90 minutes)");
  ASSERT_EQ(timer.settings.size(), 2u);
  EXPECT_EQ(timer.settings[0], (std::pair<std::string, std::string>{"OnBootSec", "90min"}));
  EXPECT_EQ(timer.settings[1], (std::pair<std::string, std::string>{"OnUnitActiveSec", "90min"}));
  EXPECT_EQ(systemd_timer("rate(1 hour)").settings[1].second, "1h");
  EXPECT_EQ(systemd_timer("rate(7 days)").settings[1].second, "7d");
}

TEST(SystemdCalendar, SaysWhatSystemdCannotExpress) {
  EXPECT_EQ(systemd_timer("cron(0 9 15W * ? *)").unsupported, "the nearest-weekday wildcard W");
  EXPECT_TRUE(systemd_timer("cron(0 9 15W * ? *)").settings.empty());
  EXPECT_EQ(systemd_timer("cron(0 9 ? * 9#2 *)").unsupported, "this cron expression");
}

}  // namespace
}  // namespace infragen
