#include "frontend/overlay_merge.h"

#include <gtest/gtest.h>

#include "frontend/yaml_loader.h"

namespace infragen {
namespace {

using json = nlohmann::json;

Document load(const std::string& text) {
  Diagnostics diagnostics;
  auto document = load_yaml_document(std::make_shared<SourceFile>("app.yaml", text), diagnostics);
  EXPECT_TRUE(document);
  return *document;
}

const std::string kManifest =
    "services:\n"                           // 1
    "  vote:\n"                             // 2
    "    image: v\n"                        // 3
    "    replicas: 2\n"                     // 4
    "    autoscale: {min: 2, max: 9}\n"     // 5
    "    env: {A: a, B: b}\n"               // 6
    "environments:\n"                       // 7
    "  dev:\n"                              // 8
    "    services:\n"                       // 9
    "      vote:\n"                         // 10
    "        replicas: 1\n"                 // 11
    "        autoscale: null\n"             // 12
    "        env: {B: changed, C: new}\n"   // 13
    "        command: [run, fast]\n"        // 14
    "    schedule: {stop: x, start: y}\n";  // 15

TEST(OverlayMerge, MapsMergeNullRemovesOthersReplace) {
  Document document = load(kManifest);
  Document merged = merge_overlay(document, document.root["environments"]["dev"],
                                  "/environments/dev", {"schedule"});
  EXPECT_EQ(merged.root, json::parse(R"({"services": {"vote": {
      "image": "v", "replicas": 1, "env": {"A": "a", "B": "changed", "C": "new"},
      "command": ["run", "fast"]}}})"));
}

TEST(OverlayMerge, LocationsFollowTheValues) {
  Document document = load(kManifest);
  Document merged = merge_overlay(document, document.root["environments"]["dev"],
                                  "/environments/dev", {"schedule"});
  EXPECT_EQ(merged.locate("/services/vote/image").line, 3);      // from the base
  EXPECT_EQ(merged.locate("/services/vote/replicas").line, 11);  // replaced by the overlay
  EXPECT_EQ(merged.locate("/services/vote/env/A").line, 6);
  EXPECT_EQ(merged.locate("/services/vote/env/C").line, 13);
  EXPECT_EQ(merged.locate_key("/services/vote/env/C").column, 27);
  EXPECT_EQ(merged.locate("/services/vote/command/1").line, 14);
  EXPECT_EQ(merged.locate("/services/vote/command/1").column, 24);
  // Nothing of the removed value is left, but the removing key is remembered.
  EXPECT_EQ(merged.value_locations.count("/services/vote/autoscale"), 0u);
  EXPECT_EQ(merged.value_locations.count("/services/vote/autoscale/min"), 0u);
  EXPECT_EQ(merged.key_locations.at("/services/vote/autoscale").line, 12);
  // The environments section itself is gone.
  EXPECT_EQ(merged.value_locations.count("/environments"), 0u);
  EXPECT_EQ(merged.key_locations.count("/environments/dev"), 0u);
}

// A null inside a map the base does not have removes nothing: `observability: {alarms: null}`
// turns alarms off also when the base says nothing about observability.
TEST(OverlayMerge, NullInsideAMapTheBaseLacksIsDropped) {
  Document document = load(
      "name: x\n"                                                     // 1
      "environments:\n"                                               // 2
      "  dev:\n"                                                      // 3
      "    observability: {alarms: null, log_retention_days: 7}\n");  // 4
  Document merged =
      merge_overlay(document, document.root["environments"]["dev"], "/environments/dev", {});
  EXPECT_EQ(merged.root,
            json::parse(R"({"name": "x", "observability": {"log_retention_days": 7}})"));
  EXPECT_EQ(merged.locate("/observability/log_retention_days").line, 4);
  EXPECT_EQ(merged.locate_key("/observability").line, 4);
}

TEST(OverlayMerge, NoOverlayIsTheBaseWithoutEnvironments) {
  Document document = load(kManifest);
  Document merged = merge_overlay(document, json(nullptr), "", {});
  json expected = document.root;
  expected.erase("environments");
  EXPECT_EQ(merged.root, expected);
  EXPECT_EQ(merged.locate("/services/vote/autoscale/max").line, 5);
}

TEST(OverlayMerge, SiblingWithCommonPrefixKeepsItsLocations) {
  Document document = load(
      "services:\n  a: {x: 1}\n  ab: {x: 2}\nenvironments:\n  e:\n    services:\n      a: 5\n");
  Document merged =
      merge_overlay(document, document.root["environments"]["e"], "/environments/e", {});
  EXPECT_EQ(merged.root["services"]["a"], 5);
  EXPECT_EQ(merged.locate("/services/ab/x").line, 3);
  EXPECT_EQ(merged.value_locations.count("/services/a/x"), 0u);
}

}  // namespace
}  // namespace infragen
