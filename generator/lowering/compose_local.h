// The whole app as one docker compose file for a laptop (section `compose_groups`): every
// service, with the databases and caches as containers beside them, references resolved to
// container names, and secrets read from the environment.
#pragma once

#include <nlohmann/json.hpp>

#include "lowering/lowering_context.h"

namespace infragen {

// view["compose"]["local"]: {services: [...], data_stores: [...], builds: [...], volumes: [...]}.
// Every value is final compose text: literal `$` written `$$`, interpolations `${NAME:-}`.
nlohmann::json lower_local_compose(const LoweringContext& context);

// A database as a container, for the laptop and for ec2-compose's data host: {name, image,
// environment: [{name, value}], healthcheck, data_path}; `password` is the compose text of the
// password (an interpolation).
nlohmann::json database_container(const DatabaseModel& database, const std::string& password);
// A cache as a container: the same shape, without environment.
nlohmann::json cache_container(const CacheModel& cache);

}  // namespace infragen
