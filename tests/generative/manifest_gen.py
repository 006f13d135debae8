#!/usr/bin/env python3
"""Draws one valid infragen/v1 app manifest from a seed and prints it as YAML (generative tests).

Usage: manifest_gen.py --seed S [--services N]

Deterministic: everything comes from random.Random(seed) (no global random, no clock, no
hash() of str), so a seed replays the same manifest on every machine. The draws cover the whole
schema (docs/manifest.md) and stay inside the semantic checks (generator/frontend/*_check.cc):
references name existing things, routes are unique, depends_on has no cycle, a load balancer or
database gets two zones, autoscale ranges hold in every environment. Names follow the widened
rules (up to 63 characters; environment names with '-' up to 32).
"""
import argparse
import copy
import json
import math
import random
import re
import sys

WORDS = ["web", "api", "worker", "auth", "billing", "search", "cart", "orders", "users", "media",
         "thumbs", "mail", "notify", "report", "ingest", "export", "admin", "gateway", "stream",
         "queue", "sync", "feed", "chat", "pay", "geo", "ml", "etl", "static", "docs", "vote",
         "result", "events", "ledger", "uploads", "images", "frontend", "backend", "session"]
REGIONS = ["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1", "eu-north-1",
           "ap-southeast-2", "ap-northeast-1", "sa-east-1", "ca-central-1", "eu-central-2",
           "ap-south-2", "il-central-1", "us-gov-west-1"]
# Availability zones a new account sees (generator/frontend/aws_regions.cc): a network over
# more is refused at `network.zones`.
REGION_ZONES = {"us-east-1": 6, "us-west-2": 4, "us-west-1": 2, "ap-northeast-2": 4}
ENV_NAMES = ["dev", "staging", "prod", "production", "qa2", "test", "pr-123", "production-eu",
             "eu-west-staging", "preview-feature-x", "live", "prd", "uat", "sandbox-1",
             "a", "dev-2"]
NAME_PATTERN = re.compile(r"^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$")
ENV_PATTERN = re.compile(r"^[a-z]([a-z0-9-]{0,30}[a-z0-9])?$")
# Fargate task sizes: CPU units -> memory choices (generator/lowering/sizing.cc, AWS docs).
FARGATE = {256: [512, 1024, 2048], 512: [1024, 2048, 3072, 4096],
           1024: [2048, 3072, 4096, 6144, 8192], 2048: [4096, 5120, 8192, 16384],
           4096: [8192, 9216, 16384, 30720], 8192: [16384, 20480, 32768, 61440],
           16384: [32768, 40960, 65536, 122880]}
JOB_VCPUS = {0.25: 256, 0.5: 512, 1: 1024, 2: 2048, 4: 4096, 8: 8192, 16: 16384}
DB_VERSIONS = {"postgres": ["16", "15", "14", "16.3", "15.7", "13.15"],
               "mysql": ["8.0", "8.0.36", "8.4"],
               "aurora-postgresql": ["16", "15", "16.2", "15.6"],
               "aurora-mysql": ["8.0", "8.0.mysql_aurora.3.05.2", "8.0.mysql_aurora.3.06.0"]}
DB_CLASSES = {False: ["db.t3.micro", "db.t4g.small", "db.m6g.large", "db.r6g.xlarge", "db.m5.large"],
              True: ["db.r6g.large", "db.t4g.medium", "db.r5.large", "db.r7g.xlarge"]}
CACHE_VERSIONS = {"redis": ["6.2", "7.0", "7.1"], "valkey": ["7.2", "8.0"]}
CACHE_CLASSES = ["cache.t4g.micro", "cache.t3.small", "cache.m6g.large", "cache.r7g.large"]
LOG_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192,
            2557, 2922, 3288, 3653]
CRONS = ["cron(0 6 ? * MON *)", "cron(30 2 * * ? *)", "cron(0/15 * * * ? *)",
         "cron(0 18 ? * MON-FRI *)", "cron(0 8 1 * ? *)", "cron(0 0 L * ? *)",
         "cron(15 10 ? * 6#3 *)", "cron(5,35 14 * * ? *)", "cron(0 12 ? JAN,JUL SUN 2030)",
         "cron(0 9 15W * ? *)"]
RATES = ["rate(1 minute)", "rate(5 minutes)", "rate(1 hour)", "rate(12 hours)", "rate(1 day)",
         "rate(7 days)", "rate(90 minutes)"]
# Strings that stress escaping in HCL ("${", "%{"), JSON and YAML; none is a reference.
TRICKY = ["plain", "with space", 'say "hi"', "back\\slash", "$HOME", "%{not_a_directive}",
          "100%", "a:b", "#not-a-comment", "yes", "null", "1e3", "0755", "ünïcødé ✓",
          "tab\there", "multi\nline", "'single'", "{braces}", "[brackets]", "-dash", "~", ""]
ARG_TRICKY = TRICKY + ["${HOME}", "$${escaped}", "${not.a.ref}"]



def pascal_case(name):
    """As the compiler's logical ids: the letter after each '-' (and the first) upper case, the
    hyphens dropped."""
    return re.sub(r"(?:^|-+)(.?)", lambda m: m.group(1).upper(), name)

