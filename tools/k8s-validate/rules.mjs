// API-server rules that kubernetes-models' schemas leave out: names, labels, duplicates, selectors.

const dns1123Label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const dns1123Subdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
// Services become DNS records and environment variables: their names must start with a letter.
const dns1035Label = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const labelName = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

// A CronJob's jobs are named NAME-<11 digits>, which must stay a 63-character label.
const nameRules = {
  Service: { pattern: dns1035Label, max: 63, what: "a DNS-1035 label" },
  CronJob: { pattern: dns1123Subdomain, max: 52, what: "a DNS-1123 subdomain" },
};
const defaultNameRule = { pattern: dns1123Subdomain, max: 253, what: "a DNS-1123 subdomain" };

export function checkName(obj) {
  const name = obj.metadata?.name;
  if (typeof name !== "string" || name === "") return ["metadata.name is missing"];
  const rule = nameRules[obj.kind] ?? defaultNameRule;
  const errors = [];
  if (name.length > rule.max) {
    errors.push(`metadata.name "${name}" is ${name.length} characters, more than ${rule.max} for a ${obj.kind}`);
  }
  if (!rule.pattern.test(name)) {
    errors.push(`metadata.name "${name}" is not ${rule.what} (lower case letters, digits, '-')`);
  }
  const ns = obj.metadata?.namespace;
  if (ns !== undefined && (typeof ns !== "string" || ns.length > 63 || !dns1123Label.test(ns))) {
    errors.push(`metadata.namespace ${JSON.stringify(ns)} is not a DNS-1123 label`);
  }
  return errors;
}

function checkLabelKey(key) {
  const slash = key.lastIndexOf("/");
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (prefix.length > 253 || !dns1123Subdomain.test(prefix))) {
    return `label key "${key}": prefix is not a DNS-1123 subdomain`;
  }
  if (name.length > 63 || !labelName.test(name)) {
    return `label key "${key}": name must be 1-63 characters of [A-Za-z0-9_.-], alphanumeric at both ends`;
  }
  return undefined;
}

function checkLabelValue(key, value) {
  if (typeof value !== "string") return `label "${key}": value must be a string`;
  if (value.length > 63) return `label "${key}": value is ${value.length} characters, more than 63`;
  if (value !== "" && !labelName.test(value)) {
    return `label "${key}": value "${value}" must be [A-Za-z0-9_.-], alphanumeric at both ends`;
  }
  return undefined;
}

// Every label map of an object: its own, its selector's and its pod template's.
function labelMaps(obj) {
  const spec = obj.spec ?? {};
  const template = spec.template ?? spec.jobTemplate?.spec?.template;
  return [
    ["metadata.labels", obj.metadata?.labels],
    ["spec.selector.matchLabels", spec.selector?.matchLabels],
    ["pod template labels", template?.metadata?.labels],
  ].filter(([, labels]) => labels && typeof labels === "object");
}

export function checkLabels(obj) {
  const errors = [];
  for (const [where, labels] of labelMaps(obj)) {
    for (const [key, value] of Object.entries(labels)) {
      const problem = checkLabelKey(key) ?? checkLabelValue(key, value);
      if (problem) errors.push(`${where}: ${problem}`);
    }
  }
  return errors;
}

// The API server refuses a workload whose selector does not select its own pods.
const selectingKinds = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"]);

export function checkSelector(obj) {
  if (!selectingKinds.has(obj.kind)) return [];
  const wanted = obj.spec?.selector?.matchLabels ?? {};
  const have = obj.spec?.template?.metadata?.labels ?? {};
  const errors = [];
  if (Object.keys(wanted).length === 0 && !(obj.spec?.selector?.matchExpressions?.length > 0)) {
    errors.push("spec.selector is empty: it would select every pod of the namespace");
  }
  for (const [key, value] of Object.entries(wanted)) {
    if (have[key] !== value) {
      const got = key in have ? `"${have[key]}"` : "no such label";
      errors.push(`spec.selector.matchLabels ${key}="${value}" does not match the pod template labels (${got})`);
    }
  }
  return errors;
}

// Two objects with one kind, namespace and name: the second would replace the first.
export function duplicateKey(obj) {
  const group = (obj.apiVersion ?? "").includes("/") ? obj.apiVersion.split("/")[0] : "";
  return `${obj.kind}.${group}/${obj.metadata?.namespace ?? ""}/${obj.metadata?.name}`;
}
