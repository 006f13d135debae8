// Splits manifest env values into literal text and `${kind.name.attribute}` references.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/model.h"

namespace infragen {

// Parses `value` ("postgres://${databases.db.host}:5432") into parts. Returns nothing when a
// `${` is not closed or its content is not kind.name.attribute (the front end reports those).
std::optional<std::vector<EnvValuePart>> parse_env_value(const std::string& value);

// The `secrets:` entry `source` ("databases.db.password" or a secret name) of `variable`.
SecretBinding parse_secret_binding(const std::string& variable, const std::string& source);

}  // namespace infragen
