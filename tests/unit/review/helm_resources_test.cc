#include <gtest/gtest.h>

#include "review/helm_resources.h"
#include "review/resource_diff.h"

namespace infragen::review {
namespace {

// A chart as the eks target writes one: values.yaml, a values file per environment, helpers and
// a template with a Deployment and a Service.
FileMap small_chart(const std::string& image) {
  return {
      {"shop/Chart.yaml", "apiVersion: v2\nname: shop\nversion: 0.1.0\n"},
      {"shop/values.yaml", "services:\n  web:\n    image: \"" + image +
                               "\"\n    replicas: 1\n    autoscale: {min: 1}\n"},
      {"shop/values-dev.yaml", "services:\n  web:\n    autoscale: null\n"},
      {"shop/values-prod.yaml", "services:\n  web:\n    replicas: 3\n"},
      {"shop/templates/_helpers.tpl",
       "{{- define \"shop.labels\" -}}\napp.kubernetes.io/name: {{ .Chart.Name }}\n{{- end }}"},
      {"shop/templates/NOTES.txt", "{{ .Release.Name }} is installed"},
      {"shop/templates/web.yaml",
       "{{- $svc := index .Values.services \"web\" -}}\n"
       "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels:\n"
       "    {{- include \"shop.labels\" . | nindent 4 }}\nspec:\n"
       "  {{- if not $svc.autoscale }}\n  replicas: {{ $svc.replicas }}\n  {{- end }}\n"
       "  template:\n    spec:\n      containers:\n        - name: web\n"
       "          image: {{ $svc.image | quote }}\n"
       "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n"
       "    - port: 80\n"},
  };
}

PartResources read_chart(const FileMap& files) {
  PartResources part;
  read_helm_resources(files, part);
  return part;
}

TEST(HelmResources, ObjectsPerValuesFileAddressedByKindNamespaceName) {
  PartResources part = read_chart(small_chart("shop/web:1"));
  EXPECT_TRUE(part.notes.empty()) << part.notes.front();
  ASSERT_EQ(part.environments.size(), 2u);
  const ResourceMap& dev = part.environments.at("dev");
  ASSERT_EQ(dev.size(), 2u);
  const Resource& deployment = dev.at("Deployment/shop/web");
  EXPECT_EQ(deployment.type, "Deployment");
  EXPECT_EQ(deployment.attributes.at("spec.replicas"), "1");
  EXPECT_EQ(deployment.attributes.at("spec.template.spec.containers[0].image"), "\"shop/web:1\"");
  EXPECT_EQ(deployment.attributes.at("metadata.labels[\"app.kubernetes.io/name\"]"), "\"shop\"");
  EXPECT_EQ(deployment.attributes.at("apiVersion"), "\"apps/v1\"");
  EXPECT_EQ(deployment.attributes.count("kind"), 0u);
  // prod keeps values.yaml's autoscale, so no replicas are rendered.
  EXPECT_EQ(
      part.environments.at("prod").at("Deployment/shop/web").attributes.count("spec.replicas"), 0u);
  EXPECT_TRUE(dev.count("Service/shop/web"));
}

TEST(HelmResources, ClusterScopedKindsHaveNoNamespace) {
  FileMap files = small_chart("x");
  files["shop/templates/storage.yaml"] =
      "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: {{ .Release.Name "
      "}}-gp3\nprovisioner: ebs.csi.aws.com\n";
  PartResources part = read_chart(files);
  EXPECT_TRUE(part.environments.at("dev").count("StorageClass/shop-gp3"));
}

TEST(HelmResources, AChartWithoutValuesFilesIsTheDefaultEnvironment) {
  FileMap files = small_chart("x");
  files.erase("shop/values-dev.yaml");
  files.erase("shop/values-prod.yaml");
  PartResources part = read_chart(files);
  ASSERT_EQ(part.environments.size(), 1u);
  EXPECT_TRUE(part.environments.count(kDefaultEnvironment));
}

TEST(HelmResources, ATemplateThatDoesNotRenderIsANote) {
  FileMap files = small_chart("x");
  files["shop/templates/bad.yaml"] = "{{ if true }}";
  PartResources part = read_chart(files);
  ASSERT_EQ(part.notes.size(), 1u);
  EXPECT_EQ(part.notes[0],
            "could not parse shop/templates/bad.yaml: shop/templates/bad.yaml:1: {{if}} without "
            "{{end}}");
}

TEST(HelmResources, ANewImageRollsThePodsOfTheDeployment) {
  PartResources before = read_chart(small_chart("shop/web:1"));
  PartResources after = read_chart(small_chart("shop/web:2"));
  auto changes = diff_resources(before.environments.at("dev"), after.environments.at("dev"),
                                ReplacementTable::builtin());
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].address, "Deployment/shop/web");
  EXPECT_EQ(changes[0].danger, Danger::none);
  EXPECT_EQ(changes[0].reasons,
            (std::vector<std::string>{
                "its pod template changes: every pod of the Deployment is replaced (a rolling "
                "update)"}));
}

Resource kubernetes_object(std::string address, std::string kind,
                           std::map<std::string, std::string> attributes) {
  Resource resource;
  resource.address = std::move(address);
  resource.type = std::move(kind);
  resource.attributes = std::move(attributes);
  return resource;
}

TEST(KubernetesDanger, ImmutableFieldsReplaceAndRemovedClaimsDestroy) {
  ResourceMap before = {
      {"StatefulSet/a/db", kubernetes_object("StatefulSet/a/db", "StatefulSet",
                                             {{"spec.volumeClaimTemplates[0].spec.storage", "1"},
                                              {"spec.replicas", "1"}})},
      {"PersistentVolumeClaim/a/data",
       kubernetes_object("PersistentVolumeClaim/a/data", "PersistentVolumeClaim", {})},
      {"Service/a/web",
       kubernetes_object("Service/a/web", "Service", {{"spec.ports[0].port", "80"}})},
  };
  ResourceMap after = {
      {"StatefulSet/a/db", kubernetes_object("StatefulSet/a/db", "StatefulSet",
                                             {{"spec.volumeClaimTemplates[0].spec.storage", "2"},
                                              {"spec.replicas", "1"}})},
      {"Service/a/web",
       kubernetes_object("Service/a/web", "Service", {{"spec.ports[0].port", "81"}})},
  };
  auto changes = diff_resources(before, after, ReplacementTable::builtin());
  ASSERT_EQ(changes.size(), 3u);
  EXPECT_EQ(changes[0].address, "PersistentVolumeClaim/a/data");
  EXPECT_EQ(changes[0].danger, Danger::destroy);
  EXPECT_EQ(changes[1].address, "StatefulSet/a/db");
  EXPECT_EQ(changes[1].danger, Danger::replace);
  EXPECT_EQ(changes[1].reasons.front(),
            "`spec.volumeClaimTemplates` is immutable: the API server refuses the update (helm "
            "upgrade fails) until the StatefulSet is deleted and created again");
  EXPECT_EQ(changes[2].address, "Service/a/web");
  EXPECT_EQ(changes[2].danger, Danger::none);
  EXPECT_TRUE(changes[2].reasons.empty());
}

}  // namespace
}  // namespace infragen::review
