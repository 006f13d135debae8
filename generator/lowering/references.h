// Resolves manifest references (${databases.db.host}, secrets, IAM resources) through the pack.
#pragma once

#include <nlohmann/json.hpp>

#include "lowering/lowering_context.h"

namespace infragen {

// The default port of a database engine or cache engine.
int database_port(const DatabaseModel& database);
int cache_port(const CacheModel& cache);

// The path a public service answers under ("" for the root), as its URL ends.
std::string url_path(const ServiceModel& service);

// `reference` in every format the pack wires ({"terraform": "aws_db_instance.db.address"}), or
// null after reporting an error at `where` (e.g. the URL of a service that has no port).
nlohmann::json resolve_reference(const LoweringContext& context, const Reference& reference,
                                 const SourceLocation& where);

// A `secrets:` binding as the secret reference a container reads (`value`) or as the resource
// IAM must allow reading (`arn`), in every format; null after an error.
nlohmann::json resolve_secret(const LoweringContext& context, const SecretBinding& binding,
                              bool arn);

// A bucket's ARN (`objects`: the ARN of all its objects) in every format, for IAM grants.
nlohmann::json resolve_bucket_arn(const LoweringContext& context, const std::string& bucket,
                                  bool objects, const SourceLocation& where);

// An attribute of a volume's file system (file_system_id, file_system_arn, access_point_id,
// access_point_arn) in every format, for task definitions and IAM grants.
nlohmann::json resolve_volume(const LoweringContext& context, const std::string& volume,
                              const std::string& attribute, const SourceLocation& where);

}  // namespace infragen
