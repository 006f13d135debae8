#include "frontend/reference_check.h"

#include <map>

#include "diagnostics/suggest.h"
#include "frontend/json_pointer.h"
#include "frontend/message_words.h"
#include "frontend/source_order.h"

namespace infragen {
namespace {

using json = nlohmann::json;

// What each kind of reference can name, and what the names are called in messages.
struct ReferenceKind {
  std::string singular;
  std::vector<std::string> attributes;
};

const std::map<std::string, ReferenceKind>& reference_kinds() {
  static const std::map<std::string, ReferenceKind> kinds = {
      {"databases", {"database", {"host", "port", "name", "user"}}},
      {"caches", {"cache", {"host", "port"}}},
      {"services", {"service", {"url"}}},
      {"buckets", {"bucket", {"name"}}},
  };
  return kinds;
}

std::vector<std::string> split_dots(const std::string& text) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t dot = text.find('.', start);
    parts.push_back(text.substr(start, dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return parts;
}

class ReferenceChecker {
 public:
  explicit ReferenceChecker(const SemanticInput& input) : input_(input) {}

  void run() {
    for (const char* collection : {"services", "jobs"}) {
      const std::string singular = collection == std::string("services") ? "service" : "job";
      for (const auto& name : entry_names(input_, collection)) {
        const std::string owner = "/" + std::string(collection) + "/" + escape_pointer_token(name);
        const json& entry = input_.effective.at(collection).at(name);
        check_env(entry, owner);
        check_secrets(entry, owner, singular + " '" + name + "'");
      }
    }
  }

 private:
  void error(const SourceLocation& where, std::string message, std::string hint = {}) {
    input_.diagnostics.error(where, std::move(message), std::move(hint));
  }

  void check_env(const json& entry, const std::string& owner) {
    auto env = entry.find("env");
    if (env == entry.end() || !env->is_object()) return;
    const std::string env_pointer = owner + "/env";
    for (const auto& variable : keys_in_source_order(input_.written, env_pointer, *env)) {
      const json& value = (*env)[variable];
      if (!value.is_string()) continue;
      check_value(value.get<std::string>(), child_pointer(env_pointer, variable), variable);
    }
  }

  void check_value(const std::string& text, const std::string& pointer,
                   const std::string& variable) {
    size_t at = 0;
    while ((at = text.find("${", at)) != std::string::npos) {
      size_t close = text.find('}', at);
      if (close == std::string::npos) {
        std::string rest = text.substr(at);
        error(locate_within_value(input_.written, pointer, rest),
              "malformed reference '" + rest + "' in '" + variable + "': missing '}'",
              "write references as ${KIND.NAME.ATTRIBUTE}, e.g. ${databases.db.host}");
        return;
      }
      check_reference(text.substr(at, close + 1 - at), pointer, variable);
      at = close + 1;
    }
  }

  void check_reference(const std::string& reference, const std::string& pointer,
                       const std::string& variable) {
    const SourceLocation where = locate_within_value(input_.written, pointer, reference);
    std::vector<std::string> parts = split_dots(reference.substr(2, reference.size() - 3));
    bool well_formed = parts.size() == 3;
    for (const auto& part : parts) well_formed = well_formed && !part.empty();
    if (!well_formed) {
      error(where, "malformed reference '" + reference + "' in '" + variable + "'",
            "write references as ${KIND.NAME.ATTRIBUTE}, e.g. ${databases.db.host}");
      return;
    }
    const std::string& kind_name = parts[0];
    const std::string& name = parts[1];
    const std::string& attribute = parts[2];
    auto kind = reference_kinds().find(kind_name);
    if (kind == reference_kinds().end()) {
      std::vector<std::string> kinds;
      for (const auto& entry : reference_kinds()) kinds.push_back(entry.first);
      std::string hint = did_you_mean(kind_name, kinds);
      if (hint.empty()) hint = "references name databases, caches, services or buckets";
      error(where, "unknown reference kind '" + kind_name + "' in '" + reference + "'", hint);
      return;
    }
    const ReferenceKind& known = kind->second;
    std::vector<std::string> names = entry_names(input_, kind_name);
    if (std::find(names.begin(), names.end(), name) == names.end()) {
      error(where, "unknown " + known.singular + " '" + name + "' in '" + reference + "'",
            name_hint(name, names, kind_name));
      return;
    }
    if (std::find(known.attributes.begin(), known.attributes.end(), attribute) ==
        known.attributes.end()) {
      std::string hint = did_you_mean(attribute, known.attributes);
      if (hint.empty()) {
        hint = "a " + known.singular + " has " + join_words(quote_each(known.attributes), "and");
      }
      error(where, "unknown attribute '" + attribute + "' in '" + reference + "'", hint);
      return;
    }
    if (kind_name == "services") check_service_url(name, reference, where);
  }

  void check_service_url(const std::string& name, const std::string& reference,
                         const SourceLocation& where) {
    const json& service = input_.effective.at("services").at(name);
    const std::string expose = service.value("expose", std::string("private"));
    if (service.contains("port") && expose != "none") return;
    std::string why = !service.contains("port") ? "it has no 'port'" : "it is 'expose: none'";
    error(where, "'" + reference + "' refers to service '" + name + "', which has no URL",
          "a URL needs a 'port' and 'expose: public' or 'expose: private'; " + why);
  }

  void check_secrets(const json& entry, const std::string& owner, const std::string& owner_words) {
    auto secrets = entry.find("secrets");
    if (secrets == entry.end() || !secrets->is_object()) return;
    const std::string secrets_pointer = owner + "/secrets";
    const json* env = entry.contains("env") ? &entry["env"] : nullptr;
    for (const auto& variable : keys_in_source_order(input_.written, secrets_pointer, *secrets)) {
      const std::string pointer = child_pointer(secrets_pointer, variable);
      if (env && env->is_object() && env->contains(variable)) {
        error(input_.written.locate_key(pointer),
              "'" + variable + "' is set in both 'env' and 'secrets' of " + owner_words,
              "an environment variable gets one value: keep it in one of them");
      }
      const json& value = (*secrets)[variable];
      if (value.is_string()) check_secret(value.get<std::string>(), pointer, owner_words);
    }
  }

  void check_secret(const std::string& target, const std::string& pointer,
                    const std::string& owner_words) {
    const SourceLocation where = input_.written.locate(pointer);
    std::vector<std::string> parts = split_dots(target);
    if (parts.size() == 3 && parts[0] == "databases") {
      std::vector<std::string> databases = entry_names(input_, "databases");
      if (std::find(databases.begin(), databases.end(), parts[1]) == databases.end()) {
        error(where, "unknown database '" + parts[1] + "' in secret '" + target + "'",
              name_hint(parts[1], databases, "databases"));
      }
      return;
    }
    std::vector<std::string> secrets = entry_names(input_, "secrets");
    if (std::find(secrets.begin(), secrets.end(), target) != secrets.end()) return;
    std::string hint = did_you_mean(target, secrets);
    if (hint.empty()) {
      hint = secrets.empty()
                 ? "declare it under top-level 'secrets:', or use databases.NAME.password"
                 : "known secrets: " + join_words(secrets, "and");
    }
    error(where, "unknown secret '" + target + "' in 'secrets' of " + owner_words, hint);
  }

  const SemanticInput& input_;
};

}  // namespace

void check_references(const SemanticInput& input) { ReferenceChecker(input).run(); }

}  // namespace infragen
