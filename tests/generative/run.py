#!/usr/bin/env python3
"""Driver of the generative conformance tier (run.sh calls it): draws manifests from seeds and
checks the properties every accepted manifest must have.
Usage: run.py INFRAGEN ROOT [COUNT] [FIRST_SEED] [--all-targets]

Properties, per seed: the drawn (valid) manifest passes `infragen validate`; for every target
that accepts it (`validate -t`), `generate` succeeds without an internal or template error and
twice gives identical folders, and its view model keeps its contract (`infragen context`
checks it against schemas/view/); then, batched over all seeds (one cfn-lint run, one terraform
init; one target per seed in turn, every target with --all-targets and for the regression
manifests): cfn-lint has no error and no warning, `terraform validate` and `terraform fmt -check`
pass, AWS quotas hold (quota_check.py), no secret value and only 80/443 open to the internet
(tests/conformance/security_posture.py). Exits 1 on any failure, after checking every seed.
"""
import collections
import concurrent.futures
import json
import os
import pathlib
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
CFN_LINT_CHUNK = 300  # templates per cfn-lint process
MAX_LINES = 80  # of one tool's output per failure: enough to see the cause, not a flood
INFRAGEN_TIMEOUT = 300  # seconds for one infragen command on one manifest: far above the largest drawn


# --all-targets: cfn-lint and terraform check every target of every seed (see linted_target).
ALL_TARGETS = False

# Seeds per terraform root module in the validate step (see check_terraform).
VALIDATE_BATCH = 50


def run(cmd, cwd=None, env=None, timeout=1800):
    """(exit code, stdout + stderr). A command that outlives `timeout` is killed and fails what
    it checks (exit code -SIGKILL, "timed out" in the output): a hang is a failure of its seeds,
    never the end of the whole run."""
    try:
        proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired as expired:
        def text(part):
            return part.decode(errors="replace") if isinstance(part, bytes) else (part or "")
        return -signal.SIGKILL, (f"timed out after {timeout} s: {' '.join(map(str, cmd))}\n"
                                 + text(expired.stdout) + text(expired.stderr))
    return proc.returncode, proc.stdout + proc.stderr


def exit_words(code):
    """"exit 1", or the signal that killed the process ("killed by SIGSEGV")."""
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit {code}"


def clip(text):
    lines = text.rstrip("\n").splitlines()
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES] + [f"... ({len(lines) - MAX_LINES} more lines)"]
    return "\n".join(lines)


class Results:
    def __init__(self):
        self.passed = collections.Counter()
        self.failed = collections.Counter()
        self.skipped = {}
        self.failures = collections.defaultdict(list)  # seed -> [(property, output)]

    def ok(self, prop, n=1):
        self.passed[prop] += n

    def fail(self, seed, prop, output):
        self.failed[prop] += 1
        self.failures[seed].append((prop, output))


def find_plugin_dir():
    """The offline hashicorp/aws mirror, found as tests/conformance/common.sh does."""
    if os.environ.get("INFRAGEN_TF_PLUGIN_DIR"):
        return os.environ["INFRAGEN_TF_PLUGIN_DIR"]
    for candidate in ("/opt/tf-plugins", "/tf-plugins", "/usr/local/share/tf-plugins",
                      os.path.expanduser("~/tf-plugins")):
        if os.path.isdir(os.path.join(candidate, "registry.terraform.io/hashicorp/aws")):
            return candidate
    return None


