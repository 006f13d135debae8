#include "model/env_values.h"

#include <gtest/gtest.h>

namespace infragen {
namespace {

TEST(EnvValues, PlainTextIsOneLiteralPart) {
  auto parts = parse_env_value("Cats");
  ASSERT_TRUE(parts);
  ASSERT_EQ(parts->size(), 1u);
  EXPECT_EQ((*parts)[0].text, "Cats");
  EXPECT_FALSE((*parts)[0].reference);
}

TEST(EnvValues, EmptyValueIsOneEmptyLiteral) {
  auto parts = parse_env_value("");
  ASSERT_TRUE(parts);
  ASSERT_EQ(parts->size(), 1u);
  EXPECT_EQ((*parts)[0].text, "");
}

TEST(EnvValues, ReferencesAndTextKeepTheirOrder) {
  auto parts = parse_env_value("${databases.db.host}:${databases.db.port}");
  ASSERT_TRUE(parts);
  ASSERT_EQ(parts->size(), 3u);
  EXPECT_EQ((*parts)[0].reference->kind, "databases");
  EXPECT_EQ((*parts)[0].reference->name, "db");
  EXPECT_EQ((*parts)[0].reference->attribute, "host");
  EXPECT_EQ((*parts)[1].text, ":");
  EXPECT_EQ((*parts)[2].reference->attribute, "port");
}

TEST(EnvValues, MalformedReferencesAreRejected) {
  EXPECT_FALSE(parse_env_value("${databases.db.host"));
  EXPECT_FALSE(parse_env_value("${databases.db}"));
  EXPECT_FALSE(parse_env_value("${a.b.c.d}"));
  EXPECT_FALSE(parse_env_value("${.b.c}"));
}

TEST(EnvValues, SecretBindings) {
  SecretBinding db = parse_secret_binding("PG_PASSWORD", "databases.orders-db.password");
  EXPECT_EQ(db.source, SecretBinding::Source::database_password);
  EXPECT_EQ(db.target, "orders-db");
  SecretBinding named = parse_secret_binding("API_KEY", "api-key");
  EXPECT_EQ(named.source, SecretBinding::Source::named_secret);
  EXPECT_EQ(named.target, "api-key");
  EXPECT_EQ(named.variable, "API_KEY");
}

}  // namespace
}  // namespace infragen
