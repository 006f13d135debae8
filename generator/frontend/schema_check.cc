#include "frontend/schema_check.h"

#include <mutex>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include "frontend/json_pointer.h"
#include "frontend/message_words.h"
#include "frontend/schema_messages.h"

namespace infragen {

struct SchemaChecker::Compiled {
  valijson::Schema schema;
  // One validator for every check: it keeps the std::regex of each `pattern` once compiled
  // (compiling them again for every document was an eighth of a small manifest's run). The
  // cache is not thread-safe, hence the lock.
  std::mutex validator_lock;
  valijson::Validator validator{valijson::Validator::kStrongTypes};
};

SchemaChecker::SchemaChecker(const std::string& schema_text)
    : tree_(nlohmann::json::parse(schema_text)), compiled_(std::make_unique<Compiled>()) {
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
  valijson::adapters::NlohmannJsonAdapter adapter(tree_.root());
  parser.populateSchema(adapter, compiled_->schema);
}

SchemaChecker::~SchemaChecker() = default;

std::set<std::string> SchemaChecker::failing_pointers(const nlohmann::json& value) const {
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(value);
  std::set<std::string> failing;
  {
    std::lock_guard<std::mutex> hold(compiled_->validator_lock);
    if (compiled_->validator.validate(compiled_->schema, target, &results)) return failing;
  }
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    // valijson names each step "[key]" or "[index]" after a leading "<root>".
    std::string pointer;
    failing.insert(pointer);
    for (size_t i = 1; i < error.context.size(); ++i) {
      const std::string& step = error.context[i];
      std::string token = step.size() >= 2 && step.front() == '[' && step.back() == ']'
                              ? step.substr(1, step.size() - 2)
                              : step;
      pointer = child_pointer(pointer, token);
      failing.insert(pointer);
    }
  }
  return failing;
}

bool SchemaChecker::check(const Document& document, Diagnostics& diagnostics,
                          std::set<std::string>* failing_out) const {
  std::set<std::string> failing = failing_pointers(document.root);
  if (failing_out) *failing_out = failing;
  if (failing.empty()) return true;
  SchemaMessages messages(tree_, document, &failing);
  std::vector<SchemaProblem> problems = messages.explain();
  for (const auto& problem : problems) {
    diagnostics.error(problem.location, problem.message, problem.hint);
  }
  if (problems.empty()) {
    // The validator found a fault this front end cannot put into words (a schema keyword it
    // does not phrase); say where rather than let the document pass.
    std::string deepest;
    for (const auto& pointer : failing) {
      if (pointer.size() > deepest.size()) deepest = pointer;
    }
    std::string place = place_words(tree_, deepest);
    diagnostics.error(document.locate(deepest),
                      (place.empty() ? std::string("the manifest") : place) +
                          " does not match the manifest schema");
  }
  return false;
}

const SchemaChecker& manifest_schema_checker() {
  static const SchemaChecker checker(manifest_schema_text());
  return checker;
}

}  // namespace infragen
