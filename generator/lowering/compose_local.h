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

}  // namespace infragen
