// Checks that environment overlays change only things the base manifest has.
#pragma once

#include <string>

#include "diagnostics/diagnostics.h"
#include "frontend/manifest.h"
#include "frontend/schema_tree.h"

namespace infragen {

// For the overlay at /environments/`environment` of `document`: every entry it names under a
// map of named things (services, databases, caches, buckets, jobs, secrets: the top-level maps
// whose entries have a schema `title` and that an environment may change) exists in the base.
// "unknown service 'vtoe' in environment 'prod'" with a suggestion. False when one is unknown.
bool check_overlay_names(const SchemaTree& schema, const Document& document,
                         const std::string& environment, Diagnostics& diagnostics);

}  // namespace infragen
