#include "lowering/environment_variables.h"

#include <map>

#include "lowering/references.h"

namespace infragen {

namespace {

const EnvVar* find_var(const std::vector<EnvVar>* env, const std::string& name) {
  if (!env) return nullptr;
  for (const auto& var : *env) {
    if (var.name == name) return &var;
  }
  return nullptr;
}

// One code entry: a literal, a single reference, or text mixed with references.
nlohmann::json code_entry(const LoweringContext& context, const EnvVar& var) {
  nlohmann::json entry = {{"name", var.name},
                          {"literal", !var.has_references()},
                          {"single", var.is_single_reference()},
                          {"composite", var.has_references() && !var.is_single_reference()},
                          {"text", var.has_references() ? "" : var.raw}};
  nlohmann::json formats = nlohmann::json::object();
  for (const auto& format : context.references.formats()) {
    formats[format] = {{"expression", ""}, {"parts", nlohmann::json::array()}};
  }
  if (!var.has_references()) {
    entry["formats"] = formats;
    return entry;
  }
  for (size_t i = 0; i < var.parts.size(); ++i) {
    const EnvValuePart& part = var.parts[i];
    nlohmann::json resolved = nlohmann::json::object();
    if (part.reference) {
      resolved = resolve_reference(context, *part.reference, var.origin.location);
      if (resolved.is_null()) return nullptr;
    }
    for (const auto& format : context.references.formats()) {
      std::string expression = part.reference ? resolved[format].get<std::string>() : "";
      formats[format]["parts"].push_back({{"is_text", !part.reference},
                                          {"text", part.reference ? "" : part.text},
                                          {"expression", expression},
                                          {"last", i + 1 == var.parts.size()}});
      if (var.is_single_reference()) formats[format]["expression"] = expression;
    }
  }
  entry["formats"] = formats;
  return entry;
}

}  // namespace

const std::vector<EnvVar>* env_in(const AppModel& model, const Workload& workload) {
  if (workload.kind == Workload::Kind::service) {
    const ServiceModel* service = model.find_service(workload.name);
    return service ? &service->env : nullptr;
  }
  const JobModel* job = model.find_job(workload.name);
  return job ? &job->env : nullptr;
}

EnvironmentVariablePlan plan_environment_variables(const LoweringContext& context,
                                                   const Workload& workload) {
  EnvironmentVariablePlan plan;
  // Every name any environment sets, with the value of each environment (null: unset).
  std::map<std::string, std::vector<const EnvVar*>> values;
  for (size_t i = 0; i < context.environments.size(); ++i) {
    const std::vector<EnvVar>* env = env_in(context.environments[i], workload);
    if (!env) continue;
    for (const auto& var : *env) {
      auto& slots = values[var.name];
      slots.resize(context.environments.size(), nullptr);
      slots[i] = &var;
    }
  }
  for (auto& [name, slots] : values) {
    slots.resize(context.environments.size(), nullptr);
    const EnvVar* first = slots.front();
    bool everywhere_equal = first != nullptr;
    for (const EnvVar* var : slots) {
      if (!var || !first || var->raw != first->raw) everywhere_equal = false;
    }
    // References are code; the consistency check made them equal in every environment.
    if (first && (first->has_references() || everywhere_equal)) {
      plan.code.push_back(code_entry(context, *first));
    } else {
      plan.per_environment.insert(name);
    }
  }
  plan.code = with_last(std::move(plan.code));
  return plan;
}

nlohmann::json environment_overrides(const AppModel& model, const Workload& workload,
                                     const std::set<std::string>& names) {
  nlohmann::json overrides = nlohmann::json::array();
  const std::vector<EnvVar>* env = env_in(model, workload);
  for (const auto& name : names) {
    if (const EnvVar* var = find_var(env, name)) {
      overrides.push_back({{"name", name}, {"value", var->raw}});
    }
  }
  return with_last(std::move(overrides));
}

}  // namespace infragen