def start_shared_provider(plugin_dir, work):
    """The mirror's AWS provider started once in its debug mode, and the TF_REATTACH_PROVIDERS
    value that makes terraform attach to it (tests/conformance/common.sh does the same): without
    it, `terraform validate` starts a provider process per module of the combined root and per
    phase, about 2.5 s of CPU and 250 MB each. (None, None) when the mirror has no unpacked
    provider binary; terraform then starts its own."""
    binaries = sorted(pathlib.Path(plugin_dir, "registry.terraform.io/hashicorp/aws").glob(
        "*/*/terraform-provider-aws*"))
    binaries = [b for b in binaries if os.access(b, os.X_OK)]
    if not binaries:
        return None, None
    # The provider wraps its HTTP client for a CA bundle from the environment, and cannot do it
    # twice in one process; validation makes no request at all.
    env = {k: v for k, v in os.environ.items() if k != "AWS_CA_BUNDLE"}
    env["GOGC"] = "400"  # a long-lived process with a large heap: fewer collections
    log = open(work / "provider.log", "w+")
    process = subprocess.Popen([str(binaries[0]), "-debug"], stdout=log, stderr=subprocess.STDOUT,
                               env=env, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        log.seek(0)
        match = re.search(r"TF_REATTACH_PROVIDERS='(.*)'", log.read())
        if match:
            return process, match.group(1)
        time.sleep(0.2)
    process.kill()
    process.wait()
    log.seek(0)
    print("note: the AWS provider did not start in debug mode; terraform starts its own:\n" + clip(log.read()))
    return None, None


def targets_of(infragen):
    """Target names from `infragen targets` (the first word of each unindented line)."""
    code, out = run([infragen, "targets"])
    if code != 0:
        sys.exit(f"FAIL: `{infragen} targets` exited {code}:\n{out}")
    names = [line.split()[0] for line in out.splitlines()
             if line.strip() and not line[0].isspace() and re.match(r"^[a-z][a-z0-9-]*\b", line)]
    if not names:
        sys.exit(f"FAIL: no target in `{infragen} targets`:\n{out}")
    return names


def problem_in(output):
    """A generate run that exits 0 may still not print an internal or template error."""
    for line in output.splitlines():
        if "internal error" in line or ": error:" in line:
            return line
    return None


# Manifests that once broke a property (tests/generative/regressions/*.yaml) are checked with
# every run, under ids from REGRESSION_BASE up, beside the drawn ones.
REGRESSION_BASE = 900001


def regressions():
    return sorted((HERE / "regressions").glob("*.yaml"))


def check_seed(seed, infragen, gen, work, targets):
    """Per-seed properties; returns (seed, [(property, ok, output)], {format: [folders]})."""
    base = work / f"s{seed}"
    base.mkdir()
    if seed >= REGRESSION_BASE:
        code, text = 0, regressions()[seed - REGRESSION_BASE].read_text()
    else:
        code, text = run([sys.executable, str(gen), "--seed", str(seed)])
    if code != 0:
        return seed, [("draw a manifest", False, text)], {}
    manifest = base / "app.yaml"
    manifest.write_text(text)
    checks = []
    code, out = run([infragen, "validate", str(manifest)], timeout=INFRAGEN_TIMEOUT)
    if code != 0:
        checks.append(("validate accepts a valid manifest", False, f"{exit_words(code)}\n{out}"))
        return seed, checks, {}
    checks.append(("validate accepts a valid manifest", True, ""))
    # The generator marks what a target cannot carry (a GPU job on ecs-fargate...): a target
    # declines exactly those manifests.
    expected = collections.defaultdict(list)
    for target, reason in re.findall(r"^# declined-by (\S+): (.*)$", text, re.M):
        expected[target].append(reason)
    accepted = []
    for target in targets:
        code, out = run([infragen, "validate", str(manifest), "-t", target], timeout=INFRAGEN_TIMEOUT)
        errors = [line for line in out.splitlines() if ": error:" in line]
        if code == 0:
            accepted.append(target)
        if code not in (0, 1) or "internal error" in out:
            checks.append((f"validate -t {target} without crash or internal error", False, f"{exit_words(code)}\n{out}"))
        elif expected[target]:
            checks.append((f"validate -t {target} declines what it cannot carry", code == 1,
                           f"{exit_words(code)}, expected a decline for: {'; '.join(expected[target])}\n{out}"))
        elif code == 1 and errors and all("quota" in line for line in errors):
            # A manifest that would break an AWS quota may be declined, naming the quota;
            # quota_check.py catches one accepted that breaks it.
            checks.append((f"validate -t {target} declines only naming an AWS quota", True, ""))
        else:
            checks.append((f"validate -t {target} accepts what it can carry", code == 0, f"{exit_words(code)}\n{out}"))
    if not accepted:
        return seed, checks, {}
    select = ["--all"] if accepted == targets else [arg for t in accepted for arg in ("-t", t)]
    outs = []
    for copy in ("a", "b"):
        out_dir = base / copy
        # INFRAGEN_CHECK_SIMPLE_YAML: every CloudFormation template and YAML file is read both by
        # the fast reader and by yaml-cpp, and must read the same (an internal error otherwise).
        code, out = run([infragen, "generate", str(manifest), *select, "-o", str(out_dir)],
                        env=dict(os.environ, INFRAGEN_CHECK_SIMPLE_YAML="1"), timeout=INFRAGEN_TIMEOUT)
        problem = problem_in(out)
        if code != 0 or problem:
            checks.append(("validate ok => generate ok", False, f"{exit_words(code)}\n{out}"))
            return seed, checks, {}
        outs.append(out_dir)
    checks.append(("validate ok => generate ok", True, ""))
    for target in accepted:
        # The view a pack's templates see keeps its contract (schemas/view/): `context` checks it.
        code, out = run([infragen, "context", str(manifest), "-t", target, "-f", "terraform"],
                        timeout=INFRAGEN_TIMEOUT)
        checks.append(("the view model keeps its contract (infragen context)",
                       code == 0 and "internal error" not in out, f"{exit_words(code)}\n{clip(out)}"))
    code, out = run(["diff", "-r", str(outs[0]), str(outs[1])])
    checks.append(("generate is deterministic", code == 0, out))
    # plan reads back every part it generates: Terraform, CloudFormation and the Helm charts,
    # which its own Go template evaluator renders; none may fail to parse or render.
    # (plan takes no --all: without -t it reads every target that carries the manifest.)
    code, out = run([infragen, "plan", str(manifest), *[a for a in select if a != "--all"]],
                    timeout=INFRAGEN_TIMEOUT)
    unread = [line for line in out.splitlines()
              if "note: could not" in line or "is not YAML" in line or "renders an object without" in line]
    checks.append(("plan reads every generated part back", code == 0 and not unread,
                   f"{exit_words(code)}\n{clip(chr(10).join(unread) or out)}"))
    folders = collections.defaultdict(list)
    for target in accepted:
        for fmt_dir in sorted((outs[0] / target).iterdir()):
            if fmt_dir.is_dir():
                folders[fmt_dir.name].append(fmt_dir)
    return seed, checks, folders


def linted_targets(seed, present, targets):
    """The targets (of `present`, those that accepted the seed) whose output cfn-lint and
    terraform check. Every one for a regression manifest, and with --all-targets (make
    conformance-deep) for every seed; otherwise one per seed in turn (seed modulo the targets,
    else the first that accepted it), so that the tier's time grows with the seeds, not with
    seeds times targets. Every other property holds for every target of every seed."""
    if ALL_TARGETS or seed >= REGRESSION_BASE:
        return present
    turn = targets[seed % len(targets)]
    return [turn] if turn in present else present[:1]


def seed_of(path, work):
    """The seed whose output holds `path` (…/s<seed>/… or the terraform copy m<seed>)."""
    match = re.search(r"(?:^|/)[sm](\d+)(?:x\d+)?(?:/|$)", str(path).replace(str(work), ""))
    return int(match.group(1)) if match else None


def check_cloudformation(results, folders, work):
    prop = "cfn-lint: no error, no warning"
    if not shutil.which("cfn-lint"):
        results.skipped[prop] = "cfn-lint not found"
        return
    templates = {}
    for seed, seed_folders in folders.items():
        for folder in seed_folders:
            for path in sorted(folder.rglob("*.json")):
                if "params" not in path.parts and not path.name.startswith("."):
                    templates.setdefault(seed, []).append(str(path))
    every = [t for seed in sorted(templates) for t in templates[seed]]
    if not every:
        return
    # Chunks of templates, two at a time on the 2-core machine: one process reads many templates
    # (its start-up costs seconds), and a bounded chunk stays well inside run()'s timeout even in
    # a deep run of hundreds of manifests.
    chunks = [every[start:start + CFN_LINT_CHUNK] for start in range(0, len(every), CFN_LINT_CHUNK)]
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        runs = list(pool.map(lambda part: run(["cfn-lint", "--format", "parseable", "--", *part]),
                             chunks))
    by_seed = collections.defaultdict(list)
    stray = []
    for part, (code, out) in zip(chunks, runs):
        if code < 0:
            # Killed (timed out): nothing of the chunk was checked, so each of its seeds fails.
            for seed in sorted({seed_of(path, work) for path in part}):
                by_seed[seed].append(f"cfn-lint {exit_words(code)}:\n{clip(out)}")
            continue
        # cfn-lint exits with a bit mask: 2 errors, 4 warnings, 8 informational, 1 a crash.
        if code & 1:
            stray.append(out)
        for line in out.splitlines():
            match = re.match(r"^(.+?\.json):\d+:\d+:\d+:\d+:([EWI]\d+):", line)
            if not match:
                continue
            if match.group(2).startswith("I"):
                continue
            by_seed[seed_of(match.group(1), work)].append(line)
    for seed in templates:
        if by_seed.get(seed):
            results.fail(seed, prop, "\n".join(by_seed[seed]))
        else:
            results.ok(prop)
    for out in stray:
        print(f"FAIL cfn-lint crashed:\n{clip(out)}")
        results.failed[prop] += 1


def check_quotas_and_posture(results, folders, work, root):
    prop = "AWS quotas (quota_check.py)"
    cfn = [str(f) for seed in sorted(folders) for f in folders[seed] if f.name == "cloudformation"]
    if cfn:
        _, out = run([sys.executable, str(HERE / "quota_check.py"), *cfn])
        by_seed = collections.defaultdict(list)
        for line in out.splitlines():
            if line.startswith("FAIL "):
                by_seed[seed_of(line.split()[1], work)].append(line)
        for seed in folders:
            if any(f.name == "cloudformation" for f in folders[seed]):
                if by_seed.get(seed):
                    results.fail(seed, prop, "\n".join(by_seed[seed]))
                else:
                    results.ok(prop)
    prop = "no secret value, only 80/443 open (security_posture.py)"
    posture = root / "tests/conformance/security_posture.py"
    every = [str(f) for seed in sorted(folders) for f in folders[seed]]
    if every:
        code, out = run([sys.executable, str(posture), *every])
        by_seed = collections.defaultdict(list)
        for line in out.splitlines():
            if not line.startswith("ok "):
                by_seed[seed_of(line.split(":")[0], work)].append(line)
        for seed in folders:
            if by_seed.get(seed):
                results.fail(seed, prop, "\n".join(by_seed[seed]))
            else:
                results.ok(prop)
        if code != 0 and not by_seed:
            print(f"FAIL security_posture.py exited {code} without a finding:\n{clip(out)}")
            results.failed[prop] += 1


def required_variables(folder):
    """Names of the variables of a generated module that have no default."""
    names = []
    for path in sorted(folder.glob("*.tf")):
        text = path.read_text()
        for match in re.finditer(r'^variable "([^"]+)" \{\n(.*?)^\}', text, re.M | re.S):
            if not re.search(r"^  default\s*=", match.group(2), re.M):
                names.append(match.group(1))
    return names


def check_charts(results, folders, root):
    """Every Helm chart (a `helm` format folder holds one per app) renders like `helm template` for
    each of its values files and its objects validate (tests/conformance/chart_check.sh)."""
    prop = "Helm charts render and validate (chart_check.sh)"
    charts = {seed: [c.parent for f in folders[seed] if f.name == "helm" for c in sorted(f.glob("*/Chart.yaml"))]
              for seed in folders}
    if not any(charts.values()):
        return
    check = root / "tests/conformance/chart_check.sh"
    for seed in sorted(charts):
        details = []
        for chart in charts[seed]:
            code, out = run(["bash", str(check), str(chart)])
            if "SKIPPED" in out:
                results.skipped[prop] = out.strip().splitlines()[0]
                return
            if code != 0:
                details.append(out)
        if details:
            results.fail(seed, prop, "\n".join(details))
        elif charts[seed]:
            results.ok(prop)


def check_terraform(results, folders, work):
    props = ("terraform validate", "terraform fmt -check")
    if not shutil.which("terraform"):
        for prop in props:
            results.skipped[prop] = "terraform not found"
        return
    plugin_dir = find_plugin_dir()
    if not plugin_dir:
        for prop in props:
            results.skipped[prop] = "tf-plugins (offline hashicorp/aws mirror) not found; set INFRAGEN_TF_PLUGIN_DIR"
        return
    root = work / "tf"
    mods = root / "mods"
    mods.mkdir(parents=True)
    env = dict(os.environ, TF_CLI_CONFIG_FILE=str(work / "terraformrc"), CHECKPOINT_DISABLE="1",
               TF_IN_AUTOMATION="1", TF_INPUT="0")
    (work / "terraformrc").write_text("")
    # One module per seed and target: m<seed>, then m<seed>x1, m<seed>x2... for further targets.
    seeds, units = [], []
    for seed in sorted(folders):
        for folder in folders[seed]:
            if folder.name == "terraform":
                key = f"m{seed}" if seed not in seeds else f"m{seed}x{len([u for u in units if u[0] == seed])}"
                shutil.copytree(folder, mods / key)
                if seed not in seeds:
                    seeds.append(seed)
                units.append((seed, key))
    if not seeds:
        return

    # fmt first: it needs no init. `-list` names each file that is not formatted.
    code, out = run(["terraform", "fmt", "-check", "-recursive", "-list=true", "mods"], cwd=root, env=env)
    bad = collections.defaultdict(list)
    for line in out.splitlines():
        seed = seed_of(line.strip(), work)
        if seed is not None:
            bad[seed].append(line.strip())
    for seed in seeds:
        if bad.get(seed):
            details = []
            for name in bad[seed][:5]:
                _, diff = run(["terraform", "fmt", "-check", "-diff", name], cwd=root, env=env)
                details.append(diff)
            results.fail(seed, props[1], "\n".join(details))
        else:
            results.ok(props[1])
    if code != 0 and not bad:
        print(f"FAIL terraform fmt exited {code}:\n{clip(out)}")
        results.failed[props[1]] += 1

    # Root modules calling the generated folders, VALIDATE_BATCH seeds each: one init and one
    # validate per batch. Without a shared provider, terraform validate keeps a provider process
    # per module (310 seeds in one root held 353 of them, 17 GB, and the machine swapped).
    provider, reattach = start_shared_provider(plugin_dir, work)
    if reattach:
        env["TF_REATTACH_PROVIDERS"] = reattach
    try:
        for start in range(0, len(seeds), VALIDATE_BATCH):
            batch = seeds[start:start + VALIDATE_BATCH]
            batch_root = work / f"tf-{start // VALIDATE_BATCH}"
            batch_root.mkdir()
            validate_batch(results, batch, [u for u in units if u[0] in batch], batch_root, mods,
                           plugin_dir, env, work, props)
    finally:
        if provider:
            provider.kill()
            provider.wait()


def validate_batch(results, seeds, units, root, mods, plugin_dir, env, work, props):
    # One root module calling every generated folder: one init, one validate for all. A child
    # module may keep its provider and terraform blocks (no count/for_each on the call); a
    # backend block there is ignored with a warning.
    remaining = list(seeds)
    for attempt in range(5):
        lines = []
        for seed, key in units:
            if seed not in remaining:
                continue
            variables = required_variables(mods / key)
            for name in variables:
                lines.append(f'variable "{key}_{name}" {{}}')
            lines.append(f'module "{key}" {{')
            lines.append(f'  source = "{os.path.relpath(mods / key, root)}"')
            for name in variables:
                lines.append(f"  {name} = var.{key}_{name}")
            lines.append("}")
        (root / "main.tf").write_text("\n".join(lines) + "\n")
        shutil.rmtree(root / ".terraform", ignore_errors=True)
        code, out = run(["terraform", "init", "-backend=false", "-input=false", f"-plugin-dir={plugin_dir}",
                         "-no-color"], cwd=root, env=env)
        if code != 0:
            # A module that cannot even be loaded: blame it and retry without it.
            blamed = sorted({s for s in map(lambda m: int(m), re.findall(r"mods/m(\d+)(?:x\d+)?/", out)) if s in remaining})
            if not blamed:
                print(f"FAIL terraform init of the combined root:\n{clip(out)}")
                results.failed[props[0]] += len(remaining)
                return
            for seed in blamed:
                results.fail(seed, props[0], "terraform init:\n" + out)
                remaining.remove(seed)
            continue
        code, out = run(["terraform", "validate", "-json", "-no-color"], cwd=root, env=env)
        if code < 0:
            for seed in remaining:
                results.fail(seed, props[0], f"terraform validate {exit_words(code)}:\n{out}")
            return
        try:
            report = json.loads(out[out.index("{"):])
        except ValueError:
            print(f"FAIL terraform validate printed no JSON (exit {code}):\n{clip(out)}")
            results.failed[props[0]] += len(remaining)
            return
        by_seed = collections.defaultdict(list)
        unplaced = []
        for diag in report.get("diagnostics", []):
            if diag.get("severity") != "error":
                continue
            where = diag.get("range", {}).get("filename", "")
            text = f"{diag.get('severity')}: {diag.get('summary')}\n  {where}:{diag.get('range', {}).get('start', {}).get('line', '')}\n  {diag.get('detail', '')}"
            snippet = diag.get("snippet", {}).get("code")
            if snippet:
                text += "\n  | " + snippet
            seed = seed_of(where, work) if where else None
            (by_seed[seed] if seed in remaining else unplaced).append(text)
        for seed in remaining:
            if by_seed.get(seed):
                results.fail(seed, props[0], "\n".join(by_seed[seed]))
            else:
                results.ok(props[0])
        if unplaced:
            print("FAIL terraform validate errors outside the generated modules:\n" + clip("\n".join(unplaced)))
            results.failed[props[0]] += 1
        return


def main(argv):
    global ALL_TARGETS  # pylint: disable=global-statement
    if "--all-targets" in argv:
        ALL_TARGETS = True
        argv = [arg for arg in argv if arg != "--all-targets"]
    if len(argv) < 2:
        sys.exit(__doc__)
    infragen = str(pathlib.Path(argv[0]).resolve())
    root = pathlib.Path(argv[1]).resolve()
    count = int(argv[2]) if len(argv) > 2 else 40
    first = int(argv[3]) if len(argv) > 3 else 1
    gen = HERE / "manifest_gen.py"
    work = pathlib.Path(tempfile.mkdtemp(prefix="infragen-generative."))
    results = Results()
    try:
        # The quota checker must catch what it looks for (a test that cannot fail proves nothing).
        fixture = work / "quota-fixture"
        fixture.mkdir()
        resources = {f"R{i}": {"Type": "AWS::SNS::Topic"} for i in range(501)}
        resources["Sg"] = {"Type": "AWS::EC2::SecurityGroup",
                           "Properties": {"SecurityGroupIngress": [{"CidrIp": "10.0.0.0/8"}] * 61}}
        resources["Nodes"] = {"Type": "AWS::EC2::LaunchTemplate", "Properties": {
            "LaunchTemplateData": {"SecurityGroupIds": [{"Ref": f"Sg{i}"} for i in range(6)]}}}
        (fixture / "app.json").write_text(json.dumps({"Resources": resources}))
        code, out = run([sys.executable, str(HERE / "quota_check.py"), str(fixture)])
        if code == 0 or out.count("FAIL") != 3:
            sys.exit(f"FAIL: quota_check.py missed the broken quotas of its fixture:\n{out}")

        started = time.monotonic()
        targets = targets_of(infragen)
        seeds = list(range(first, first + count))
        seeds += [REGRESSION_BASE + i for i in range(len(regressions()))]
        folders = {}
        manifests = {}
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            for seed, checks, seed_folders in pool.map(
                    lambda s: check_seed(s, infragen, gen, work, targets), seeds):
                for prop, ok, output in checks:
                    if ok:
                        results.ok(prop)
                    else:
                        results.fail(seed, prop, output)
                if seed_folders:
                    folders[seed] = [f for fmt in sorted(seed_folders) for f in seed_folders[fmt]]
                path = work / f"s{seed}" / "app.yaml"
                manifests[seed] = path.read_text() if path.exists() else ""

        phase_times = [("generate and compare", time.monotonic() - started)]
        tool_folders = {}
        for seed, seed_folders in folders.items():
            present = sorted({folder.parent.name for folder in seed_folders}, key=targets.index)
            linted = linted_targets(seed, present, targets)
            tool_folders[seed] = [f for f in seed_folders if f.parent.name in linted]
        for name, check in (("cfn-lint", lambda: check_cloudformation(results, tool_folders, work)),
                            ("quotas and posture",
                             lambda: check_quotas_and_posture(results, folders, work, root)),
                            ("terraform", lambda: check_terraform(results, tool_folders, work)),
                            ("charts", lambda: check_charts(results, tool_folders, root))):
            began = time.monotonic()
            check()
            phase_times.append((name, time.monotonic() - began))

        for seed in sorted(results.failures):
            print("=" * 100)
            for prop, output in results.failures[seed]:
                print(f"FAIL seed {seed}: {prop}")
                print(clip(output))
                print("-" * 100)
            if seed >= REGRESSION_BASE:
                print(f"manifest of seed {seed}: {regressions()[seed - REGRESSION_BASE].relative_to(root)}")
            else:
                print(f"manifest of seed {seed} (replay: python3 tests/generative/manifest_gen.py --seed {seed}):")
            print(manifests.get(seed, ""))
        print("=" * 100)
        print(f"summary: {count} manifests, seeds {first}..{first + count - 1}, and "
              f"{len(regressions())} regression manifests, targets {', '.join(targets)} "
              f"(cfn-lint and terraform: {'every target' if ALL_TARGETS else 'one target per seed in turn'})")
        props = list(dict.fromkeys(list(results.passed) + list(results.failed) + list(results.skipped)))
        for prop in props:
            if prop in results.skipped:
                continue
            print(f"  {prop:60} {results.passed[prop]:5} ok {results.failed[prop]:5} failed")
        failed = sum(results.failed.values())
        for prop, why in results.skipped.items():
            # ctest's SKIP_REGULAR_EXPRESSION would hide a failure: say SKIPPED only without one.
            print(f"{'SKIPPED' if not failed else 'skipped'}: {why} ({prop})")
        if failed:
            print(f"FAILED: {len(results.failures)} of {len(seeds)} manifests broke a property")
            return 1
        # Where the time goes, for keeping `make test` within its budget.
        print("time: " + ", ".join(f"{name} {seconds:.0f} s" for name, seconds in phase_times))
        print(f"ok   {count} manifests, every property holds")
        return 0
    finally:
        if os.environ.get("KEEP_WORK"):
            print(f"work folder kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
