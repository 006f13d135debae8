#include "lowering/cidr_plan.h"

#include <charconv>

namespace infragen {

namespace {

constexpr int kSubnetNewBits = 4;            // 16 blocks
constexpr uint32_t kPrivateBlockOffset = 8;  // private subnets start in the second half
constexpr int kMaxZones = 6;
constexpr int kSmallestSubnetPrefix = 28;  // AWS does not allow smaller subnets

std::optional<uint32_t> parse_number(std::string_view text, uint32_t max) {
  uint32_t value = 0;
  if (text.empty() || text.size() > 3) return std::nullopt;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value > max) return std::nullopt;
  return value;
}

}  // namespace

std::string Ipv4Cidr::text() const {
  return std::to_string((address >> 24) & 0xff) + "." + std::to_string((address >> 16) & 0xff) +
         "." + std::to_string((address >> 8) & 0xff) + "." + std::to_string(address & 0xff) + "/" +
         std::to_string(prefix);
}

std::optional<Ipv4Cidr> parse_ipv4_cidr(const std::string& text) {
  size_t slash = text.find('/');
  if (slash == std::string::npos) return std::nullopt;
  std::string_view address_text(text.data(), slash);
  uint32_t address = 0;
  int octets = 0;
  size_t start = 0;
  while (start <= address_text.size()) {
    size_t dot = address_text.find('.', start);
    if (dot == std::string_view::npos) dot = address_text.size();
    auto octet = parse_number(address_text.substr(start, dot - start), 255);
    if (!octet) return std::nullopt;
    address = (address << 8) | *octet;
    ++octets;
    start = dot + 1;
  }
  auto prefix = parse_number(std::string_view(text).substr(slash + 1), 32);
  if (octets != 4 || !prefix) return std::nullopt;
  uint32_t host_mask = *prefix == 32 ? 0 : (0xffffffffu >> *prefix);
  if ((address & host_mask) != 0) return std::nullopt;
  return Ipv4Cidr{address, static_cast<int>(*prefix)};
}

Ipv4Cidr subnet_of(const Ipv4Cidr& parent, int new_bits, uint32_t index) {
  int prefix = parent.prefix + new_bits;
  uint32_t shifted = prefix == 32 ? index : index << (32 - prefix);
  return Ipv4Cidr{parent.address | shifted, prefix};
}

std::optional<SubnetPlan> plan_subnets(const Ipv4Cidr& vpc, int zones) {
  if (zones < 1 || zones > kMaxZones) return std::nullopt;
  if (vpc.prefix + kSubnetNewBits > kSmallestSubnetPrefix) return std::nullopt;
  SubnetPlan plan;
  for (int zone = 0; zone < zones; ++zone) {
    auto index = static_cast<uint32_t>(zone);
    plan.public_subnets.push_back(subnet_of(vpc, kSubnetNewBits, index).text());
    plan.private_subnets.push_back(
        subnet_of(vpc, kSubnetNewBits, kPrivateBlockOffset + index).text());
  }
  return plan;
}

}  // namespace infragen