class Draw:
    def __init__(self, seed, services):
        self.r = random.Random(seed)
        self.services_wanted = services
        self.used = {}
        # Why ecs-fargate must decline this manifest (a valid manifest it cannot carry).
        self.declines = []

    # ---- helpers -------------------------------------------------------------------------
    def chance(self, p):
        return self.r.random() < p

    def pick(self, seq):
        return seq[self.r.randrange(len(seq))]

    def subset(self, seq, most):
        seq = list(seq)
        self.r.shuffle(seq)
        return seq[:self.r.randint(0, min(most, len(seq)))]

    def long_name(self, length):
        """Words joined by '-', cut to `length`, ending with a letter or digit."""
        parts = []
        while len("-".join(parts)) < length:
            parts.append(self.pick(WORDS) + (str(self.r.randrange(10)) if self.chance(0.2) else ""))
        name = "-".join(parts)[:length]
        if name.endswith("-"):
            name = name[:-1] + self.pick("abcxyz019")
        return name

    def name(self, kind):
        """A fresh name for `kind`; sometimes long, sometimes a near twin of an earlier one."""
        used = self.used.setdefault(kind, [])
        for _ in range(100):
            roll = self.r.random()
            earlier = [n for n in used if len(n) >= 2]
            if earlier and roll < 0.12:
                # A twin: same long prefix, differs only at the end (or only by a '-').
                base = self.pick(earlier)
                variants = [base[:-1] + self.pick("abcxyz0123456789"),
                            base + "-" + str(self.r.randrange(10)) if len(base) < 62 else base,
                            base.replace("-", "", 1)]
                if re.search(r"-[0-9]$", base):
                    variants.append(base[:-2] + base[-1])
                name = self.pick(variants)[:63]
            elif roll < 0.55:
                name = self.pick(WORDS)
            elif roll < 0.7:
                name = self.pick(WORDS) + self.pick(["", "-"]) + str(self.r.randrange(1, 20))
            elif roll < 0.8:
                name = "-".join(self.pick(WORDS) for _ in range(self.r.randint(2, 3)))
            elif roll < 0.92:
                name = self.long_name(self.r.randint(33, 63))
            elif roll < 0.95:
                name = self.long_name(63)
            else:
                name = self.pick("abcdefghijklmnopqrstuvwxyz")
            # Names of one kind must not share a CloudFormation logical id (web-1, web1).
            if NAME_PATTERN.match(name) and name not in used and \
                    pascal_case(name) not in {pascal_case(n) for n in used}:
                used.append(name)
                return name
        name = "n%d-%d" % (len(used), self.r.randrange(10 ** 6))
        used.append(name)
        return name

    def env_name(self, used):
        for _ in range(100):
            if self.chance(0.7):
                name = self.pick(ENV_NAMES)
            else:
                length = self.r.randint(2, 32)
                name = self.long_name(length)
            if ENV_PATTERN.match(name) and name not in used:
                return name
        return "env%d" % len(used)

    def var_name(self, used):
        for _ in range(100):
            roll = self.r.random()
            if roll < 0.8:
                name = "_".join(self.pick(WORDS).upper() for _ in range(self.r.randint(1, 3)))
            elif roll < 0.95:
                name = self.pick(["_", "x", "Mixed_Case", "lower", "A1"]) + str(self.r.randrange(99))
            else:
                name = "V" + "_X" * self.r.randint(10, 120)
            if name not in used:
                used.add(name)
                return name
        return "VAR_%d" % len(used)

    def image(self):
        return self.pick([
            "nginx:1.27", "public.ecr.aws/docker/library/redis:7",
            "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:v3",
            "ghcr.io/example-org/some_app:2024.05.1",
            "busybox@sha256:" + "".join(self.pick("0123456789abcdef") for _ in range(64)),
            "dockersamples/examplevotingapp_vote:latest", "registry.example.com:5000/team/app:1"])

    def build(self):
        build = {"context": self.pick([".", "./web", "services/api", "../shared ctx"])}
        if self.chance(0.3):
            build["dockerfile"] = self.pick(["Dockerfile.prod", "docker/Dockerfile", "Containerfile"])
        if self.chance(0.2):
            build["target"] = self.pick(["runtime", "prod", "stage-2.final"])
        if self.chance(0.3):
            used = set()
            build["args"] = {self.var_name(used): self.pick(ARG_TRICKY) for _ in range(self.r.randint(1, 3))}
        return build

    def command(self):
        return [self.pick(["bundle", "python", "node", "sh", "/app/bin/run"])] + \
            [self.pick(ARG_TRICKY + ["-c", "--port=8080", "exec", "server.js"])
             for _ in range(self.r.randint(0, 4))]

    def schedule(self):
        return self.pick(CRONS) if self.chance(0.6) else self.pick(RATES)

    def tags(self):
        tags = {}
        for _ in range(self.r.randint(1, 4)):
            key = self.pick(["team", "cost-center", "owner", "Project Name", "app.kubernetes.io/part-of",
                             "a:b", "x=y", "k+v@z", "T" * self.r.randint(1, 128)])
            tags[key] = self.pick(["platform", "1234", "", "with space", "a/b:c=d+e@f-g_h.i",
                                   "v" * self.r.randint(1, 256)])
        return tags

    # ---- sections ------------------------------------------------------------------------
    def service_count(self):
        if self.services_wanted is not None:
            return self.services_wanted
        roll = self.r.random()
        if roll < 0.08:
            return 0
        if roll < 0.75:
            return self.r.randint(1, 5)
        if roll < 0.93:
            return self.r.randint(6, 20)
        if roll < 0.98:
            return self.r.randint(21, 60)
        return self.r.randint(61, 200)

    def draw(self):
        r = self.r
        m = {"apiVersion": "infragen/v1"}
        app_len = r.choice([2, 5, 8, 12, 25]) if self.chance(0.5) else r.randint(2, 25)
        m["name"] = self.long_name(app_len) if app_len > 3 else self.pick(["ab", "x1", "app"])
        if self.chance(0.04):
            m["name"] = m["name"][:24] + "-"  # the app-name pattern allows a trailing '-'
        m["region"] = self.pick(REGIONS)
        self.region_zones = REGION_ZONES.get(m["region"], 3)
        if self.chance(0.4):
            m["tags"] = self.tags()

        databases = {self.name("databases"): None for _ in range(self.pick([0, 0, 1, 1, 1, 2, 3]))}
        caches = {self.name("caches"): None for _ in range(self.pick([0, 0, 1, 1, 2]))}
        secrets = {self.name("secrets"): None for _ in range(self.pick([0, 0, 1, 2, 4]))}
        buckets = {self.name("buckets"): None for _ in range(self.pick([0, 0, 1, 1, 2, 3]))}
        services = [self.name("services") for _ in range(self.service_count())]
        # Now and then a service shares its name with a database or cache (allowed).
        if services and (databases or caches) and self.chance(0.08):
            services[-1] = self.pick(list(databases) + list(caches))
            services = list(dict.fromkeys(services))
        self.db_names, self.cache_names = list(databases), list(caches)
        self.secret_names, self.bucket_names = list(secrets), list(buckets)

        for name in databases:
            databases[name] = self.database()
        for name in caches:
            caches[name] = self.cache()
        for name in secrets:
            secrets[name] = {} if self.chance(0.4) else {"description": self.pick(
                TRICKY + ["${not.a.ref} and %{x}", "Token of the upstream API", "d" * 2048])}
        for name in buckets:
            bucket = {}
            if self.chance(0.5):
                bucket["expire_days"] = self.pick([1, 7, 30, 365, 3650, r.randint(1, 3650)])
            if self.chance(0.4):
                bucket["versioning"] = self.chance(0.6)
            buckets[name] = bucket

        svc = self.services(services)
        if svc:
            m["services"] = svc
        for key, value in (("databases", databases), ("caches", caches), ("secrets", secrets),
                           ("buckets", buckets)):
            if value:
                m[key] = value
        jobs = {self.name("jobs"): None for _ in range(self.pick([0, 0, 0, 1, 1, 2, 4]))}
        for name in jobs:
            jobs[name] = self.job()
        if jobs:
            m["jobs"] = jobs

        public = [n for n, s in svc.items() if s.get("expose") == "public"]
        needs_two = bool(public) or any(d.get("managed", True) for d in databases.values())
        m["network"] = self.network(needs_two)
        if not m["network"]:
            del m["network"]
        if public and self.chance(0.4):
            zone = self.pick(["example.com", "cdlib.org", "dev.example.co.uk",
                              "a-very-long-subdomain-label-that-is-still-fine.example.net"])
            m["domain"] = {"zone": zone, "name": self.pick([zone, "app." + zone, "vote.eu." + zone])}
        if self.chance(0.3):
            m["pipeline"] = self.pipeline(svc, jobs)
        if self.chance(0.5):
            m["observability"] = self.observability()
        if self.chance(0.3):
            m["state"] = self.state()
        if self.chance(0.6):
            m["environments"] = self.environments(m)
        # Drawn last, so that adding it left every other part of each seed's manifest as it was.
        if self.chance(0.25):
            for _ in range(20):  # a group's min may pass the max it takes from `instances`
                m["instances"] = self.instances(list(svc))
                overlays = m.get("environments", {}).values()
                if effective_ok(m) and all(effective_ok(merge(m, o)) for o in overlays):
                    break
            else:
                del m["instances"]
            for overlay in m.get("environments", {}).values():
                if self.chance(0.3):
                    overlay["instances"] = self.capacity()
                    if not effective_ok(merge(m, overlay)):
                        del overlay["instances"]
        if self.chance(0.25):
            self.volumes(m)
        fit_addresses(m)
        return m

    # ---- volumes (EFS), drawn after everything else ------------------------------------
    def volumes(self, m):
        r = self.r
        volumes = {}
        for _ in range(self.pick([1, 1, 2, 3])):
            volume = {}
            if self.chance(0.3):
                volume["owner"] = {k: self.pick([0, 33, 1000, 4294967295]) for k in
                                   self.subset(["uid", "gid"], 2)}
            if self.chance(0.2):
                volume["permissions"] = self.pick(["755", "0700", "0775", "777"])
            if self.chance(0.3):
                volume["throughput"] = self.pick(["elastic", "bursting"])
            if self.chance(0.3):
                volume["backup"] = self.chance(0.5)
            if self.chance(0.3):
                volume["infrequent_access_after"] = self.pick([1, 7, 14, 30, 60, 90, 180, 270, 365])
            volumes[self.name("volumes")] = volume
        m["volumes"] = volumes
        names = list(volumes)
        workloads = list(m.get("services", {}).values()) + list(m.get("jobs", {}).values())
        for workload in workloads:
            if not self.chance(0.5):
                continue
            mounts, paths = [], set()
            for _ in range(r.randint(1, 3)):
                name = self.pick(names)
                path = self.pick(["/data", "/srv/" + name, "/var/lib/app", "/a/b.c_d-e/",
                                  "/" + "x" * 200, "/mnt/%d" % r.randrange(100)])
                if path.rstrip("/") in paths:
                    continue
                paths.add(path.rstrip("/"))
                read_only = self.chance(0.3)
                if self.chance(0.5):
                    mounts.append("%s:%s%s" % (name, path, self.pick([":ro", ""]) if read_only
                                                         else self.pick([":rw", ""])))
                else:
                    entry = {"volume": name, "path": path}
                    if read_only or self.chance(0.3):
                        entry["read_only"] = read_only
                    mounts.append(entry)
            workload["volumes"] = mounts
        for overlay in m.get("environments", {}).values():
            if self.chance(0.4):
                name = self.pick(names)
                overlay.setdefault("volumes", {})[name] = self.pick(
                    [{"backup": self.chance(0.5)}, {"throughput": "bursting"},
                     {"infrequent_access_after": self.pick([7, 90])}])

    # ---- instance capacity (read by the instance targets; others warn) --------------------
    def capacity(self):
        r = self.r
        capacity = {}
        if self.chance(0.5):
            capacity["type"] = self.pick(sorted(INSTANCE_TYPES))
        if self.chance(0.5):
            capacity["min"] = r.randint(0, 4)
        if self.chance(0.5):
            capacity["max"] = r.randint(max(1, capacity.get("min", 1)), 20)
        if self.chance(0.3):
            capacity["spot"] = self.chance(0.5)
        if self.chance(0.3):
            capacity["disk"] = self.pick([8, 30, 100, r.randint(8, 16384)])
        return capacity

    def instances(self, services):
        instances = self.capacity()
        if services and self.chance(0.5):
            groups, free = {}, list(services)
            for index in range(self.r.randint(1, 3)):
                if not free:
                    break
                members = self.subset(free, 4) or [free[0]]
                free = [s for s in free if s not in members]
                group = self.capacity()
                group["services"] = members
                groups[self.pick(["front", "back", "workers", "g"]) + str(index)] = group
            instances["groups"] = groups
        return instances

    def database(self):
        engine = self.pick(list(DB_VERSIONS))
        aurora = engine.startswith("aurora")
        db = {"engine": engine, "version": self.pick(DB_VERSIONS[engine])}
        if self.chance(0.6):
            db["size"] = self.pick(["small", "medium", "large"] + DB_CLASSES[aurora])
        if self.chance(0.3):
            db["storage"] = self.pick([20, 100, 1000, 65536, self.r.randint(20, 65536)])
        if self.chance(0.3):
            db["multi_zone"] = self.chance(0.6)
        retention = None
        if self.chance(0.5):
            backup = {}
            if self.chance(0.7):
                retention = self.r.randint(1 if aurora else 0, 35)
                backup["retention_days"] = retention
            if self.chance(0.5):
                start = self.r.randrange(24 * 60)
                end = (start + self.pick([30, 45, 60, 180, 600])) % (24 * 60)
                backup["window"] = "%02d:%02d-%02d:%02d" % (start // 60, start % 60, end // 60, end % 60)
            db["backup"] = backup
        # RDS read replicas need backups (lowering/view_data.cc).
        db["_no_replicas"] = retention == 0
        if self.chance(0.3) and not db["_no_replicas"]:
            db["read_replicas"] = self.r.randint(0, 5)
        if self.chance(0.3):
            db["name"] = self.pick(["app", "App_DB_1", "x", "D" + "b_" * 20, "a" * 63])
        if self.chance(0.3):
            db["user"] = self.pick(["app", "rails", "svc_user", "U123456789abcdef", "x"])
        if self.chance(0.02):
            db["managed"] = False  # only ec2-compose carries it: ecs-fargate must reject it
            self.declines.append("a database with managed: false")
        elif self.chance(0.1):
            db["managed"] = True
        return db

    def cache(self):
        cache = {}
        engine = self.pick(["redis", "redis", "valkey", None])
        if engine:
            cache["engine"] = engine
            if engine == "valkey" or self.chance(0.5):
                cache["version"] = self.pick(CACHE_VERSIONS[engine])
        if self.chance(0.4):
            cache["size"] = self.pick(["small", "medium", "large"] + CACHE_CLASSES)
        if self.chance(0.3):
            cache["nodes"] = self.r.randint(1, 6)
        if self.chance(0.02):
            cache["managed"] = False
            self.declines.append("a cache with managed: false")
        return cache

    def health(self):
        health = {}
        for key, low, high in (("path", 0, 0), ("grace", 0, 3600), ("interval", 5, 300),
                               ("healthy_threshold", 2, 10), ("unhealthy_threshold", 2, 10)):
            if self.chance(0.4):
                health[key] = self.pick(["/", "/health", "/up", "/api/v1/health?full=1"]) \
                    if key == "path" else self.r.randint(low, high)
        if self.chance(0.4):
            interval = health.get("interval", 30)
            health["timeout"] = self.r.randint(2, min(120, interval - 1))
        elif "interval" in health and health["interval"] <= 5:
            health["timeout"] = self.r.randint(2, health["interval"] - 1)
        return health

    def route(self, taken):
        for _ in range(50):
            route = {}
            roll = self.r.random()
            if roll < 0.7:
                route["path"] = self.pick(["/", "/api", "/api/", "/result", "/v1/*", "/a?c", "/static/%7E",
                                           "/" + self.long_name(self.r.randint(1, 60)),
                                           "/" + "p/" * self.r.randint(1, 40)])[:128]
            if roll >= 0.5:
                route["host"] = self.pick(["api.example.com", "*.example.com", "a.b.c.example.org",
                                           self.long_name(self.r.randint(1, 60)) + ".example.com"])
            path = route.get("path", "/")
            while len(path) > 1 and path.endswith("/"):
                path = path[:-1]
            key = (route.get("host", ""), path)
            if key not in taken:
                taken.add(key)
                return route
        return None

    def autoscale(self, public):
        scale = {}
        if self.chance(0.7):
            scale["min"] = self.r.randint(0, 3)
        scale["max"] = self.r.randint(max(1, scale.get("min", 1)), self.pick([4, 10, 1000]))
        metrics = ["cpu", "memory"] + (["requests"] if public else [])
        for metric in self.subset(metrics, len(metrics)) or [self.pick(metrics)]:
            scale[metric] = self.r.randint(1, 100) if metric != "requests" else self.pick([1, 1000, 50000])
        return scale

    def references(self, services_with_url):
        refs = []
        for db in self.db_names:
            refs += ["${databases.%s.%s}" % (db, a) for a in ("host", "port", "name", "user")]
        for cache in self.cache_names:
            refs += ["${caches.%s.%s}" % (cache, a) for a in ("host", "port")]
        refs += ["${services.%s.url}" % s for s in services_with_url]
        refs += ["${buckets.%s.name}" % b for b in self.bucket_names]
        return refs

    def env_map(self, refs, used):
        env = {}
        for _ in range(self.r.randint(0, 6)):
            var = self.var_name(used)
            roll = self.r.random()
            if refs and roll < 0.5:
                env[var] = self.pick(refs)
            elif refs and roll < 0.65:
                env[var] = "redis://%s:%s/0?x=%s" % (self.pick(refs), self.pick(refs), self.pick(TRICKY))
            elif roll < 0.8:
                env[var] = self.pick(TRICKY)
            elif roll < 0.9:
                env[var] = self.pick([0, 1, -5, 3.5, 10 ** 12])
            else:
                env[var] = self.chance(0.5)
        return env

    def secret_map(self, used):
        sources = ["databases.%s.password" % d for d in self.db_names] + self.secret_names
        if not sources:
            return {}
        return {self.var_name(used): self.pick(sources) for _ in range(self.r.randint(0, 4))}

    def services(self, names):
        r = self.r
        drawn = {}
        for name in names:
            s = {}
            expose = self.pick(["public", "public", "private", "none"])
            s["_expose"] = expose
            if expose != "none" or self.chance(0.3):
                s["port"] = self.pick([80, 443, 3000, 5000, 8080, 1, 65535, r.randint(1, 65535)])
            drawn[name] = s
        with_url = [n for n, s in drawn.items() if "port" in s and s["_expose"] != "none"]
        refs = self.references(with_url)
        taken_routes = set()
        default_taken = False
        out = {}
        for index, name in enumerate(names):
            s = drawn[name]
            svc = {}
            if self.chance(0.5):
                svc["image"] = self.image()
            else:
                svc["build"] = self.build()
            if self.chance(0.2):
                svc["command"] = self.command()
            if "port" in s:
                svc["port"] = s["port"]
            expose = s.pop("_expose")
            if expose != "private" or self.chance(0.5):
                svc["expose"] = expose
            if expose == "public":
                # One public service may go without a route (it takes every other request).
                if default_taken or self.chance(0.6):
                    route = self.route(taken_routes)
                    if route:
                        svc["route"] = route
                        # Path '/' without host takes every request, as no route does.
                        if ("", "/") in taken_routes:
                            default_taken = True
                if "route" not in svc:
                    if default_taken:
                        svc["route"] = {"path": "/svc-%d" % index}
                        taken_routes.add(("", "/svc-%d" % index))
                    else:
                        taken_routes.add(("", "/"))
                    default_taken = True
            if self.chance(0.4):
                svc["health"] = self.health()
            if self.chance(0.4):
                cpu = self.pick(list(FARGATE))
                svc["cpu"] = cpu
                svc["memory"] = self.pick(FARGATE[cpu])
            elif self.chance(0.1):
                svc["memory"] = self.pick(FARGATE[256])
            if index == 0 and self.chance(0.03):
                svc["cpu"], svc["memory"] = 256, 4096  # not a Fargate size: the target must reject it
                svc["_bad_size"] = True
                self.declines.append("a service size Fargate does not offer")
            if self.chance(0.35):
                svc["autoscale"] = self.autoscale(expose == "public")
            if self.chance(0.4):
                if "autoscale" in svc:
                    scale = svc["autoscale"]
                    svc["replicas"] = r.randint(scale.get("min", 1), scale["max"])
                else:
                    svc["replicas"] = self.pick([0, 1, 2, 3, 10, 1000])
            used = set()
            if self.chance(0.6):
                env = self.env_map(refs, used)
                if env:
                    svc["env"] = env
            if self.chance(0.4):
                secrets = self.secret_map(used)
                if secrets:
                    svc["secrets"] = secrets
            # Only earlier services: depends_on stays acyclic.
            candidates = names[:index] + [n for n in self.db_names + self.cache_names
                                          if n not in names[index:]]
            if candidates and self.chance(0.4):
                deps = self.subset(sorted(set(candidates) - {name}), 4)
                if deps:
                    svc["depends_on"] = deps
            if self.chance(0.15):
                svc["spot"] = self.chance(0.7)
            if self.chance(0.1):
                svc["function"] = {"timeout": r.randint(1, 900)}
            out[name] = svc
        return out

    def job(self):
        r = self.r
        job = {}
        if self.chance(0.5):
            job["image"] = self.image()
        else:
            job["build"] = self.build()
        if self.chance(0.5):
            job["command"] = self.command()
        if self.bucket_names and self.chance(0.5):
            trigger = {"bucket": self.pick(self.bucket_names)}
            if self.chance(0.5):
                trigger["prefix"] = self.pick(["incoming/", "a b/", "", "x" * 1024, "${not_a_ref}/"])
            if self.chance(0.5):
                trigger["suffix"] = self.pick([".csv", ".csv.gz", "", "%{x}"])
            job["trigger"] = trigger
        else:
            job["schedule"] = self.schedule()
        if self.chance(0.6):
            compute = {}
            vcpus = self.pick(list(JOB_VCPUS))
            if self.chance(0.8):
                compute["vcpus"] = vcpus
            if self.chance(0.7) or compute.get("vcpus", 1) >= 2:
                compute["memory"] = self.pick(FARGATE[JOB_VCPUS[compute.get("vcpus", 1)]])
            if self.chance(0.15):
                compute["max_vcpus"] = r.randint(1, 10000)
            if self.chance(0.03):
                compute["gpu"] = r.randint(1, 8)  # ecs-fargate has no GPUs: must be rejected
                self.declines.append("a GPU job")
            elif self.chance(0.1):
                compute["gpu"] = 0
            if self.chance(0.2):
                compute["spot"] = self.chance(0.7)
            job["compute"] = compute
        refs = self.references([])
        used = set()
        if self.chance(0.5):
            env = self.env_map(refs, used)
            if env:
                job["env"] = env
        if self.chance(0.4):
            secrets = self.secret_map(used)
            if secrets:
                job["secrets"] = secrets
        if self.chance(0.15):
            job["timeout"] = r.randint(60, 1209600)
        if self.chance(0.15):
            job["retries"] = r.randint(0, 9)
        return job

    def network(self, needs_two):
        r = self.r
        net = {}
        if self.chance(0.12):
            count = r.randint(2 if needs_two else 1, 6)
            hexid = lambda: "".join(self.pick("0123456789abcdef") for _ in range(self.pick([8, 17])))
            net["existing"] = {"vpc_id": "vpc-" + hexid(),
                               "public_subnets": ["subnet-%s" % hexid() for _ in range(count)],
                               "private_subnets": ["subnet-%s" % hexid() for _ in range(count)]}
            if self.chance(0.2):
                net["zones"] = r.randint(1, 6)  # ignored beside `existing`
            return net
        if self.chance(0.4):
            prefix = r.randint(16, 24)
            base = self.pick([(10, r.randrange(256)), (172, r.randint(16, 31)), (192, 168)])
            third = (r.randrange(256) >> (24 - prefix)) << (24 - prefix) if prefix > 16 else 0
            net["cidr"] = "%d.%d.%d.0/%d" % (base[0], base[1], third, prefix)
        if self.chance(0.6):
            net["zones"] = min(r.randint(2 if needs_two else 1, 6), self.region_zones)
        if self.chance(0.5):
            net["nat"] = self.pick(["single", "per-zone", "none"])
        return net

    def pipeline(self, services, jobs):
        built = any("build" in w for w in list(services.values()) + list(jobs.values()))
        providers = ["github-actions", "codepipeline"] if built else ["github-actions"]
        if not built and self.chance(0.05):
            providers = ["codepipeline"]  # nothing to build: ecs-fargate must reject it
            self.declines.append("a codepipeline pipeline with nothing to build")
        pipe = {"provider": self.pick(providers),
                "repository": self.pick(["myorg/voting", "a/b", "Org_1/repo.name-x"])}
        if self.chance(0.4):
            pipe["branch"] = self.pick(["main", "release/v1", "feature_x-1.2"])
        if self.chance(0.6):
            pipe["deploy"] = self.pick(["rolling", "blue-green"])
        return pipe

    def observability(self):
        obs = {}
        if self.chance(0.6):
            obs["log_retention_days"] = self.pick(LOG_DAYS)
        if self.chance(0.6):
            alarms = {"email": self.pick(["ops@example.com", "a+b@x.co", "team.alerts@sub.example.org"])}
            for key in ("cpu_high", "memory_high"):
                if self.chance(0.4):
                    alarms[key] = self.r.randint(1, 100)
            if self.chance(0.4):
                alarms["http_5xx"] = self.pick([1, 10, 100000])
            obs["alarms"] = alarms
        return obs

    def state(self):
        state = {"bucket": self.pick(["tf-state", "my.state.bucket-1", "s" * 63])}
        if self.chance(0.4):
            state["key"] = self.pick(["app/terraform.tfstate", "x", "a/b/c.tfstate"])
        if self.chance(0.3):
            state["region"] = self.pick(REGIONS)
        if self.chance(0.4):
            state["lock_table"] = self.pick(["tf-locks", "Locks_Table.1"])
        return state

    # ---- environments --------------------------------------------------------------------
    def environments(self, m):
        names = []
        for _ in range(self.r.randint(1, 4)):
            names.append(self.env_name(names))
        envs = {}
        for env in names:
            overlay = {}
            for _ in range(40):
                candidate = copy.deepcopy(overlay)
                self.overlay_item(m, candidate)
                if effective_ok(merge(m, candidate)):
                    overlay = candidate
                if self.chance(0.45):
                    break
            envs[env] = overlay
        return envs

    def overlay_item(self, m, overlay):
        r = self.r
        kind = self.pick(["services", "services", "databases", "schedule", "network", "domain",
                          "observability", "tags", "env", "none"])
        if kind == "services" and m.get("services"):
            name = self.pick(list(m["services"]))
            change = overlay.setdefault("services", {}).setdefault(name, {})
            roll = r.random()
            if roll < 0.4:
                change["replicas"] = self.pick([0, 1, 2, 5])
            elif roll < 0.7:
                change["autoscale"] = self.autoscale(m["services"][name].get("expose") == "public")
            elif roll < 0.85:
                change["autoscale"] = None
            elif not m["services"][name].get("_bad_size"):
                cpu = self.pick(list(FARGATE))
                change.update({"cpu": cpu, "memory": self.pick(FARGATE[cpu]), "spot": self.chance(0.5)})
        elif kind == "databases" and m.get("databases"):
            name = self.pick(list(m["databases"]))
            db = m["databases"][name]
            change = overlay.setdefault("databases", {}).setdefault(name, {})
            roll = r.random()
            if roll < 0.4:
                change["size"] = self.pick(["small", "medium", "large"] + DB_CLASSES[db["engine"].startswith("aurora")])
            elif roll < 0.7:
                change["multi_zone"] = self.chance(0.5)
            elif not db.get("_no_replicas"):
                change["read_replicas"] = r.randint(0, 5)
        elif kind == "schedule":
            overlay["schedule"] = {"stop": self.pick(["cron(0 19 ? * MON-FRI *)", "rate(1 day)"]),
                                   "start": self.pick(["cron(0 6 ? * MON-FRI *)", "cron(0 7 * * ? *)"])}
        elif kind == "network" and "existing" not in m.get("network", {}):
            change = overlay.setdefault("network", {})
            if self.chance(0.6):
                change["nat"] = self.pick(["single", "per-zone", "none"])
            else:
                change["zones"] = r.randint(1, 6)
        elif kind == "domain" and m.get("domain"):
            overlay["domain"] = {"name": self.pick(["dev.", "x-1.", ""]) + m["domain"]["zone"]}
        elif kind == "observability":
            overlay["observability"] = self.pick([{"alarms": None}, {"log_retention_days": self.pick(LOG_DAYS)},
                                                  {"alarms": {"email": "dev@example.com"}}])
        elif kind == "tags":
            overlay["tags"] = self.tags()
        elif kind == "env":
            # An environment's own value of a variable (or one only it has): a per-environment
            # parameter in each format.
            # Only a literal's value may differ: a reference, or a variable one environment
            # lacks, is structure (one code for all environments).
            lists = [k for k in ("services", "jobs") if m.get(k)]
            if lists:
                kind_list = self.pick(lists)
                name = self.pick(list(m[kind_list]))
                literals = [var for var, value in m[kind_list][name].get("env", {}).items()
                            if "${" not in str(value)]
                if literals:
                    overlay.setdefault(kind_list, {}).setdefault(name, {}).setdefault("env", {})[
                        self.pick(literals)] = self.pick(["on", "0", "x y", "https://example.com/a?b=1"])


# The instance types drawn, with their vCPUs and MiB (schemas/instance_types.v1.json).
INSTANCE_TYPES = {"t3.small": (2, 2048), "t3.medium": (2, 4096), "m6i.large": (2, 8192),
                  "m7g.xlarge": (4, 16384), "c6a.2xlarge": (8, 16384), "r6i.8xlarge": (32, 262144)}


def merge(base, overlay):
    """The effective manifest of one environment: maps merge, null removes, the rest replaces."""
    out = copy.deepcopy(base)
    out.pop("environments", None)
    _merge_into(out, overlay)
    return out


def _merge_into(target, overlay):
    for key, value in overlay.items():
        if key == "schedule":
            continue
        if value is None:
            target.pop(key, None)
        elif isinstance(value, dict):
            if not isinstance(target.get(key), dict):
                target[key] = {}
            _merge_into(target[key], value)
        else:
            target[key] = copy.deepcopy(value)


def addresses_ok(m):
    """Whether a new VPC's subnets hold every task and data store (lowering/subnet_addresses.cc),
    and its public subnets are /27 or larger when there is a load balancer."""
    net = m.get("network") or {}
    if "existing" in net:
        return True
    prefix = int(net.get("cidr", "10.0.0.0/16").split("/")[1]) + 4
    zones = net.get("zones", 2)
    room = zones * (2 ** (32 - prefix) - 5)
    services = m.get("services") or {}
    tasks = len(m.get("jobs") or {})
    for svc in services.values():
        scale = svc.get("autoscale") or {}
        tasks += max(svc.get("replicas", 1), scale.get("max", 0))
    stores = zones * len(m.get("volumes") or {})
    for db in (m.get("databases") or {}).values():
        if db.get("managed", True):
            aurora = db.get("engine", "postgres").startswith("aurora-")
            stores += 1 + db.get("read_replicas", 0) + (1 if db.get("multi_zone") and not aurora else 0)
    for cache in (m.get("caches") or {}).values():
        if cache.get("managed", True):
            stores += cache.get("nodes", 1)
    balancer = any(s.get("expose") == "public" and "port" in s for s in services.values())
    if balancer and prefix > 27:
        return False
    if net.get("nat", "single") == "none":
        return stores <= room and tasks + (8 * zones if balancer else 0) <= room
    return tasks + stores <= room


def fit_addresses(m):
    """A drawn network too small for its tasks becomes 10.0.0.0/16; past that, replicas shrink."""
    overlays = list((m.get("environments") or {}).values())
    fits = lambda: all(addresses_ok(e) for e in [m] + [merge(m, o) for o in overlays])
    if fits() or "existing" in (m.get("network") or {}):
        return
    m.setdefault("network", {})["cidr"] = "10.0.0.0/16"
    if fits():
        return
    for svc in [m.get("services") or {}] + [o.get("services") or {} for o in overlays]:
        for s in svc.values():
            if not isinstance(s, dict):
                continue
            scale = s.get("autoscale")
            if isinstance(scale, dict):
                if "min" in scale:
                    scale["min"] = min(scale["min"], 10)
                if "max" in scale:
                    scale["max"] = max(min(scale["max"], 10), scale.get("min", 1))
            if "replicas" in s:
                s["replicas"] = min(s["replicas"], 10)


def effective_ok(m):
    """The checks an overlay can break (zones, autoscale ranges); the base is built valid."""
    services = m.get("services", {})
    for svc in services.values():
        scale = svc.get("autoscale")
        if scale:
            low, high = scale.get("min", 1), scale["max"]
            if low > high:
                return False
            if "replicas" in svc and not low <= svc["replicas"] <= high:
                return False
            if "requests" in scale and svc.get("expose") != "public":
                return False
        if svc.get("cpu", 256) not in FARGATE or svc.get("memory", 512) not in FARGATE[svc.get("cpu", 256)]:
            if not (svc.get("cpu"), svc.get("memory")) == (256, 4096):
                return False
    balanced = any(s.get("expose") == "public" for s in services.values())
    databases = any(d.get("managed", True) for d in m.get("databases", {}).values())
    net = m.get("network", {})
    if "existing" not in net and (balanced or databases) and net.get("zones", 2) < 2:
        return False
    if "existing" not in net and net.get("zones", 2) > REGION_ZONES.get(m["region"], 3):
        return False
    instances = m.get("instances") or {}
    groups = instances.get("groups") or {}
    for capacity in [instances] + list(groups.values()):
        low = capacity.get("min", instances.get("min"))
        high = capacity.get("max", instances.get("max"))
        if low is not None and high is not None and low > high:
            return False
    # Every service fits one instance of the type it runs on (instance_check.cc).
    grouped = {name: g for g in groups.values() for name in g.get("services", [])}
    for name, svc in services.items():
        kind = grouped.get(name, {}).get("type", instances.get("type"))
        if kind is None:
            continue
        vcpus, memory = INSTANCE_TYPES[kind]
        if svc.get("cpu", 256) > 1024 * vcpus or svc.get("memory", 512) > memory - max(256, memory // 20):
            return False
    return True


def strip_private(node):
    """Removes the generator's own bookkeeping keys (they start with '_')."""
    if isinstance(node, dict):
        return {k: strip_private(v) for k, v in node.items() if not str(k).startswith("_")}
    if isinstance(node, list):
        return [strip_private(v) for v in node]
    return node


# ---- YAML ------------------------------------------------------------------------------------
PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}


def key_text(key):
    if PLAIN_KEY.match(key) and key.lower() not in YAML_WORDS:
        return key
    return json.dumps(key, ensure_ascii=False)


def scalar_text(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    # A JSON string is a valid YAML double-quoted scalar.
    return json.dumps(value, ensure_ascii=False)


def to_yaml(node, indent=0):
    pad = "  " * indent
    lines = []
    for key, value in node.items():
        if isinstance(value, dict) and value:
            lines.append("%s%s:" % (pad, key_text(key)))
            lines.extend(to_yaml(value, indent + 1))
        elif isinstance(value, dict):
            lines.append("%s%s: {}" % (pad, key_text(key)))
        elif isinstance(value, list):
            lines.append("%s%s: [%s]" % (pad, key_text(key), ", ".join(scalar_text(v) for v in value)))
        else:
            lines.append("%s%s: %s" % (pad, key_text(key), scalar_text(value)))
    return lines


def ec2_declines(m):
    """Why ecs-ec2 must decline `m`, beyond what both ECS targets decline: tasks on instances get
    no public IP (no NAT), a root volume below the ECS AMI's 30 GiB, a job larger than the
    instance type of the group that runs the jobs."""
    reasons = []
    overlays = list((m.get("environments") or {}).values())
    for e in [merge(m, o) for o in overlays] if overlays else [m]:
        network = e.get("network") or {}
        if "existing" not in network and network.get("nat", "single") == "none":
            reasons.append("no NAT for tasks on EC2 instances")
        instances = e.get("instances") or {}
        groups = instances.get("groups") or {}
        # Only groups that run something exist (instance_capacity.cc): a listed group with a
        # service, and "main" (the `instances` settings) for the services no group lists and
        # for the jobs.
        services = set(e.get("services") or {})
        listed = {name for g in groups.values() for name in (g.get("services") or [])}
        running = [g for g in groups.values() if set(g.get("services") or []) & services]
        if services - listed or e.get("jobs"):
            running.append(instances)
        for capacity in running:
            if capacity.get("disk", instances.get("disk", 30)) < 30:
                reasons.append("a root volume below 30 GiB")
        kind = (groups.get("main") or {}).get("type", instances.get("type"))
        if kind and e.get("jobs"):
            vcpus, memory = INSTANCE_TYPES[kind]
            usable = memory - max(256, memory // 20)
            for job in e["jobs"].values():
                compute = job.get("compute") or {}
                if round(compute.get("vcpus", 1) * 1024) > vcpus * 1024 or compute.get("memory", 2048) > usable:
                    reasons.append("a job larger than the instance type")
    return list(dict.fromkeys(reasons))


# The types an ec2-compose group gets when the manifest names none, smallest first
# (generator/lowering/compose_groups.cc): (vCPUs, MiB).
COMPOSE_DEFAULT_TYPES = [(2, 2048), (2, 4096), (2, 8192), (4, 16384), (8, 32768), (16, 65536),
                         (32, 131072), (48, 196608), (64, 262144), (96, 393216)]


def compose_groups(e):
    """The instance groups of ec2-compose for one effective manifest: {name: [service names]}
    (compose_groups.cc): `instances.groups` as listed, the rest on "front" (public with a port)
    or "back", a new default group ("front-2"...) after each 50 load-balanced services."""
    services = e.get("services") or {}
    listed = {name: g for g, group in ((e.get("instances") or {}).get("groups") or {}).items()
              for name in group.get("services") or []}
    groups, balanced, number = {}, {}, {}
    for name in sorted(services):
        svc = services[name]
        exposed = "port" in svc and svc.get("expose", "private") in ("public", "private")
        if name in listed:
            group = listed[name]
        else:
            kind = "front" if "port" in svc and svc.get("expose") == "public" else "back"
            if exposed and balanced.get(kind, 0) == 50:
                balanced[kind] = 0
                number[kind] = number.get(kind, 0) + 1
            if exposed:
                balanced[kind] = balanced.get(kind, 0) + 1
            group = kind if number.get(kind, 0) == 0 else "%s-%d" % (kind, number[kind] + 1)
        groups.setdefault(group, []).append(name)
    # The scheduled jobs run on "back", which exists for them alone when no service is there.
    if any("schedule" in job for job in (e.get("jobs") or {}).values()):
        groups.setdefault("back", [])
    return groups


def compose_declines(m, general):
    """Why ec2-compose must decline `m`: what it does not carry yet (blue-green
    deploys), what it cannot (jobs started by new objects, GPUs, a
    nearest-weekday `W` schedule no systemd timer follows, a start/stop schedule in rate() that
    Auto Scaling's Unix cron cannot say; `managed: false` stores with a standby, replicas or
    several cache nodes), what no target carries (`general`, less Fargate's sizes and `managed:
    false`, which its data host runs), and instance groups whose containers fit no instance
    (every instance runs one container of each service of its group, and "back" room for its
    largest scheduled job) or whose root volume is below 20 GiB."""
    # It runs `managed: false` stores as containers on its data host: one instance, one node.
    reasons = [r for r in general if "Fargate" not in r and "managed: false" not in r]
    overlays = list((m.get("environments") or {}).values())
    # merge() drops an overlay's `schedule` (only an environment has one): read it here.
    for o in overlays:
        schedule = o.get("schedule") or {}
        if any(str(schedule.get(k, "")).startswith("rate(") for k in ("stop", "start")):
            reasons.append("a start/stop schedule in rate()")
    for e in [merge(m, o) for o in overlays] if overlays else [m]:
        jobs = e.get("jobs") or {}
        for job in jobs.values():
            if "trigger" in job:
                reasons.append("a job started by new objects")
            if (job.get("compute") or {}).get("gpu", 0) > 0:
                reasons.append("a GPU job")
            schedule = job.get("schedule", "")
            if schedule.startswith("cron(") and "W" in schedule[5:-1].split()[2]:
                reasons.append("a schedule with the nearest-weekday W")
        pipeline = e.get("pipeline") or {}
        if pipeline.get("deploy") == "blue-green":
            reasons.append("blue-green deploys")
        for db in (e.get("databases") or {}).values():
            if db.get("managed", True) is False and (db.get("multi_zone") or db.get("read_replicas", 0) > 0):
                reasons.append("a database with managed: false and a standby or replicas")
        for cache in (e.get("caches") or {}).values():
            if cache.get("managed", True) is False and cache.get("nodes", 1) > 1:
                reasons.append("a cache with managed: false and several nodes")
        services = e.get("services") or {}
        instances = e.get("instances") or {}
        written = instances.get("groups") or {}
        for group, members in compose_groups(e).items():
            capacity = written.get(group, {})
            if capacity.get("disk", instances.get("disk", 30)) < 20:
                reasons.append("a root volume below 20 GiB")
            cpu = sum(services[name].get("cpu", 256) for name in members)
            memory = sum(services[name].get("memory", 512) for name in members) + 256
            if group == "back":
                computes = [job.get("compute") or {} for job in jobs.values() if "schedule" in job]
                cpu += max([math.ceil(c.get("vcpus", 1) * 1024) for c in computes] or [0])
                memory += max([c.get("memory", 2048) for c in computes] or [0])
            kind = capacity.get("type", instances.get("type"))
            types = [INSTANCE_TYPES[kind]] if kind else COMPOSE_DEFAULT_TYPES
            if not any(cpu <= 1024 * v and memory <= mib - max(256, mib // 20) for v, mib in types):
                reasons.append("a group's containers fit no instance")
    return list(dict.fromkeys(reasons))


def kubernetes_cron_exists(schedule):
    """Whether generator/lowering/kubernetes_cron.cc converts `schedule`: a cron() without W, L,
    # or a year, or a rate whose period divides an hour or a day (or is one or seven days)."""
    body = schedule[schedule.index("(") + 1:-1]
    if schedule.startswith("cron("):
        fields = body.split()
        return not any(c in fields[2] + fields[4] for c in "WL#") and fields[5] == "*"
    count, unit = body.split()
    minutes = int(count) * {"minute": 1, "hour": 60, "day": 1440}[unit.rstrip("s")]
    return (minutes < 60 and 60 % minutes == 0) or \
        (60 <= minutes < 1440 and minutes % 60 == 0 and 1440 % minutes == 0) or \
        minutes in (1440, 7 * 1440)


def eks_declines(m, general):
    """Why eks must decline `m`: what ecs-ec2 declines (its node groups are sized by the same
    instance_capacity section); what a CronJob cannot run (a job started by new objects, GPUs,
    a schedule with no Kubernetes cron: W, L, #, a year, a rate that does not divide an hour or
    a day; a job name too long for its CronJob's, or taken by a service named job-NAME); and the
    features templates/eks/pack.yaml does not carry yet: volumes, a domain, a start/stop
    schedule, scaling on requests, a route on a service that is not public, CodePipeline and
    blue-green; and a `managed: false` store with a standby, replicas or several nodes, a name
    longer than 47 characters or taken by a service named data-NAME."""
    reasons = [r for r in general if "Fargate" not in r] + ec2_declines(m)
    overlays = list((m.get("environments") or {}).values())
    for o in overlays:
        if o.get("schedule"):
            reasons.append("a start/stop schedule")
    for e in [merge(m, o) for o in overlays] if overlays else [m]:
        for name, job in (e.get("jobs") or {}).items():
            if "trigger" in job:
                reasons.append("a job started by new objects")
            if (job.get("compute") or {}).get("gpu", 0) > 0:
                reasons.append("a GPU job")
            if not kubernetes_cron_exists(job.get("schedule", "rate(1 day)")):
                reasons.append("a schedule with no Kubernetes cron")
            if len(name) > 48:
                reasons.append("a job name longer than 48 characters")
            if "job-" + name in (e.get("services") or {}):
                reasons.append("a service named job-<a job's name>")
        if e.get("volumes"):
            reasons.append("volumes")
        if e.get("domain"):
            reasons.append("a domain")
        if e.get("schedule"):
            reasons.append("a start/stop schedule")
        for svc in (e.get("services") or {}).values():
            if (svc.get("autoscale") or {}).get("requests"):
                reasons.append("scaling on requests")
            if svc.get("route") and svc.get("expose", "private") != "public":
                reasons.append("a route on a service that is not public")
        pipeline = e.get("pipeline") or {}
        if pipeline.get("provider") == "codepipeline":
            reasons.append("CodePipeline")
        if pipeline.get("deploy") == "blue-green":
            reasons.append("blue-green deploys")
        # `managed: false`: a StatefulSet of one pod named data-NAME.
        for kind in ("databases", "caches"):
            for name, store in (e.get(kind) or {}).items():
                if store.get("managed", True) is not False:
                    continue
                if store.get("multi_zone") or store.get("read_replicas", 0) > 0 or store.get("nodes", 1) > 1:
                    reasons.append("a store with managed: false and a standby, replicas or nodes")
                if len(name) > 47:
                    reasons.append("a store with managed: false named longer than 47 characters")
                if "data-" + name in (e.get("services") or {}):
                    reasons.append("a service named data-<a managed: false store's name>")
        # eks's CloudFormation format does not carry them yet (a job's Pod Identity role, an
        # in-cluster store's generated secret): `-t eks` with every format declines them.
        if e.get("jobs"):
            reasons.append("jobs (the CloudFormation format of eks)")
        for kind in ("databases", "caches"):
            if any(store.get("managed", True) is False for store in (e.get(kind) or {}).values()):
                reasons.append("a store with managed: false (the CloudFormation format of eks)")
    return list(dict.fromkeys(reasons))


def batch_declines(m, general):
    """Why batch must decline `m`: what ecs-fargate declines for its services and data stores (it
    runs a GPU job on EC2 instead), CodePipeline (templates/batch/pack.yaml does not carry it), and
    jobs AWS Batch cannot run: a fraction of a vCPU on EC2 (a GPU job) or one run above
    `max_vcpus`."""
    reasons = [r for r in general if r != "a GPU job"]
    overlays = list((m.get("environments") or {}).values())
    for e in [merge(m, o) for o in overlays] if overlays else [m]:
        if (e.get("pipeline") or {}).get("provider") == "codepipeline":
            reasons.append("CodePipeline")
        for job in (e.get("jobs") or {}).values():
            compute = job.get("compute") or {}
            vcpus = compute.get("vcpus", 1)
            if compute.get("gpu", 0) > 0 and vcpus != math.floor(vcpus):
                reasons.append("a GPU job with a fraction of a vCPU")
            if compute.get("max_vcpus", 16) < math.ceil(vcpus):
                reasons.append("a job run above max_vcpus")
    return list(dict.fromkeys(reasons))


def manifest(seed, services=None, declines=None):
    draw = Draw(seed, services)
    m = strip_private(draw.draw())
    if declines is not None:
        declines.extend(dict.fromkeys(draw.declines))
    return m


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--services", type=int, default=None, help="number of services (0-200)")
    args = parser.parse_args()
    declines = []
    m = manifest(args.seed, args.services, declines)
    sys.stdout.write("# infragen generative manifest, seed %d: python3 tests/generative/manifest_gen.py"
                     " --seed %d%s\n" % (args.seed, args.seed,
                                         "" if args.services is None else " --services %d" % args.services))
    # run.py reads these: a target must decline exactly the manifests marked for it.
    for reason in declines:
        sys.stdout.write("# declined-by ecs-fargate: %s\n" % reason)
    # ecs-ec2 runs any task size the instances fit, and declines the rest as Fargate does.
    for reason in [r for r in declines if "Fargate" not in r] + ec2_declines(m):
        sys.stdout.write("# declined-by ecs-ec2: %s\n" % reason)
    for reason in compose_declines(m, declines):
        sys.stdout.write("# declined-by ec2-compose: %s\n" % reason)
    for reason in eks_declines(m, declines):
        sys.stdout.write("# declined-by eks: %s\n" % reason)
    for reason in batch_declines(m, declines):
        sys.stdout.write("# declined-by batch: %s\n" % reason)
    sys.stdout.write("\n".join(to_yaml(m)) + "\n")


if __name__ == "__main__":
    main()
