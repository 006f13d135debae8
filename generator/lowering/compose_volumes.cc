#include "lowering/compose_volumes.h"

#include <map>

#include "lowering/lowering_context.h"

namespace infragen {

std::string instance_mount_path(const std::string& app, const std::string& volume) {
  return "/mnt/" + app + "/" + volume;
}

void add_member_mounts(const std::string& app, nlohmann::json& member) {
  nlohmann::json mounts = nlohmann::json::array();
  if (member.contains("service")) {
    for (const auto& mount : member["service"]["mounts"]) {
      mounts.push_back({{"source", instance_mount_path(app, mount["volume"].get<std::string>())},
                        {"target", mount["path"]},
                        {"read_only", mount["read_only"]}});
    }
  }
  member["has_mounts"] = !mounts.empty();
  member["mounts"] = with_last(std::move(mounts));
}

void add_group_volumes(const std::string& app, const nlohmann::json& members,
                       nlohmann::json& group) {
  std::map<std::string, nlohmann::json> by_name;
  for (const auto& member : members) {
    if (!member.contains("service")) continue;
    for (const auto& grant : member["service"]["volumes"]) {
      const std::string name = grant["name"].get<std::string>();
      auto [it, added] = by_name.emplace(name, grant);
      // Written to when any of the group's services writes to it.
      if (!added) it->second["writes"] = it->second["writes"].get<bool>() || grant["writes"];
    }
  }
  nlohmann::json volumes = nlohmann::json::array();
  for (auto& [name, grant] : by_name) {
    grant["path"] = instance_mount_path(app, name);
    grant["read_only"] = !grant["writes"].get<bool>();
    volumes.push_back(std::move(grant));
  }
  group["has_volumes"] = !volumes.empty();
  group["volumes"] = with_last(std::move(volumes));
}

}  // namespace infragen
