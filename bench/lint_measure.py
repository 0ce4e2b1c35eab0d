#!/usr/bin/env python3
"""Timing, coverage and reporting for bench/lint_bench.sh. Python 3 standard library only.

  lint_measure.py run --plan PLAN.tsv --repeat R --out RESULTS.jsonl --log LOG [--meta k=v ...]
  lint_measure.py table RESULTS.jsonl [--ratio A/B] [--rss-budget KEY=MB ...]
  lint_measure.py squawk-tx --bin SQUAWK --dir DIR --out FILE.json [-- SQUAWK ARGS...]
  lint_measure.py rules [--top N] LABEL=FILE.json ...

PLAN.tsv: one linter per line, tab-separated, '-' for an empty field:

  key  label  ok_exits  cwd  capture  command

  ok_exits  comma-separated exit codes that mean "ran to the end" (a linter exits non-zero when
            it finds something: strata 3, squawk 1); any other code fails the row
  cwd       directory to run in
  capture   file that gets the standard output of the extra peak-RSS run (the findings)
  command   split with shlex and exec'd directly (no shell)

Like measure.py: runs are interleaved (round 1 of every row, then round 2, ...); wall time is
perf_counter around spawn-to-reap, CPU is user+system time from wait4; peak RSS comes from one
extra run under `/usr/bin/time -f %M` (else getrusage(RUSAGE_CHILDREN) in a fresh Python child,
an upper bound shown as "<="). Unlike measure.py: a non-zero exit listed in ok_exits is fine,
standard output goes to /dev/null in the timed runs (both linters print JSON), and a row that
fails is reported as failed while the other rows go on.

squawk-tx runs squawk the way strata runs the migrations: --assume-in-transaction on the files
without `-- strata:no-transaction`, without it on the others (two processes), and writes the
two JSON arrays as one. Untimed; for the coverage table only.

rules prints findings per rule, one column per LABEL=FILE (squawk's --reporter json, or
strata's --format json: a list of findings, or an object holding one; the rule is read from the
first of rule, rule_id, ruleId, rule_name, id, code).
"""
import argparse
import collections
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

FIELDS = ["key", "label", "ok_exits", "cwd", "capture", "command"]
RULE_KEYS = ["rule", "rule_id", "ruleId", "rule_name", "id", "code"]
LIST_KEYS = ["findings", "diagnostics", "results", "violations", "problems", "issues"]


def read_plan(path):
    ops = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != len(FIELDS):
                sys.exit("%s:%d: expected %d tab-separated fields, got %d" % (path, lineno, len(FIELDS), len(parts)))
            op = {k: (None if v == "-" else v) for k, v in zip(FIELDS, parts)}
            op["ok"] = {int(x) for x in op["ok_exits"].split(",")}
            op["argv"] = shlex.split(op["command"])
            ops.append(op)
    return ops


def spawn(argv, cwd, log):
    """(wall seconds, exit code, user+system CPU seconds) of one run, output discarded."""
    log.flush()
    t0 = time.perf_counter()
    p = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log)
    _, status, ru = os.wait4(p.pid, 0)
    dt = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)  # already reaped: keep Popen quiet
    return dt, p.returncode, ru.ru_utime + ru.ru_stime


def peak_rss(argv, cwd, capture, log):
    """(exit code, peak RSS in KiB or None, method, upper bound?) of one run; stdout to capture."""
    out = open(capture, "wb") if capture else subprocess.DEVNULL
    try:
        gnu_time = os.environ.get("STRATA_BENCH_GNU_TIME", "/usr/bin/time")
        if gnu_time and os.access(gnu_time, os.X_OK):
            with tempfile.NamedTemporaryFile("r", suffix=".rss") as tf:
                rc = subprocess.run([gnu_time, "-f", "%M", "-o", tf.name] + argv, cwd=cwd,
                                    stdin=subprocess.DEVNULL, stdout=out, stderr=log).returncode
                text = tf.read().strip().splitlines()
            value = int(text[-1]) if text and text[-1].isdigit() else None
            return rc, value, gnu_time + " -f %M", False
        child = ("import resource, subprocess, sys\n"
                 "rc = subprocess.run(sys.argv[1:]).returncode\n"
                 "sys.stderr.write('RSS %d\\n' % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
                 "sys.exit(rc)\n")
        p = subprocess.run([sys.executable, "-I", "-S", "-c", child] + argv, cwd=cwd, stdin=subprocess.DEVNULL,
                           stdout=out, stderr=subprocess.PIPE, text=True)
        rss = [l for l in p.stderr.splitlines() if l.startswith("RSS ")]
        log.write("".join(l + "\n" for l in p.stderr.splitlines() if not l.startswith("RSS ")))
        return p.returncode, int(rss[-1].split()[1]) if rss else None, "getrusage(RUSAGE_CHILDREN)", True
    finally:
        if capture:
            out.close()


