// Shared file systems (EFS volumes) on ec2-compose instance groups (section `compose_groups`):
// which volumes a group's instances mount, where, and the bind mounts of its containers.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace infragen {

// Where the instances of app `app` mount volume `volume`: /mnt/<app>/<volume>.
std::string instance_mount_path(const std::string& app, const std::string& volume);

// Adds to a compose group member (with its lowered `service`) `has_mounts` and `mounts`: a bind
// mount per `volumes` entry of the service, {source (the instance's mount), target, read_only}.
void add_member_mounts(const std::string& app, nlohmann::json& member);

// Adds to a compose group `has_volumes` and `volumes`: each volume that one of `members` mounts,
// once, with its file system and access point (Terraform and CloudFormation expressions), the
// instance's mount path and whether any of them writes (otherwise it is mounted read-only and the
// instances may not write).
void add_group_volumes(const std::string& app, const nlohmann::json& members,
                       nlohmann::json& group);

}  // namespace infragen
