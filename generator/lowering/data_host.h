// The data host of ec2-compose: databases and caches with `managed: false` as containers on one
// instance with fixed storage and a fixed address (compose.data_host in the view model).
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "lowering/lowering_context.h"

namespace infragen {

// The name of the data host's Auto Scaling group, files and log streams (not a group name).
inline constexpr const char* kDataHostGroup = "data-host";

// When a database's backup window is not written, its nightly dump starts at this time (UTC).
inline constexpr const char* kDefaultDumpTime = "03:00";

// The port each unmanaged store publishes on the data host, by "databases.NAME" or
// "caches.NAME": the engine's own port (5432, 3306, 6379), or the next free one when an earlier
// store (databases first, then caches, each in the model's name order) took it.
std::map<std::string, int> data_host_ports(const AppModel& model);

// Whether `model` runs any database or cache as a container (`managed: false`).
bool has_unmanaged_stores(const AppModel& model);

// The systemd OnCalendar time of a nightly dump: the start of `backup_window` ("hh:mm-hh:mm")
// or kDefaultDumpTime, every day, UTC.
std::string dump_calendar(const std::string& backup_window);

// view["compose"]["data_host"]: {exists, name, label, databases: [...], caches: [...],
// stores: [...]} with each store's container, image, port, data path and (databases) its EBS
// device, mount point and dump command.
nlohmann::json lower_data_host(const LoweringContext& context);

// environments[i]["data_host"]: the instance type and, per database, its volume size and the
// days its dumps are kept (0: no dump in this environment).
nlohmann::json data_host_values(const AppModel& model);

}  // namespace infragen
