// The pack's `references`: how a reference is written in each output format, rendered by lowering.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "diagnostics/diagnostics.h"

namespace infragen {

// Reference kinds lowering asks a pack for, with the names each snippet may use.
//   databases.host|port|name|user   {name, resource, aurora, engine, port, unmanaged,
//                                    database_name, username}               env values
//   databases.password              same                                    a secret reference
//   databases.password_arn          same                                    IAM resource
//   caches.host|port                {name, resource, port, unmanaged}
//   services.url                    {name, resource, port, internal_port, internal_balancer,
//                                    internal_balancer_id, public, private, https, path,
//                                    has_host, host, balancer, balancer_id_suffix}
//   buckets.name|arn|objects_arn    {name, resource}                        objects_arn: IAM
//   secrets.value|arn               {name, resource}                        reference / IAM
//   volumes.file_system_id|access_point_id  {name, resource}                task definition
//   volumes.file_system_arn|access_point_arn  {name, resource}              IAM
// `resource` is the name as an identifier (hyphens become underscores); expressions must give
// strings where the value lands in an environment variable.
// Each snippet is parsed once, when first used: a manifest of N services renders it N times.
// One object serves one lowering run (one thread): rendering reuses the parsed snippet.
class ReferenceSnippets {
 public:
  ReferenceSnippets(std::string target, const nlohmann::json& references);
  ~ReferenceSnippets();
  ReferenceSnippets(ReferenceSnippets&&) noexcept;
  ReferenceSnippets& operator=(ReferenceSnippets&&) noexcept;

  // The formats the pack wires references for, sorted.
  const std::vector<std::string>& formats() const { return formats_; }

  // The snippet of `kind` for `format` rendered with `context`. A missing snippet is an error
  // at `where` ("target X cannot resolve <what>"); a snippet naming something `context` lacks is
  // an error of the pack.
  std::optional<std::string> render(const std::string& format, const std::string& kind,
                                    const nlohmann::json& context, const std::string& what,
                                    const SourceLocation& where, Diagnostics& diagnostics) const;

  // Renders `kind` for every format: {"terraform": "...", ...}; null when any failed.
  nlohmann::json render_all(const std::string& kind, const nlohmann::json& context,
                            const std::string& what, const SourceLocation& where,
                            Diagnostics& diagnostics) const;

 private:
  struct Parsed;  // the names a snippet uses and its parsed mustache
  // The snippet of (format, kind), parsed on first use; null when the pack has none.
  Parsed* parsed(const std::string& format, const std::string& kind) const;

  std::string target_;
  nlohmann::json references_;
  std::vector<std::string> formats_;
  mutable std::map<std::pair<std::string, std::string>, std::unique_ptr<Parsed>> parsed_;
};

// "orders-db" -> "orders_db": a manifest name as an identifier in generated code.
std::string resource_identifier(const std::string& name);

// "orders-db" -> "ORDERS_DB": a manifest name in an environment or shell variable name.
std::string upper_identifier(const std::string& name);

}  // namespace infragen
