// CloudFormation logical ids: every identifier of the view model also in PascalCase.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace infragen {

// "service_vote" -> "ServiceVote", "orders-db" -> "OrdersDb": letters and digits only, as
// CloudFormation logical ids and mapping keys must be.
std::string logical_id(const std::string& identifier);

// Adds `<key>_id` = logical_id(value) next to every string `resource`, `label`, `peer`,
// `security_group`, `bucket_resource`, `default_resource`, `repository`, `settings` and `name`
// of the view, and `key_id` next to the `key` of every {key, value} pair (the names of each
// environment). Additive: no existing field changes.
void add_logical_ids(nlohmann::json& view);

}  // namespace infragen
