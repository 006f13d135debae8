#include "frontend/volume_check.h"

#include <algorithm>
#include <map>

#include "frontend/json_pointer.h"

namespace infragen {

namespace {

struct Mount {
  std::string volume;
  std::string path;
  std::string volume_pointer;  // where the name is written (the item itself in the short form)
  std::string path_pointer;
};

Mount read_mount(const nlohmann::json& entry, const std::string& pointer) {
  if (entry.is_object()) {
    return {entry.value("volume", ""), entry.value("path", ""), pointer + "/volume",
            pointer + "/path"};
  }
  const std::string text = entry.get<std::string>();
  const size_t colon = text.find(':');
  std::string path = text.substr(colon + 1);
  path = path.substr(0, path.find(':'));
  return {text.substr(0, colon), path, pointer, pointer};
}

// "/data/" and "/data" are one mount point to the container runtime.
std::string normalised(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

void check_workload(const SemanticInput& input, const std::vector<std::string>& volumes,
                    const std::string& collection, const std::string& kind,
                    const std::string& name) {
  const nlohmann::json& owner = input.effective.at(collection).at(name);
  auto list = owner.find("volumes");
  if (list == owner.end() || !list->is_array()) return;
  const std::string base = "/" + collection + "/" + escape_pointer_token(name) + "/volumes/";
  std::map<std::string, std::string> paths;  // mount point -> the volume mounted there
  for (size_t index = 0; index < list->size(); ++index) {
    const Mount mount = read_mount((*list)[index], base + std::to_string(index));
    if (std::find(volumes.begin(), volumes.end(), mount.volume) == volumes.end()) {
      input.diagnostics.error(
          locate_within_value(input.written, mount.volume_pointer, mount.volume),
          "unknown volume '" + mount.volume + "' mounted by " + kind + " '" + name + "'",
          name_hint(mount.volume, volumes, "volumes"));
    }
    const std::string path = normalised(mount.path);
    if (path == "/") {
      input.diagnostics.error(locate_within_value(input.written, mount.path_pointer, mount.path),
                              kind + " '" + name + "' cannot mount volume '" + mount.volume +
                                  "' at '/': it would hide the container's own files",
                              "mount it at a directory such as /data");
      continue;
    }
    auto [earlier, inserted] = paths.emplace(path, mount.volume);
    if (!inserted) {
      input.diagnostics.error(
          locate_within_value(input.written, mount.path_pointer, mount.path),
          kind + " '" + name + "' mounts two volumes at '" + path + "'",
          "volume '" + earlier->second + "' is already mounted there; give each its own path");
    }
  }
}

}  // namespace

void check_volume_mounts(const SemanticInput& input) {
  const std::vector<std::string> volumes = entry_names(input, "volumes");
  for (const auto& name : entry_names(input, "services")) {
    check_workload(input, volumes, "services", "service", name);
  }
  for (const auto& name : entry_names(input, "jobs")) {
    check_workload(input, volumes, "jobs", "job", name);
  }
}

}  // namespace infragen
