#!/usr/bin/env bash
# Prints a synthetic manifest with N services (and a database, cache, bucket, jobs and three
# environments) for the compiler benchmark. Usage: synthetic_manifest.sh N
set -euo pipefail
n=${1:-100}
cat <<HEAD
apiVersion: infragen/v1
name: bench
region: eu-west-1
tags: {team: bench}
databases:
  db: {engine: postgres, version: "16", size: medium, storage: 50}
caches:
  cache: {engine: redis, version: "7.1"}
buckets:
  data: {expire_days: 30}
secrets:
  api-key: {description: A third-party key}
jobs:
  nightly:
    image: bench/nightly:1
    schedule: "cron(0 3 * * ? *)"
services:
HEAD
for i in $(seq 1 "$n"); do
  cat <<SERVICE
  svc$i:
    image: bench/svc$i:1.0
    port: 8080
    expose: $([ $((i % 4)) -eq 0 ] && echo public || echo private)
$([ $((i % 4)) -eq 0 ] && echo "    route: {path: /svc$i}")
    cpu: 512
    memory: 1024
    replicas: 2
    autoscale: {min: 2, max: 8, cpu: 70}
    env: {DB_HOST: "\${databases.db.host}", CACHE_HOST: "\${caches.cache.host}", BUCKET: "\${buckets.data.name}"}
    secrets: {DB_PASSWORD: databases.db.password, API_KEY: api-key}
SERVICE
done
cat <<TAIL
environments:
  dev:
    databases: {db: {size: small}}
  staging: {}
  prod:
    databases: {db: {size: large, multi_zone: true}}
TAIL
