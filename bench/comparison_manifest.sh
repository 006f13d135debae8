#!/usr/bin/env bash
# Prints the manifest bench/run.sh compares with the CDK app (bench/cdk/app.js): N public
# services, each with a secret and CPU autoscaling, and one Postgres database.
# Usage: comparison_manifest.sh N
set -euo pipefail
n=${1:-50}
cat <<HEAD
apiVersion: infragen/v1
name: bench
region: eu-west-1
databases:
  db: {engine: postgres, version: "16", size: small}
secrets:
  api-key: {description: A third-party key}
services:
HEAD
for i in $(seq 1 "$n"); do
  cat <<SERVICE
  svc$i:
    image: public.ecr.aws/nginx/nginx:1.27
    port: 80
    expose: public
    route: {path: /svc$i}
    cpu: 512
    memory: 1024
    autoscale: {min: 1, max: 4, cpu: 70}
    env: {DB_HOST: "\${databases.db.host}"}
    secrets: {API_KEY: api-key}
SERVICE
done