def progress(text):
    if sys.stderr.isatty():
        sys.stderr.write("\r%-78s\r" % text[:78])
        sys.stderr.flush()


def load_findings(path):
    """The list of findings in a linter's JSON output, or None when it is not one."""
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError):
        return None
    if isinstance(data, dict):
        for k in LIST_KEYS:
            if isinstance(data.get(k), list):
                return data[k]
        lists = [v for v in data.values() if isinstance(v, list)]
        data = lists[0] if len(lists) == 1 else None
    return data if isinstance(data, list) else None


def rule_of(finding):
    if isinstance(finding, dict):
        for k in RULE_KEYS:
            v = finding.get(k)
            if isinstance(v, str):
                return v
            if isinstance(v, dict) and isinstance(v.get("id"), str):  # SARIF-like nesting
                return v["id"]
    return "?"


def cmd_run(a):
    ops = read_plan(a.plan)
    meta = dict(kv.partition("=")[::2] for kv in a.meta)
    times = {op["key"]: [] for op in ops}
    cpu = {op["key"]: [] for op in ops}
    failed = {}
    with open(a.log, "a", encoding="utf-8") as log:
        for r in range(a.repeat):
            for op in ops:
                if op["key"] in failed:
                    continue
                progress("  run %d/%d  %s" % (r + 1, a.repeat, op["label"]))
                log.write("### run %d %s: %s\n" % (r + 1, op["key"], op["command"]))
                dt, rc, cpu_s = spawn(op["argv"], op["cwd"], log)
                if rc not in op["ok"]:
                    failed[op["key"]] = "exit %d" % rc
                    continue
                times[op["key"]].append(dt)
                cpu[op["key"]].append(cpu_s)
        for op in ops:
            if op["key"] in failed:
                continue
            progress("  peak RSS  %s" % op["label"])
            log.write("### peak RSS %s: %s\n" % (op["key"], op["command"]))
            rc, kib, method, bound = peak_rss(op["argv"], op["cwd"], op["capture"], log)
            op.update(rc=rc, rss=kib, rss_method=method, rss_bound=bound)
            if rc not in op["ok"]:
                failed[op["key"]] = "exit %d" % rc
    progress("")
    with open(a.out, "a", encoding="utf-8") as f:
        for op in ops:
            rec = {"key": op["key"], "label": op["label"], "command": op["command"]}
            if op["key"] in failed:
                rec["failed"] = failed[op["key"]]
            else:
                t = times[op["key"]]
                findings = load_findings(op["capture"]) if op["capture"] else None
                rec.update({
                    "runs": len(t), "times_s": [round(x, 4) for x in t],
                    "median_s": round(statistics.median(t), 4), "min_s": round(min(t), 4), "max_s": round(max(t), 4),
                    "cpu_times_s": [round(x, 4) for x in cpu[op["key"]]],
                    "median_cpu_s": round(statistics.median(cpu[op["key"]]), 4),
                    "exit": op["rc"], "peak_rss_kib": op["rss"], "rss_method": op["rss_method"],
                    "peak_rss_upper_bound": op["rss_bound"],
                    "findings": None if findings is None else len(findings),
                })
            rec.update(meta)
            f.write(json.dumps(rec, sort_keys=True) + "\n")
    if failed:
        for k, why in failed.items():
            print("lint_measure: %s failed (%s); see %s" % (k, why, a.log), file=sys.stderr)
        sys.exit(1)


def fmt_s(x):
    return "%.3f s" % x if x >= 0.1 else "%.1f ms" % (x * 1000)


def fmt_rss(r):
    if r.get("peak_rss_kib") is None:
        return "-"
    return ("<=" if r.get("peak_rss_upper_bound") else "") + "%.1f MB" % (r["peak_rss_kib"] / 1024.0)


