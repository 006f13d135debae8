// The view model keeps its contract (schemas/view/): for the examples, the regression manifests
// and the manifests in view_contract/, on every pack, with all formats and with Terraform alone.
#include "lowering/view_contract.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "lowering/view_sections.h"
#include "lowering_fixture.h"

namespace infragen {
namespace {

using testing::lower_yaml;
using testing::source_file;
using testing::source_file_path;
using testing::target_spec_from_pack;

std::vector<std::string> manifests() {
  std::vector<std::string> paths;
  namespace fs = std::filesystem;
  for (const auto& entry : fs::directory_iterator(source_file_path("examples"))) {
    paths.push_back("examples/" + entry.path().filename().string() + "/app.yaml");
  }
  // The conformance fixtures: what the examples leave out (the batch target's GPU jobs...).
  for (const auto& entry : fs::directory_iterator(source_file_path("tests/conformance/fixtures"))) {
    const std::string path =
        "tests/conformance/fixtures/" + entry.path().filename().string() + "/app.yaml";
    if (fs::exists(source_file_path(path))) paths.push_back(path);
  }
  for (const char* folder : {"tests/generative/regressions", "tests/unit/lowering/view_contract"}) {
    for (const auto& entry : fs::directory_iterator(source_file_path(folder))) {
      if (entry.path().extension() == ".yaml") {
        paths.push_back(std::string(folder) + "/" + entry.path().filename().string());
      }
    }
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

std::string joined(const std::vector<std::string>& problems) {
  std::string text;
  for (const auto& problem : problems) text += "\n  " + problem;
  return text;
}

std::set<std::string> keys_of(const nlohmann::json& properties) {
  std::set<std::string> keys;
  for (const auto& [key, value] : properties.items()) keys.insert(key);
  return keys;
}

TEST(ViewContract, EverySectionHasASchemaForExactlyTheKeysItOwns) {
  for (const auto& section : view_sections()) {
    SCOPED_TRACE(section.name);
    const nlohmann::json& schema = view_section_schema(section.name);
    ASSERT_TRUE(schema.is_object());
    EXPECT_EQ(schema["$id"],
              "https://infragen.dev/schemas/view/" + section.name + ".v1.schema.json");
    EXPECT_FALSE(schema.value("description", "").empty());
    std::set<std::string> properties = keys_of(schema["properties"]);
    std::set<std::string> owned(section.keys.begin(), section.keys.end());
    if (!section.environment_keys.empty() && !owned.count("environments")) {
      EXPECT_TRUE(properties.erase("environments")) << "its environment keys are not described";
    }
    EXPECT_EQ(properties, owned);
    if (section.environment_keys.empty()) continue;
    std::set<std::string> environment_properties =
        keys_of(schema["properties"]["environments"]["items"]["properties"]);
    EXPECT_EQ(environment_properties, std::set<std::string>(section.environment_keys.begin(),
                                                            section.environment_keys.end()));
  }
}

TEST(ViewContract, NoKeyIsOwnedTwice) {
  std::set<std::string> keys;
  std::set<std::string> environment_keys;
  for (const auto& section : view_sections()) {
    for (const auto& key : section.keys) EXPECT_TRUE(keys.insert(key).second) << key;
    for (const auto& key : section.environment_keys) {
      EXPECT_TRUE(environment_keys.insert(key).second) << key;
    }
  }
}

TEST(ViewContract, HoldsForEveryManifestPackAndFormatChoice) {
  int views = 0;
  for (const char* target : {"ecs-fargate", "ecs-ec2", "ec2-compose", "batch"}) {
    const TargetSpec pack = target_spec_from_pack(target);
    const TargetSpec terraform_only = [&pack] {
      TargetSpec spec = pack;
      spec.sections.erase(std::remove(spec.sections.begin(), spec.sections.end(), "cloudformation"),
                          spec.sections.end());
      return spec;
    }();
    for (const TargetSpec* spec : {&pack, &terraform_only}) {
      for (const auto& path : manifests()) {
        auto lowered = lower_yaml(source_file(path), *spec);
        if (!lowered.ok()) continue;  // a manifest the pack declines has no view
        ++views;
        auto problems = view_contract_problems(lowered.view, with_needed_sections(spec->sections));
        EXPECT_TRUE(problems.empty()) << target << " " << path << joined(problems);
      }
    }
  }
  EXPECT_GT(views, 30);
}

TEST(ViewContract, ReportsAMissingKeyAStrayKeyAndAWrongType) {
  const TargetSpec pack = target_spec_from_pack("ecs-fargate");
  auto lowered = lower_yaml(source_file("examples/hello/app.yaml"), pack);
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  nlohmann::json view = lowered.view;
  view.erase("has_services");
  view["stray"] = 1;
  view["environments"][0]["network"]["nat_gateways"] = "one";
  auto problems = view_contract_problems(view, with_needed_sections(pack.sections));
  std::string text = joined(problems);
  EXPECT_NE(text.find("/stray: no built section owns this key"), std::string::npos) << text;
  EXPECT_NE(text.find("has_services"), std::string::npos) << text;
  EXPECT_NE(text.find("/environments/0/network/nat_gateways"), std::string::npos) << text;
}

TEST(ViewContract, ASectionNotBuiltIsNeitherInTheViewNorAllowed) {
  TargetSpec spec = target_spec_from_pack("ecs-fargate");
  spec.sections = {"network"};
  auto lowered = lower_yaml(source_file("examples/hello/app.yaml"), spec);
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  EXPECT_TRUE(lowered.view.contains("network"));
  EXPECT_FALSE(lowered.view.contains("services"));
  EXPECT_FALSE(lowered.view.contains("cloudformation"));
  EXPECT_FALSE(lowered.view["environments"][0].contains("services"));
  EXPECT_TRUE(view_contract_problems(lowered.view, with_needed_sections(spec.sections)).empty());
  // The full view has keys only the other sections own.
  auto full = lower_yaml(source_file("examples/hello/app.yaml"));
  auto problems = view_contract_problems(full.view, with_needed_sections({"network"}));
  EXPECT_NE(joined(problems).find("/services: no built section owns this key"), std::string::npos);
}

TEST(ViewSections, ASectionBringsTheSectionsItReads) {
  EXPECT_EQ(with_needed_sections({}), (std::vector<std::string>{"common"}));
  EXPECT_EQ(with_needed_sections({"load_balancer"}),
            (std::vector<std::string>{"common", "network", "load_balancer"}));
  EXPECT_EQ(with_needed_sections({"fargate_sizing"}),
            (std::vector<std::string>{"common", "network", "load_balancer", "images",
                                      "ecs_workloads", "fargate_sizing"}));
}

TEST(ViewSections, SelectingSectionsKeepsTheirKeysAndEachEnvironmentsName) {
  auto lowered = lower_yaml(source_file("examples/voting/app.yaml"));
  ASSERT_TRUE(lowered.ok()) << lowered.messages;
  nlohmann::json shown = view_sections_of(lowered.view, {"data_stores"});
  std::set<std::string> keys = keys_of(shown);
  EXPECT_EQ(keys,
            (std::set<std::string>{"buckets", "caches", "databases", "environments", "has_buckets",
                                   "has_caches", "has_data_stores", "has_databases", "has_secrets",
                                   "has_volumes", "secrets", "volumes"}));
  for (const auto& environment : shown["environments"]) {
    EXPECT_EQ(keys_of(environment),
              (std::set<std::string>{"name", "databases", "caches", "buckets", "volumes"}));
  }
}

}  // namespace
}  // namespace infragen
