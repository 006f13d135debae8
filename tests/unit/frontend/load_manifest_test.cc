#include <gtest/gtest.h>

#include <sstream>

#include "load_helper.h"

namespace infragen {
namespace {

using json = nlohmann::json;
using testing::kHeader;
using testing::load_text;

const std::string kServices =
    "services:\n"
    "  web:\n"
    "    image: nginx\n"
    "    port: 80\n"
    "    expose: public\n"
    "    replicas: 2\n"
    "    autoscale: {min: 2, max: 6, cpu: 70}\n";  // line 10

TEST(LoadManifest, WithoutEnvironmentsThereIsOneNamedDefault) {
  auto result = load_text(kHeader + kServices);
  ASSERT_TRUE(result.manifest) << result.printed;
  ASSERT_EQ(result.manifest->environments.size(), 1u);
  const EnvironmentManifest& environment = result.manifest->environments[0];
  EXPECT_EQ(environment.name, "default");
  EXPECT_TRUE(environment.schedule.is_null());
  EXPECT_EQ(environment.manifest["services"]["web"]["cpu"], 256);  // a default
  EXPECT_EQ(environment.manifest["network"]["zones"], 2);
  EXPECT_EQ(result.manifest->document.locate("/services/web/port").line, 7);
}

TEST(LoadManifest, EnvironmentsInManifestOrderWithOverlaysAndSchedule) {
  auto result =
      load_text(kHeader + kServices +
                "environments:\n"
                "  prod:\n"
                "    services: {web: {replicas: 4}}\n"
                "  dev:\n"
                "    services: {web: {replicas: 1, autoscale: null}}\n"
                "    schedule: {stop: \"cron(0 20 ? * MON-FRI *)\", start: \"cron(0 7 ? * "
                "MON-FRI *)\"}\n");
  ASSERT_TRUE(result.manifest) << result.printed;
  const auto& environments = result.manifest->environments;
  ASSERT_EQ(environments.size(), 2u);
  EXPECT_EQ(environments[0].name, "prod");
  EXPECT_EQ(environments[0].manifest["services"]["web"]["replicas"], 4);
  EXPECT_EQ(environments[0].manifest["services"]["web"]["autoscale"]["max"], 6);
  EXPECT_TRUE(environments[0].schedule.is_null());
  EXPECT_EQ(environments[1].name, "dev");
  EXPECT_EQ(environments[1].manifest["services"]["web"]["replicas"], 1);
  EXPECT_FALSE(environments[1].manifest["services"]["web"].contains("autoscale"));
  EXPECT_EQ(environments[1].schedule["stop"], "cron(0 20 ? * MON-FRI *)");
  EXPECT_FALSE(environments[1].manifest.contains("environments"));
  EXPECT_FALSE(environments[1].manifest.contains("schedule"));
}

TEST(LoadManifest, OverlayProblemsPointIntoTheOverlay) {
  auto result = load_text(kHeader + kServices +
                          "environments:\n"
                          "  prod:\n"
                          "    services: {web: {replicas: 40}}\n");
  EXPECT_FALSE(result.manifest);
  EXPECT_EQ(result.printed,
            "app.yaml:13:32: error: 'replicas' of service 'web' is 40, outside its autoscale range "
            "2-6\n"
            "    services: {web: {replicas: 40}}\n"
            "                               ^~\n"
            "  hint: with autoscale, 'replicas' is the starting count\n"
            "1 error generated.\n");
}

TEST(LoadManifest, OverlayNamesOnlyExistingThings) {
  auto result = load_text(kHeader + kServices +
                          "environments:\n"
                          "  prod:\n"
                          "    services: {wbe: {replicas: 4}}\n");
  EXPECT_EQ(result.printed,
            "app.yaml:13:16: error: unknown service 'wbe' in environment 'prod'\n"
            "    services: {wbe: {replicas: 4}}\n"
            "               ^~~\n"
            "  hint: did you mean 'web'?\n"
            "1 error generated.\n");
}

TEST(LoadManifest, OverlayRemovingARequiredField) {
  auto result = load_text(kHeader +
                          "databases:\n  db: {engine: postgres, version: \"15\"}\n"
                          "environments:\n  dev:\n    databases: {db: {engine: null}}\n");
  EXPECT_EQ(result.printed,
            "app.yaml:8:22: error: missing required field 'engine' in database 'db'\n"
            "    databases: {db: {engine: null}}\n"
            "                     ^~~~~~\n"
            "  hint: 'engine: null' removes it\n"
            "1 error generated.\n");
}

TEST(LoadManifest, ABaseProblemIsReportedOnceForAllEnvironments) {
  auto result = load_text(kHeader + kServices + "    env: {A: \"${caches.nope.host}\"}\n" +
                          "environments:\n  a: {}\n  b: {}\n  c: {}\n");
  EXPECT_FALSE(result.manifest);
  EXPECT_NE(result.printed.find("1 error generated.\n"), std::string::npos) << result.printed;
}

TEST(LoadManifest, BaseChecksStillRunWhenAnOverlayIsBroken) {
  auto result = load_text(kHeader + kServices + "    depends_on: [nothing]\n" +
                          "environments:\n  prod:\n    services: {wbe: {}}\n");
  EXPECT_NE(result.printed.find("unknown dependency 'nothing' of service 'web'"), std::string::npos)
      << result.printed;
  EXPECT_NE(result.printed.find("unknown service 'wbe' in environment 'prod'"), std::string::npos);
}

TEST(LoadManifest, AllProblemsOfOneOverlayAreReported) {
  auto result = load_text(kHeader + kServices +
                          "environments:\n  prod:\n    services: {wbe: {}}\n"
                          "    schedule: {stop: \"cron(0 20 ? * MON-FRI *)\"}\n");
  EXPECT_NE(result.printed.find("app.yaml:13:16: error: unknown service 'wbe' in environment"),
            std::string::npos)
      << result.printed;
  EXPECT_NE(result.printed.find("app.yaml:14:5: error: missing required field 'start' in "
                                "'schedule' of environment 'prod'"),
            std::string::npos)
      << result.printed;
  EXPECT_NE(result.printed.find("2 errors generated.\n"), std::string::npos);
}

TEST(LoadManifest, UnreadableFile) {
  Diagnostics diagnostics;
  EXPECT_FALSE(load_manifest("/nonexistent/app.yaml", diagnostics));
  std::ostringstream out;
  diagnostics.print(out);
  EXPECT_EQ(out.str(),
            "/nonexistent/app.yaml: error: cannot read file: No such file or directory\n"
            "1 error generated.\n");
  Diagnostics directory;
  EXPECT_FALSE(load_manifest("/", directory));
  std::ostringstream out2;
  directory.print(out2);
  EXPECT_EQ(out2.str(), "/: error: cannot read file: Is a directory\n1 error generated.\n");
}

TEST(LoadManifest, ByteOrderMarkIsSkipped) {
  auto result = load_text("\xEF\xBB\xBF" + kHeader + "servces: {}\n");
  EXPECT_NE(result.printed.find("app.yaml:4:1: error: unknown top-level field 'servces'"),
            std::string::npos)
      << result.printed;
}

TEST(LoadManifest, EarlierErrorsInTheSameDiagnosticsDoNotFailALaterManifest) {
  Diagnostics diagnostics;
  diagnostics.error({}, "an earlier problem");
  EXPECT_TRUE(load_manifest_text("app.yaml", kHeader, diagnostics));
}

}  // namespace
}  // namespace infragen
