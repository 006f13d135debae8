// Phrases JSON Schema failures as human messages at the exact source position.
#pragma once

#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "frontend/manifest.h"
#include "frontend/schema_tree.h"

namespace infragen {

// One schema failure in words: "unknown field 'imgae' in service 'vote'" at the key.
struct SchemaProblem {
  std::string pointer;
  SourceLocation location;
  std::string message;
  std::string hint;
};

// Walks a document together with its schema and says, for each value that breaks a rule,
// which rule and how, in the terms of the manifest. When `failing` is given (the pointers a
// validator found at fault, with their ancestors), only those places are examined, so the
// validator stays the judge of what is wrong and this class only explains it.
class SchemaMessages {
 public:
  SchemaMessages(const SchemaTree& schema, const Document& document,
                 const std::set<std::string>* failing);

  // The problems of the whole document, the most specific one for each place.
  std::vector<SchemaProblem> explain() const;

 private:
  using json = nlohmann::json;
  using Problems = std::vector<SchemaProblem>;

  void check(const json& value, const json& schema, const std::string& pointer, bool pruned,
             Problems& out) const;
  void check_node(const json& value, const json& schema, const std::string& pointer, bool pruned,
                  std::set<std::string> misspelt, Problems& out) const;
  bool check_type(const json& value, const json& node, const std::string& pointer,
                  Problems& out) const;
  bool check_allowed_values(const json& value, const json& node, const std::string& pointer,
                            Problems& out) const;
  void check_string(const std::string& text, const json& node, const std::string& pointer,
                    Problems& out) const;
  void check_number(const json& value, const json& node, const std::string& pointer,
                    Problems& out) const;
  void check_object(const json& value, const json& node, const std::string& pointer, bool pruned,
                    std::set<std::string>& misspelt, Problems& out) const;
  void check_property_names(const json& value, const json& node, const std::string& pointer,
                            Problems& out) const;
  void check_array(const json& value, const json& node, const std::string& pointer, bool pruned,
                   Problems& out) const;
  void check_alternatives(const json& value, const json& branches, bool exactly_one,
                          const std::string& pointer, const std::set<std::string>& misspelt,
                          Problems& out) const;

  void add(Problems& out, const std::string& pointer, const SourceLocation& where,
           std::string message, std::string hint = {}) const;
  // How a string must look to match `pattern`, with a hint about `text`.
  // `map_node` is the schema of the map holding the value, for its examples.
  void describe_pattern(const std::string& subject, const std::string& pattern,
                        const std::string& text, const json& node, const json* map_node,
                        std::string& message, std::string& hint) const;
  // Whether the value at `pointer` is `key:` with nothing written after it.
  bool is_empty_value(const std::string& pointer) const;
  // The scalar at `pointer` as written in the source (e.g. "15.10", which JSON would shorten).
  std::string written_text(const json& value, const std::string& pointer) const;

  const SchemaTree& schema_;
  const Document& document_;
  const std::set<std::string>* failing_;
};

}  // namespace infragen
