// The subnet plan of a new VPC: one public and one private subnet per availability zone.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace infragen {

struct Ipv4Cidr {
  uint32_t address = 0;  // network address, host byte order
  int prefix = 0;

  std::string text() const;
};

// Parses "10.20.0.0/16"; nothing when malformed or when host bits are set.
std::optional<Ipv4Cidr> parse_ipv4_cidr(const std::string& text);

// The `index`-th subnet of `parent` that is `new_bits` longer (Terraform's cidrsubnet()).
Ipv4Cidr subnet_of(const Ipv4Cidr& parent, int new_bits, uint32_t index);

struct SubnetPlan {
  std::vector<std::string> public_subnets;   // one per zone, zone order
  std::vector<std::string> private_subnets;  // one per zone, zone order
};

// Splits the VPC into 16 equal blocks: zone i gets block i for its public subnet and block 8 + i
// for its private one. Adding a zone later adds subnets without moving existing ones, and the
// plan works for every VPC size the manifest allows (/16 -> /20 subnets, /24 -> /28, the
// smallest AWS subnet). Nothing when `zones` is outside 1..6 or the VPC is smaller than /24.
std::optional<SubnetPlan> plan_subnets(const Ipv4Cidr& vpc, int zones);

}  // namespace infragen
