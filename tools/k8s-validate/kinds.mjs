// The kinds a chart of infragen may hold: built-in ones checked with kubernetes-models' schemas,
// and the few custom resources (CRDs) accepted on purpose, each with why.

// apiVersion + kind -> the kubernetes-models module holding its class. Only the versions served
// by current clusters (1.25+): a removed one (autoscaling/v2beta2, policy/v1beta1) is an error.
export const builtinKinds = {
  "v1/ConfigMap": "v1/ConfigMap",
  "v1/PersistentVolumeClaim": "v1/PersistentVolumeClaim",
  "v1/Secret": "v1/Secret",
  "v1/Service": "v1/Service",
  "v1/ServiceAccount": "v1/ServiceAccount",
  "apps/v1/Deployment": "apps/v1/Deployment",
  "apps/v1/StatefulSet": "apps/v1/StatefulSet",
  "autoscaling/v2/HorizontalPodAutoscaler": "autoscaling/v2/HorizontalPodAutoscaler",
  "batch/v1/CronJob": "batch/v1/CronJob",
  "batch/v1/Job": "batch/v1/Job",
  "networking.k8s.io/v1/Ingress": "networking.k8s.io/v1/Ingress",
  "networking.k8s.io/v1/IngressClass": "networking.k8s.io/v1/IngressClass",
  "networking.k8s.io/v1/NetworkPolicy": "networking.k8s.io/v1/NetworkPolicy",
  "policy/v1/PodDisruptionBudget": "policy/v1/PodDisruptionBudget",
  // The gp3 class of the `managed: false` databases' volumes (EBS CSI driver).
  "storage.k8s.io/v1/StorageClass": "storage.k8s.io/v1/StorageClass",
};

// Custom resources have no schema in kubernetes-models: each gets the metadata checks and the
// few spec rules written here.
export const customKinds = {
  // EKS Auto Mode's load balancing: an IngressClass points at these parameters (scheme, subnets)
  // and the built-in ALB capability makes the Ingress work without a controller to install.
  "eks.amazonaws.com/v1/IngressClassParams": (obj) => {
    const scheme = obj.spec?.scheme;
    if (scheme !== undefined && !["internal", "internet-facing"].includes(scheme)) {
      return [`/spec/scheme must be internal or internet-facing, not ${JSON.stringify(scheme)}`];
    }
    return [];
  },
  // The Secrets Store CSI driver: mounts Secrets Manager values into pods, so that no secret
  // value is ever in the chart or its values files (issue 14's second way to deliver secrets).
  "secrets-store.csi.x-k8s.io/v1/SecretProviderClass": (obj) =>
    typeof obj.spec?.provider === "string" ? [] : ["/spec/provider must be a string (aws)"],
};

// For "unknown kind" messages: the apiVersion a kind is served as, when only the version is wrong.
export function servedVersionOf(kind) {
  const key = Object.keys(builtinKinds).find((k) => k.endsWith(`/${kind}`));
  return key ? key.slice(0, -kind.length - 1) : undefined;
}
