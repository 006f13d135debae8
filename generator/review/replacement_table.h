// Which attribute changes replace a resource, and which resource types hold data: the facts of
// schemas/replacement.v1.json (derived from the CloudFormation resource specification).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>

namespace infragen::review {

// Why changing one attribute replaces a resource.
struct ReplacementCause {
  std::string cloudformation_type;  // AWS::RDS::DBInstance
  std::string property;             // DBInstanceIdentifier
  bool certain = true;              // false: UpdateType Conditional (may replace)
};

class ReplacementTable {
 public:
  // The table compiled into infragen (schemas/replacement.v1.json).
  static const ReplacementTable& builtin();
  // Parses the data file; nothing (and `error`) when it is malformed.
  static std::optional<ReplacementTable> parse(const std::string& text, std::string& error);

  // Whether changing top-level `attribute` of a resource of `type` (Terraform `aws_lb` with
  // attribute `name`, or CloudFormation `AWS::ElasticLoadBalancingV2::LoadBalancer` with
  // property `Name`) replaces it. A Terraform attribute maps to the property named in the data
  // file's override table, else to the property with the same name without underscores
  // (case-insensitive: cidr_block -> CidrBlock, multi_az -> MultiAZ).
  std::optional<ReplacementCause> replaced_by(const std::string& type,
                                              const std::string& attribute) const;
  bool is_stateful(const std::string& type) const { return stateful_.count(type) > 0; }
  // "@aws-cdk/cfnspec 2.72.1 (CloudFormation resource specification 117.0.0)"
  const std::string& source() const { return source_; }

 private:
  struct CloudFormationType {
    std::set<std::string> immutable;
    std::set<std::string> conditional;
  };
  struct TerraformType {
    std::string cloudformation_type;
    std::map<std::string, std::string> attributes;
  };
  std::map<std::string, CloudFormationType> cloudformation_;
  std::map<std::string, TerraformType> terraform_;
  std::set<std::string> stateful_;
  std::string source_;
};

}  // namespace infragen::review
