#!/usr/bin/env node
// k8s-validate: checks rendered Kubernetes objects (helm-render --json) against the schemas of
// kubernetes-models and the API-server rules of rules.mjs. One line per object; exit 1 on any FAIL.
// Usage: node validate.mjs OBJECTS.json   (an array of objects, or of {source, object})
import { readFileSync } from "node:fs";
import { builtinKinds, customKinds, servedVersionOf } from "./kinds.mjs";
import { checkLabels, checkName, checkSelector, duplicateKey } from "./rules.mjs";

// One ajv error as "/spec/replicas must be integer", with the allowed values of an enum.
function describe(error) {
  const where = error.instancePath || "/";
  const allowed = error.params?.allowedValues ? ` (${error.params.allowedValues.join(", ")})` : "";
  return `${where} ${error.message}${allowed}`;
}

async function schemaErrors(obj) {
  const key = `${obj.apiVersion}/${obj.kind}`;
  if (customKinds[key]) return customKinds[key](obj);
  const module = builtinKinds[key];
  if (!module) {
    const served = servedVersionOf(obj.kind);
    return [served
      ? `${obj.kind} is served as ${served}, not ${obj.apiVersion}`
      : `unknown kind ${key} (neither built in nor a listed custom resource)`];
  }
  const Model = (await import(`kubernetes-models/${module}`))[obj.kind];
  try {
    new Model(obj).validate();
    return [];
  } catch (e) {
    if (!Array.isArray(e.errors)) throw e;
    return e.errors.map(describe);
  }
}

async function check(obj) {
  if (obj === null || typeof obj !== "object" || Array.isArray(obj)) {
    return ["the document is not a mapping"];
  }
  if (typeof obj.apiVersion !== "string" || typeof obj.kind !== "string") {
    return ["apiVersion and kind are required"];
  }
  return [...checkName(obj), ...checkLabels(obj), ...checkSelector(obj), ...(await schemaErrors(obj))];
}

async function main() {
  if (process.argv.length !== 3) {
    console.error("usage: node validate.mjs OBJECTS.json");
    process.exit(2);
  }
  const entries = JSON.parse(readFileSync(process.argv[2], "utf8"));
  const seen = new Map();
  let failed = 0;
  for (const entry of entries) {
    const wrapped = entry && typeof entry === "object" && "object" in entry && "source" in entry;
    const obj = wrapped ? entry.object : entry;
    const label = `${obj?.kind ?? "?"}/${obj?.metadata?.name ?? "?"}${wrapped ? ` (${entry.source})` : ""}`;
    const errors = await check(obj);
    if (errors.length === 0) {
      const key = duplicateKey(obj);
      if (seen.has(key)) errors.push(`duplicate of the object from ${seen.get(key)}`);
      seen.set(key, wrapped ? entry.source : "this file");
    }
    if (errors.length > 0) failed++;
    console.log(errors.length === 0 ? `ok   ${label}` : `FAIL ${label}: ${errors.join("; ")}`);
  }
  // A chart that renders nothing proves nothing: most likely its templates are all switched off.
  if (entries.length === 0) console.log("FAIL: no object rendered");
  console.log(`k8s-validate: ${entries.length} objects, ${failed} invalid`);
  process.exit(failed > 0 || entries.length === 0 ? 1 : 0);
}

await main();
