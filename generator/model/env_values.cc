#include "model/env_values.h"

namespace infragen {

namespace {

std::optional<Reference> parse_reference(const std::string& inside) {
  size_t first = inside.find('.');
  if (first == std::string::npos) return std::nullopt;
  size_t second = inside.find('.', first + 1);
  if (second == std::string::npos || inside.find('.', second + 1) != std::string::npos) {
    return std::nullopt;
  }
  Reference reference;
  reference.kind = inside.substr(0, first);
  reference.name = inside.substr(first + 1, second - first - 1);
  reference.attribute = inside.substr(second + 1);
  if (reference.kind.empty() || reference.name.empty() || reference.attribute.empty()) {
    return std::nullopt;
  }
  return reference;
}

}  // namespace

std::optional<std::vector<EnvValuePart>> parse_env_value(const std::string& value) {
  std::vector<EnvValuePart> parts;
  std::string literal;
  size_t at = 0;
  while (at < value.size()) {
    size_t open = value.find("${", at);
    if (open == std::string::npos) {
      literal += value.substr(at);
      break;
    }
    literal += value.substr(at, open - at);
    size_t close = value.find('}', open + 2);
    if (close == std::string::npos) return std::nullopt;
    auto reference = parse_reference(value.substr(open + 2, close - open - 2));
    if (!reference) return std::nullopt;
    if (!literal.empty()) parts.push_back({std::move(literal), std::nullopt});
    literal.clear();
    parts.push_back({{}, std::move(*reference)});
    at = close + 1;
  }
  if (!literal.empty() || parts.empty()) parts.push_back({std::move(literal), std::nullopt});
  return parts;
}

SecretBinding parse_secret_binding(const std::string& variable, const std::string& source) {
  SecretBinding binding;
  binding.variable = variable;
  const std::string prefix = "databases.";
  const std::string suffix = ".password";
  if (source.rfind(prefix, 0) == 0 && source.size() > prefix.size() + suffix.size() &&
      source.compare(source.size() - suffix.size(), suffix.size(), suffix) == 0) {
    binding.source = SecretBinding::Source::database_password;
    binding.target = source.substr(prefix.size(), source.size() - prefix.size() - suffix.size());
  } else {
    binding.source = SecretBinding::Source::named_secret;
    binding.target = source;
  }
  return binding;
}

}  // namespace infragen
