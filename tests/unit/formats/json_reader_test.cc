#include "formats/json_reader.h"

#include <gtest/gtest.h>

namespace infragen {
namespace {

using nlohmann::json;

TEST(JsonReader, GivesWhatNlohmannParseGives) {
  const char* text =
      R"({"b": [1, -2, 3.5, 18446744073709551615, true, null, "x\u00e9"],
          "a": {"list": [{"k": 1}, {"k": 2}, []], "empty": {}},
          "k": "same key name in another object is fine"})";
  std::optional<json> read = read_json_without_duplicate_keys(text);
  ASSERT_TRUE(read);
  EXPECT_EQ(*read, json::parse(text));
  EXPECT_EQ(read->dump(2), json::parse(text).dump(2));
  EXPECT_TRUE((*read)["b"][3].is_number_unsigned());
  EXPECT_TRUE((*read)["b"][1].is_number_integer());
}

TEST(JsonReader, ReadsAScalarDocument) {
  EXPECT_EQ(read_json_without_duplicate_keys(" \"text\"\n"), json("text"));
  EXPECT_EQ(read_json_without_duplicate_keys("[]"), json::array());
}

TEST(JsonReader, DeclinesADuplicateKeyAtAnyDepth) {
  EXPECT_FALSE(read_json_without_duplicate_keys(R"({"a": 1, "a": 1})"));
  EXPECT_FALSE(read_json_without_duplicate_keys(R"({"x": [{"b": {"c": 1, "d": 2, "c": 3}}]})"));
}

TEST(JsonReader, DeclinesInvalidJson) {
  EXPECT_FALSE(read_json_without_duplicate_keys(R"({"a": 1,})"));
  EXPECT_FALSE(read_json_without_duplicate_keys(R"({"a": 1} trailing)"));
  EXPECT_FALSE(read_json_without_duplicate_keys(""));
  EXPECT_FALSE(read_json_without_duplicate_keys("[1e999]"));
}

}  // namespace
}  // namespace infragen
