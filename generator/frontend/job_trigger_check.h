// Checks the wiring of jobs: the bucket that triggers a job exists.
#pragma once

#include "frontend/semantic_input.h"

namespace infragen {

// A job's `trigger.bucket` names a bucket of the manifest.
void check_job_triggers(const SemanticInput& input);

}  // namespace infragen