def cmd_table(a):
    with open(a.results, encoding="utf-8") as f:
        rows = [json.loads(l) for l in f if l.strip()]
    head = ("linter", "median", "min", "max", "cpu", "peak RSS", "findings", "exit")
    body = []
    for r in rows:
        if "failed" in r:
            body.append((r["label"], "failed (%s)" % r["failed"], "", "", "", "", "", ""))
            continue
        body.append((r["label"], fmt_s(r["median_s"]), fmt_s(r["min_s"]), fmt_s(r["max_s"]), fmt_s(r["median_cpu_s"]),
                     fmt_rss(r), "?" if r.get("findings") is None else str(r["findings"]), str(r.get("exit", "?"))))
    widths = [max(len(row[i]) for row in [head] + body) for i in range(len(head))]

    def line(row):
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))).rstrip()

    print(line(head))
    print("  ".join("-" * w for w in widths))
    for row in body:
        print(line(row))
    by_key = {r["key"]: r for r in rows if "failed" not in r}
    if a.ratio:
        num, _, den = a.ratio.partition("/")
        x, y = by_key.get(num), by_key.get(den)
        if x and y:
            def ratio(k):
                return "%.2fx" % (x[k] / y[k]) if x.get(k) and y.get(k) else "-"
            print("%s / %s: wall %s, cpu %s, peak RSS %s" % (x["label"], y["label"], ratio("median_s"),
                                                            ratio("median_cpu_s"), ratio("peak_rss_kib")))
            if x["median_s"] > y["median_s"]:
                print("note: %s is slower than %s (median %s against %s); the target is faster"
                      % (x["label"], y["label"], fmt_s(x["median_s"]), fmt_s(y["median_s"])))
    for spec in a.rss_budget:
        key, _, limit = spec.partition("=")
        r = by_key.get(key)
        if r and r.get("peak_rss_kib") is not None and r["peak_rss_kib"] / 1024.0 > float(limit):
            print("note: %s peaks at %.1f MB resident, over the %s MB budget" % (r["label"], r["peak_rss_kib"] / 1024.0, limit))


def cmd_squawk_tx(a):
    names = sorted(n for n in os.listdir(a.dir) if n.endswith(".sql"))
    wrapped, plain = [], []
    for n in names:
        notx = False
        with open(os.path.join(a.dir, n), encoding="utf-8") as f:
            for line in f:
                s = line.strip()
                if s.startswith("--") and s[2:].strip().startswith("strata:"):
                    d = s[2:].strip()[7:].split()
                    if d and d[0] == "up":
                        break
                    if d and d[0] == "no-transaction":
                        notx = True
        (plain if notx else wrapped).append(n)
    extra = [x for x in a.args if x != "--"]
    merged = []
    for files, flags in ((wrapped, ["--assume-in-transaction"]), (plain, [])):
        if not files:
            continue
        p = subprocess.run([a.bin, "--reporter", "json"] + flags + extra + files, cwd=a.dir,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if p.returncode not in (0, 1):
            sys.exit("squawk-tx: squawk exited %d: %s" % (p.returncode, p.stderr.decode(errors="replace")[:500]))
        merged += json.loads(p.stdout or b"[]")
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump(merged, f)
    print("squawk-tx: %d files with --assume-in-transaction, %d without; %d findings"
          % (len(wrapped), len(plain), len(merged)), file=sys.stderr)


def cmd_rules(a):
    cols, counts = [], []
    for spec in a.files:
        label, _, path = spec.partition("=")
        findings = load_findings(path)
        if findings is None:
            print("%s: no JSON list of findings in %s" % (label, path))
            continue
        cols.append(label)
        counts.append(collections.Counter(rule_of(x) for x in findings))
    if not cols:
        return
    rules = sorted({r for c in counts for r in c}, key=lambda r: (-max(c[r] for c in counts), r))
    if a.top:
        rules = rules[:a.top]
    w = max([len("rule")] + [len(r) for r in rules])
    cw = [max(len(c), 7) for c in cols]
    print("  ".join(["rule".ljust(w)] + [c.rjust(x) for c, x in zip(cols, cw)]))
    print("  ".join(["-" * w] + ["-" * x for x in cw]))
    for r in rules:
        print("  ".join([r.ljust(w)] + [(str(c[r]) if c[r] else "-").rjust(x) for c, x in zip(counts, cw)]))
    print("  ".join(["total".ljust(w)] + [str(sum(c.values())).rjust(x) for c, x in zip(counts, cw)]))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("--plan", required=True)
    r.add_argument("--repeat", type=int, default=3)
    r.add_argument("--out", required=True)
    r.add_argument("--log", default=os.devnull)
    r.add_argument("--meta", action="append", default=[])
    t = sub.add_parser("table")
    t.add_argument("results")
    t.add_argument("--ratio", metavar="A/B", help="print row A's wall, cpu and RSS over row B's")
    t.add_argument("--rss-budget", action="append", default=[], metavar="KEY=MB")
    s = sub.add_parser("squawk-tx")
    s.add_argument("--bin", required=True)
    s.add_argument("--dir", required=True)
    s.add_argument("--out", required=True)
    s.add_argument("args", nargs=argparse.REMAINDER)
    u = sub.add_parser("rules")
    u.add_argument("--top", type=int, default=0)
    u.add_argument("files", nargs="+", metavar="LABEL=FILE")
    a = ap.parse_args()
    if a.cmd == "run":
        if a.repeat < 1:
            ap.error("--repeat must be at least 1")
        cmd_run(a)
    elif a.cmd == "table":
        cmd_table(a)
    elif a.cmd == "squawk-tx":
        cmd_squawk_tx(a)
    else:
        cmd_rules(a)


if __name__ == "__main__":
    main()
