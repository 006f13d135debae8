// Words for diagnostics: names of JSON types, of fields and of the place a value sits in.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "frontend/schema_tree.h"

namespace infragen {

// "a string", "an integer", "a number", "a boolean", "a map", "a list", "null".
std::string value_type_words(const nlohmann::json& value);
// The same for a JSON Schema type name ("object" -> "a map").
std::string schema_type_words(const std::string& type);

// "a", "a or b", "a, b or c" (with `joiner` "or"/"and").
std::string join_words(const std::vector<std::string>& words, const std::string& joiner);
// "a, b, c": the allowed values of an enum, listed as the schema gives them.
std::string join_list(const std::vector<std::string>& words);
// Each word in single quotes.
std::vector<std::string> quote_each(const std::vector<std::string>& words);

// A scalar as the user wrote it: strings bare, numbers and booleans as JSON.
std::string value_words(const nlohmann::json& value);

// The field a pointer names, quoted: "/services/vote/port" -> "'port'",
// "/jobs/stats/command/1" -> "'command[1]'".
std::string field_words(const std::string& pointer);

// The place a pointer stands for, named by the nearest named thing (a schema `title` under a
// map of named things): "/services/vote" -> "service 'vote'", "/services/vote/route" ->
// "'route' of service 'vote'", "/network/existing" -> "'network.existing'", "" -> "".
std::string place_words(const SchemaTree& schema, const std::string& pointer);

}  // namespace infragen
