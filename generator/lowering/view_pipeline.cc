#include "lowering/view_pipeline.h"

#include "lowering/environment_class.h"
#include "lowering/images.h"
#include "lowering/reference_snippets.h"
#include "lowering/view_network.h"

namespace infragen {

namespace {

nlohmann::json build_steps(const AppModel& model) {
  nlohmann::json images = nlohmann::json::array();
  for (const auto& image : built_images(model)) {
    nlohmann::json args = nlohmann::json::array();
    for (const auto& [name, value] : image.build.args) {
      args.push_back({{"name", name}, {"value", value}, {"index", args.size() + 1}});
    }
    images.push_back({{"name", image.name},
                      {"resource", image.resource},
                      {"variable", upper_identifier(image.resource)},
                      {"context", image.build.context},
                      {"dockerfile", image.build.dockerfile},
                      {"has_target", !image.build.target.empty()},
                      {"target", image.build.target},
                      {"args", with_last(std::move(args))}});
  }
  return with_last(std::move(images));
}

}  // namespace

nlohmann::json lower_pipeline(const LoweringContext& context) {
  const AppModel& base = context.base();
  if (!base.pipeline) return false;
  const PipelineModel& pipeline = *base.pipeline;
  std::vector<BuiltImage> images = built_images(base);
  bool blue_green = false;
  bool approval = false;
  for (const auto& model : context.environments) {
    blue_green = blue_green || (model.pipeline && model.pipeline->deploy == "blue-green");
    approval = approval || is_production_environment(model.environment);
  }
  nlohmann::json services = nlohmann::json::array();
  for (const auto& service : base.services) {
    if (!service.image.build) continue;
    const BuiltImage* image = find_built_image(images, *service.image.build);
    bool load_balanced = service.exposure == Exposure::public_ && service.port.has_value();
    services.push_back({{"name", service.name},
                        {"resource", resource_identifier(service.name)},
                        {"label", "service_" + resource_identifier(service.name)},
                        {"container", service.name},
                        {"repository", image ? image->resource : ""},
                        {"variable", upper_identifier(service.name)},
                        {"repository_variable", upper_identifier(image ? image->resource : "")},
                        {"port", service.port.value_or(0)},
                        // CodeDeploy shifts traffic between two target groups of the load
                        // balancer; other services always roll.
                        {"blue_green", blue_green && load_balanced},
                        {"balancer", balancer_of(context, service.name)}});
  }
  nlohmann::json jobs = nlohmann::json::array();
  for (const auto& job : base.jobs) {
    if (!job.image.build) continue;
    const BuiltImage* image = find_built_image(images, *job.image.build);
    jobs.push_back({{"name", job.name},
                    {"label", "job_" + resource_identifier(job.name)},
                    {"container", job.name},
                    {"repository", image ? image->resource : ""},
                    {"variable", upper_identifier("job_" + resource_identifier(job.name))},
                    {"repository_variable", upper_identifier(image ? image->resource : "")}});
  }
  bool any_blue_green = false;
  for (const auto& service : services) any_blue_green = any_blue_green || service["blue_green"];
  bool has_services = !services.empty();
  bool has_jobs = !jobs.empty();
  if (pipeline.provider == "codepipeline" && images.empty()) {
    context.diagnostics.error(
        base.locate("/pipeline/provider"),
        context.target_phrase() + " cannot carry a codepipeline pipeline with nothing to build",
        "CodePipeline builds and deploys images: give a service or job "
        "`build:`, or deploy with provider github-actions");
  }
  if (pipeline.provider == "github-actions") {
    for (const auto& model : context.environments) {
      if (model.state) continue;
      context.diagnostics.warning(
          model.locate("/pipeline/provider"),
          "the GitHub Actions workflow applies Terraform on a runner, but environment '" +
              model.environment +
              "' keeps its Terraform state locally; its deploy job stops "
              "instead of applying",
          "add `state: {bucket: ...}` so that the workflow shares the state in S3");
      break;
    }
  }
  return {{"github_actions", pipeline.provider == "github-actions"},
          {"first_image_variable", images.empty() ? "" : upper_identifier(images.front().resource)},
          {"codepipeline", pipeline.provider == "codepipeline"},
          {"repository", pipeline.repository},
          {"branch", pipeline.branch},
          {"blue_green_possible", any_blue_green},
          {"approval_possible", approval},
          {"images", build_steps(base)},
          {"has_images", !images.empty()},
          {"services", with_last(std::move(services))},
          {"has_services", has_services},
          {"jobs", with_last(std::move(jobs))},
          {"has_jobs", has_jobs}};
}

nlohmann::json pipeline_values(const LoweringContext& context, const AppModel& model) {
  if (!model.pipeline) return false;
  // The GitHub OIDC provider exists once per AWS account: the first environment creates it and
  // the others look it up (set it per account in the variables files when they differ).
  bool first = &model == &context.environments.front();
  return {{"create_oidc_provider", first},
          {"blue_green", model.pipeline->deploy == "blue-green"},
          {"approval", is_production_environment(model.environment)}};
}

}  // namespace infragen
