#include "frontend/schema_defaults.h"

#include <gtest/gtest.h>

#include "frontend/manifest.h"

namespace infragen {
namespace {

using json = nlohmann::json;

TEST(SchemaDefaults, FillsAbsentPropertiesRecursively) {
  SchemaTree schema(json::parse(R"({
    "type": "object",
    "properties": {
      "size": {"type": "string", "default": "small"},
      "health": {"$ref": "#/definitions/health"},
      "things": {"type": "object", "additionalProperties": {"$ref": "#/definitions/thing"}},
      "list": {"type": "array", "items": {"$ref": "#/definitions/thing"}}
    },
    "definitions": {
      "health": {"type": "object", "default": {},
                 "properties": {"path": {"default": "/"}, "grace": {"default": 60}}},
      "thing": {"type": "object", "properties": {"count": {"default": 1}, "health": {"$ref": "#/definitions/health"}}}
    }
  })"));
  json value = json::parse(R"({"size": "large", "things": {"a": {}, "b": {"count": 3}},
                               "list": [{"health": {"grace": 5}}]})");
  fill_schema_defaults(schema, value);
  EXPECT_EQ(value, json::parse(R"({
    "size": "large",
    "health": {"path": "/", "grace": 60},
    "things": {"a": {"count": 1, "health": {"path": "/", "grace": 60}},
               "b": {"count": 3, "health": {"path": "/", "grace": 60}}},
    "list": [{"count": 1, "health": {"path": "/", "grace": 5}}]
  })"));
}

TEST(SchemaDefaults, ManifestSchemaDefaultsReachServicesAndJobs) {
  SchemaTree schema(json::parse(manifest_schema_text()));
  json value = json::parse(R"json({"services": {"web": {"image": "x", "port": 80}},
                               "jobs": {"j": {"image": "y", "schedule": "rate(1 day)"}}})json");
  fill_schema_defaults(schema, value);
  EXPECT_EQ(value["services"]["web"]["expose"], "private");
  EXPECT_EQ(value["services"]["web"]["health"]["path"], "/");
  EXPECT_EQ(value["services"]["web"]["port"], 80);
  EXPECT_EQ(value["jobs"]["j"]["compute"]["memory"], 2048);
  EXPECT_EQ(value["network"]["cidr"], "10.0.0.0/16");
  EXPECT_FALSE(value["services"]["web"].contains("build"));
  EXPECT_FALSE(value["services"]["web"].contains("autoscale"));
}

}  // namespace
}  // namespace infragen
