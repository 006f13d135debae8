// Schema failures as the user sees them: message, position and hint, through load_manifest_text.
#include <gtest/gtest.h>

#include "load_helper.h"

namespace infragen {
namespace {

using testing::kHeader;
using testing::load_text;

TEST(SchemaMessages, UnknownFieldAtTheKeyWithSuggestion) {
  auto result = load_text(kHeader + "services:\n  vote:\n    imgae: nginx\n    port: 80\n");
  EXPECT_FALSE(result.manifest);
  // The misspelt 'image' explains why neither image nor build is there: reported once.
  EXPECT_EQ(result.printed,
            "app.yaml:6:5: error: unknown field 'imgae' in service 'vote'\n"
            "    imgae: nginx\n"
            "    ^~~~~\n"
            "  hint: did you mean 'image'?\n"
            "1 error generated.\n");
}

TEST(SchemaMessages, UnknownTopLevelField) {
  auto result = load_text(kHeader + "servces: {}\n");
  EXPECT_EQ(result.printed,
            "app.yaml:4:1: error: unknown top-level field 'servces'\n"
            "servces: {}\n"
            "^~~~~~~\n"
            "  hint: did you mean 'services'?\n"
            "1 error generated.\n");
}

TEST(SchemaMessages, WrongTypeWithQuotingHint) {
  auto result = load_text(kHeader + "databases:\n  db: {engine: postgres, version: 15.10}\n");
  EXPECT_EQ(result.printed,
            "app.yaml:5:35: error: 'version' must be a string, not a number\n"
            "  db: {engine: postgres, version: 15.10}\n"
            "                                  ^~~~~\n"
            "  hint: write it in quotes to make it a string: \"15.10\"\n"
            "1 error generated.\n");
}

TEST(SchemaMessages, IntegerNotString) {
  auto result =
      load_text(kHeader + "services:\n  vote: {image: x, port: \"80\", expose: public}\n");
  EXPECT_NE(result.printed.find("app.yaml:5:26: error: 'port' must be an integer, not a string\n"),
            std::string::npos)
      << result.printed;
}

TEST(SchemaMessages, EnumWithSuggestion) {
  auto result = load_text(kHeader + "services:\n  vote: {image: x, port: 80, expose: pubic}\n");
  EXPECT_EQ(result.printed,
            "app.yaml:5:38: error: 'expose' must be one of: public, private, none\n"
            "  vote: {image: x, port: 80, expose: pubic}\n"
            "                                     ^~~~~\n"
            "  hint: did you mean 'public'?\n"
            "1 error generated.\n");
}

TEST(SchemaMessages, PatternInWords) {
  auto result = load_text("apiVersion: infragen/v1\nname: My-App\nregion: eu-west-1\n");
  EXPECT_EQ(result.printed,
            "app.yaml:2:7: error: 'name' must consist of lower-case letters, digits and '-', start "
            "with a letter and be 2-25 characters long\n"
            "name: My-App\n"
            "      ^~~~~~\n"
            "  hint: did you mean 'my-app'?\n"
            "1 error generated.\n");
}

TEST(SchemaMessages, PatternTooLong) {
  auto result =
      load_text("apiVersion: infragen/v1\nname: " + std::string(26, 'a') + "\nregion: eu-west-1\n");
  EXPECT_NE(result.printed.find("  hint: '" + std::string(26, 'a') + "' is 26 characters long\n"),
            std::string::npos)
      << result.printed;
}

TEST(SchemaMessages, PatternWithoutWordsShowsTheRegexAndAnExample) {
  auto result = load_text("apiVersion: infragen/v1\nname: shop\nregion: europe\n");
  EXPECT_NE(result.printed.find("app.yaml:3:9: error: 'region' must match ^"), std::string::npos)
      << result.printed;
  EXPECT_NE(result.printed.find("  hint: for example 'eu-central-1'\n"), std::string::npos)
      << result.printed;
}

TEST(SchemaMessages, MissingRequiredAtTheMapKey) {
  auto result = load_text(kHeader + "databases:\n  db:\n    version: \"15\"\n");
  EXPECT_EQ(result.printed,
            "app.yaml:5:3: error: missing required field 'engine' in database 'db'\n"
            "  db:\n"
            "  ^~\n"
            "1 error generated.\n");
}

TEST(SchemaMessages, MissingRequiredTopLevel) {
  auto result = load_text("apiVersion: infragen/v1\nname: shop\n");
  EXPECT_EQ(result.printed,
            "app.yaml:1:1: error: missing required top-level field 'region'\n"
            "apiVersion: infragen/v1\n"
            "^\n"
            "1 error generated.\n");
}

TEST(SchemaMessages, RangeLimits) {
  auto result = load_text(kHeader + "network: {zones: 9}\n");
  EXPECT_NE(result.printed.find("app.yaml:4:18: error: 'zones' must be at most 6\n"),
            std::string::npos)
      << result.printed;
  result = load_text(kHeader + "databases:\n  db: {engine: mysql, version: \"8.0\", storage: 5}\n");
  EXPECT_NE(result.printed.find("error: 'storage' must be at least 20\n"), std::string::npos)
      << result.printed;
}

TEST(SchemaMessages, ExactlyOneOfImageOrBuild) {
  auto neither = load_text(kHeader + "services:\n  worker: {expose: none}\n");
  EXPECT_EQ(neither.printed,
            "app.yaml:5:3: error: service 'worker' needs exactly one of 'image' or 'build'\n"
            "  worker: {expose: none}\n"
            "  ^~~~~~\n"
            "1 error generated.\n");
  auto both = load_text(kHeader +
                        "services:\n  worker:\n    image: x\n    build: {context: .}\n"
                        "    expose: none\n");
  EXPECT_EQ(both.printed,
            "app.yaml:7:5: error: service 'worker' needs exactly one of 'image' or 'build'\n"
            "    build: {context: .}\n"
            "    ^~~~~\n"
            "  hint: it has both 'image' and 'build'\n"
            "1 error generated.\n");
}

TEST(SchemaMessages, AnyOfNamesTheChoices) {
  auto result = load_text(kHeader +
                          "services:\n  web:\n    image: x\n    port: 80\n    expose: public\n"
                          "    autoscale: {max: 4}\n");
  EXPECT_NE(result.printed.find("app.yaml:9:5: error: 'autoscale' of service 'web' needs at least "
                                "one of 'cpu', 'memory' or 'requests'\n"),
            std::string::npos)
      << result.printed;
}

TEST(SchemaMessages, NameOfANamedThing) {
  auto result = load_text(kHeader + "services:\n  Web: {image: x, expose: none}\n");
  EXPECT_EQ(result.printed,
            "app.yaml:5:3: error: service name 'Web' must consist of lower-case letters, digits "
            "and '-', start with a letter, end with a letter or a digit and be 1-63 characters "
            "long\n"
            "  Web: {image: x, expose: none}\n"
            "  ^~~\n"
            "  hint: did you mean 'web'?\n"
            "1 error generated.\n");
}

TEST(SchemaMessages, UnknownFieldsEverywhereAllReported) {
  auto result = load_text(kHeader +
                          "services:\n  web:\n    image: x\n    expose: none\n    helth: {}\n"
                          "    build2: 1\n"
                          "environments:\n  prod:\n    servces: {}\n");
  EXPECT_NE(result.printed.find("app.yaml:8:5: error: unknown field 'helth' in service 'web'\n"),
            std::string::npos)
      << result.printed;
  EXPECT_NE(result.printed.find("app.yaml:9:5: error: unknown field 'build2' in service 'web'\n"),
            std::string::npos)
      << result.printed;
  EXPECT_NE(
      result.printed.find("app.yaml:12:5: error: unknown field 'servces' in environment 'prod'\n"),
      std::string::npos)
      << result.printed;
  EXPECT_NE(result.printed.find("3 errors generated.\n"), std::string::npos) << result.printed;
}

TEST(SchemaMessages, ListHintAndDuplicateItems) {
  auto result = load_text(kHeader +
                          "caches:\n  redis: {}\nservices:\n  web:\n    image: x\n"
                          "    expose: none\n    depends_on: redis\n");
  EXPECT_NE(result.printed.find("error: 'depends_on' must be a list, not a string\n"),
            std::string::npos)
      << result.printed;
  EXPECT_NE(result.printed.find("  hint: write it as a list: [redis]\n"), std::string::npos);
  result = load_text(kHeader +
                     "caches:\n  redis: {}\nservices:\n  web:\n    image: x\n"
                     "    expose: none\n    depends_on: [redis, redis]\n");
  EXPECT_NE(result.printed.find("app.yaml:10:25: error: 'depends_on' lists 'redis' twice\n"),
            std::string::npos)
      << result.printed;
}

}  // namespace
}  // namespace infragen
