// Validates a document against the manifest JSON Schema and reports failures in words.
#pragma once

#include <memory>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "diagnostics/diagnostics.h"
#include "frontend/manifest.h"
#include "frontend/schema_tree.h"

namespace infragen {

// A JSON Schema compiled for validation (valijson, draft-07) together with its tree for
// phrasing messages. Compiling is costly, so one instance serves every document of a run.
class SchemaChecker {
 public:
  explicit SchemaChecker(const std::string& schema_text);
  ~SchemaChecker();
  SchemaChecker(const SchemaChecker&) = delete;
  SchemaChecker& operator=(const SchemaChecker&) = delete;

  const SchemaTree& tree() const { return tree_; }

  // The pointers at which the validator finds `value` at fault, with all their ancestors;
  // empty when `value` is valid.
  std::set<std::string> failing_pointers(const nlohmann::json& value) const;

  // Validates `document` and reports each problem at its place; false when there was one.
  // `failing`, when given, receives failing_pointers() of the document.
  bool check(const Document& document, Diagnostics& diagnostics,
             std::set<std::string>* failing = nullptr) const;

 private:
  struct Compiled;
  SchemaTree tree_;
  std::unique_ptr<Compiled> compiled_;
};

// The checker for schemas/manifest.v1.schema.json, compiled on first use.
const SchemaChecker& manifest_schema_checker();

}  // namespace infragen
