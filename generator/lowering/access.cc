#include "lowering/access.h"

#include "lowering/reference_snippets.h"

namespace infragen {

std::vector<Workload> workloads_of(const AppModel& model) {
  std::vector<Workload> workloads;
  for (const auto& service : model.services) {
    Workload workload;
    workload.kind = Workload::Kind::service;
    workload.name = service.name;
    workload.label = "service_" + resource_identifier(service.name);
    workload.origin = service.origin;
    workload.image = &service.image;
    workload.command = &service.command;
    workload.env = &service.env;
    workload.secrets = &service.secrets;
    workload.volumes = &service.volumes;
    workload.depends_on = service.depends_on;
    workloads.push_back(std::move(workload));
  }
  for (const auto& job : model.jobs) {
    Workload workload;
    workload.kind = Workload::Kind::job;
    workload.name = job.name;
    workload.label = "job_" + resource_identifier(job.name);
    workload.origin = job.origin;
    workload.image = &job.image;
    workload.command = &job.command;
    workload.env = &job.env;
    workload.secrets = &job.secrets;
    workload.volumes = &job.volumes;
    workload.trigger = job.trigger ? &*job.trigger : nullptr;
    workloads.push_back(std::move(workload));
  }
  return workloads;
}

namespace {

void reach(const AppModel& model, const std::string& kind, const std::string& name,
           WorkloadAccess& access) {
  if (kind == "databases") {
    access.databases.insert(name);
  } else if (kind == "caches") {
    access.caches.insert(name);
  } else if (kind == "buckets") {
    access.buckets.insert(name);
  } else if (kind == "services") {
    const ServiceModel* service = model.find_service(name);
    if (service && service->exposure == Exposure::private_) access.private_services.insert(name);
  }
}

}  // namespace

WorkloadAccess access_of(const AppModel& model, const Workload& workload) {
  WorkloadAccess access;
  for (const auto& var : *workload.env) {
    for (const auto& part : var.parts) {
      if (part.reference) reach(model, part.reference->kind, part.reference->name, access);
    }
  }
  for (const auto& binding : *workload.secrets) {
    if (binding.source == SecretBinding::Source::database_password) {
      access.databases.insert(binding.target);
      access.database_secrets.insert(binding.target);
    } else {
      access.named_secrets.insert(binding.target);
    }
  }
  for (const auto& name : workload.depends_on) {
    if (model.find_database(name)) reach(model, "databases", name, access);
    if (model.find_cache(name)) reach(model, "caches", name, access);
    if (model.find_service(name)) reach(model, "services", name, access);
  }
  if (workload.trigger) access.trigger_buckets.insert(workload.trigger->bucket);
  // A volume mounted read-only at one path and read-write at another is written to.
  for (const auto& mount : *workload.volumes) access.volumes[mount.volume] |= !mount.read_only;
  return access;
}

}  // namespace infragen
