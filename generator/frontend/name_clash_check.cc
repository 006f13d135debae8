#include "frontend/name_clash_check.h"

#include <map>
#include <string>

#include "frontend/json_pointer.h"

namespace infragen {

namespace {

// As lowering's logical ids: the character after each '-' (and the first) in upper case, the
// hyphens dropped.
std::string pascal_case(const std::string& name) {
  std::string out;
  bool upper = true;
  for (char c : name) {
    if (c == '-') {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return out;
}

}  // namespace

void check_name_clashes(const SemanticInput& input) {
  const std::pair<const char*, const char*> kinds[] = {
      {"services", "service"}, {"jobs", "job"},       {"databases", "database"},
      {"caches", "cache"},     {"buckets", "bucket"}, {"secrets", "secret"},
      {"volumes", "volume"}};
  for (const auto& [collection, kind] : kinds) {
    std::map<std::string, std::string> taken;  // identifier -> first name
    for (const auto& name : entry_names(input, collection)) {
      auto [at, fresh] = taken.emplace(pascal_case(name), name);
      if (fresh) continue;
      input.diagnostics.error(
          input.written.locate_key("/" + std::string(collection) + "/" +
                                   escape_pointer_token(name)),
          std::string(kind) + " names '" + at->second + "' and '" + name +
              "' would be the same identifier '" + at->first + "' in CloudFormation",
          "rename one: names of one kind may not differ only in a '-' before a digit or a '-'");
    }
  }
}

}  // namespace infragen
