#include "frontend/semantic_checks.h"

#include "frontend/dependency_check.h"
#include "frontend/duration_check.h"
#include "frontend/exposure_check.h"
#include "frontend/instance_check.h"
#include "frontend/job_trigger_check.h"
#include "frontend/name_clash_check.h"
#include "frontend/reference_check.h"
#include "frontend/region_check.h"
#include "frontend/scaling_check.h"
#include "frontend/volume_check.h"

namespace infragen {

void check_semantics(const SemanticInput& input) {
  check_references(input);
  check_dependencies(input);
  check_exposure(input);
  check_scaling(input);
  check_job_triggers(input);
  check_durations(input);
  check_name_clashes(input);
  check_instances(input);
  check_volume_mounts(input);
  check_region(input);
}

}  // namespace infragen
