#include "lowering/features.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "lowering_fixture.h"

namespace infragen {
namespace {

// A public service and a worker in every environment; alarms only in prod (the second one).
const char* kTwoEnvironments = R"yaml(apiVersion: infragen/v1
name: shop
region: eu-west-1
services:
  web: {image: nginx:1.27, port: 80, expose: public}
  worker: {image: myorg/worker:1, expose: none, spot: true}
environments:
  dev: {}
  prod:
    observability:
      alarms: {email: ops@example.com}
)yaml";

std::vector<AppModel> models_of(const std::string& yaml) {
  Diagnostics diagnostics;
  auto manifest = load_manifest_text("app.yaml", yaml, diagnostics);
  std::vector<AppModel> models;
  if (manifest && !diagnostics.has_errors()) models = build_models(*manifest, diagnostics);
  std::ostringstream printed;
  diagnostics.print(printed);
  EXPECT_FALSE(diagnostics.has_errors()) << printed.str();
  return models;
}

TargetSpec spec_supporting(std::vector<std::string> supports) {
  TargetSpec spec;
  spec.target = "small";
  spec.supports = std::move(supports);
  return spec;
}

TEST(FirstUnsupportedFeature, NoneWhenThePackCarriesTheManifest) {
  const auto models = models_of(testing::source_file("examples/voting/app.yaml"));
  EXPECT_FALSE(first_unsupported_feature(models, testing::ecs_fargate_spec()));
}

// services.spot is advisory: a target without it ignores it (a warning), so it can still carry
// the manifest.
TEST(FirstUnsupportedFeature, AdvisoryFeaturesNeverStopATarget) {
  const auto models = models_of(kTwoEnvironments);
  EXPECT_FALSE(first_unsupported_feature(
      models, spec_supporting({"services.public", "services.none", "observability.alarms"})));
}

TEST(FirstUnsupportedFeature, TheFirstUseInFeaturesUsedOrder) {
  const auto models = models_of(kTwoEnvironments);
  const auto use = first_unsupported_feature(models, spec_supporting({"services.public"}));
  ASSERT_TRUE(use);
  EXPECT_EQ(use->feature, "services.none");
  EXPECT_EQ(use->description, "a service without inbound traffic");
  EXPECT_EQ(use->owner, "service 'worker'");
  EXPECT_EQ(use->location.line, 6);
  EXPECT_EQ(use_phrase(*use), "a service without inbound traffic (service 'worker')");
  EXPECT_EQ(unsupported_hint(*use), "`services.none` is not in the target's supported features");
}

// A feature only a later environment uses stops the target too, at that environment's line.
TEST(FirstUnsupportedFeature, FoundInALaterEnvironment) {
  const auto models = models_of(kTwoEnvironments);
  ASSERT_EQ(models.size(), 2u);
  const auto use =
      first_unsupported_feature(models, spec_supporting({"services.public", "services.none"}));
  ASSERT_TRUE(use);
  EXPECT_EQ(use->feature, "observability.alarms");
  EXPECT_EQ(use->owner, "");
  EXPECT_EQ(use->location.line, 11);
  EXPECT_EQ(use_phrase(*use), "alarms");
}

// It is the first error check_features reports for the same target.
TEST(FirstUnsupportedFeature, AgreesWithCheckFeatures) {
  const TargetSpec spec = spec_supporting({"services.public"});
  const auto use = first_unsupported_feature(models_of(kTwoEnvironments), spec);
  ASSERT_TRUE(use);
  const auto lowered = testing::lower_yaml(kTwoEnvironments, spec);
  EXPECT_FALSE(lowered.ok());
  const std::string expected = "app.yaml:" + std::to_string(use->location.line) + ":" +
                               std::to_string(use->location.column) +
                               ": error: target 'small' cannot carry " + use_phrase(*use) + "\n";
  EXPECT_NE(lowered.messages.find(expected), std::string::npos) << lowered.messages;
}

}  // namespace
}  // namespace infragen
