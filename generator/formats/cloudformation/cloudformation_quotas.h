// CloudFormation's per-template quotas, checked on a finished template before it is written.
#pragma once

#include <string>
#include <vector>

namespace infragen {

// What of CloudFormation's quotas a finished template (canonical JSON) passes: 500 resources,
// 200 outputs, 200 parameters, 200 mappings of 200 keys each, and a body of 1 MB (the limit of a
// template uploaded through S3). One message per quota passed, naming it; none when it fits.
std::vector<std::string> cloudformation_quota_problems(const std::string& template_json);

}  // namespace infragen
