// The view model's contract: each built section's keys, checked against schemas/view/.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace infragen {

// The JSON Schema of a view section (schemas/view/<name>.v1.schema.json, compiled in), or null.
const nlohmann::json& view_section_schema(const std::string& name);

// What breaks the contract in `view`, built with `sections` (as with_needed_sections returns):
// a key no built section owns, or a value a built section's schema rejects. Each problem reads
// "<JSON pointer>: <what is wrong>"; none means the view keeps its contract.
std::vector<std::string> view_contract_problems(const nlohmann::json& view,
                                                const std::vector<std::string>& sections);

// `view` with only the keys the named sections own, at the top level and in each environment.
nlohmann::json view_sections_of(const nlohmann::json& view,
                                const std::vector<std::string>& sections);

}  // namespace infragen
