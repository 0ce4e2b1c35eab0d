#!/usr/bin/env python3
"""Timing and reporting for bench/run.sh. Python 3 standard library only.

  measure.py run --plan PLAN.tsv --repeat R --out RESULTS.jsonl --log LOG [--meta k=v ...]
  measure.py table RESULTS.jsonl [--budget KEY=RATIO ...] [--rss-budget KEY=MB ...]

PLAN.tsv has one operation per line, tab-separated, '-' for an empty field:

  key  label  n  ref  prepare  stdin  command  check

  key      short id printed in the table ("a", "b", ...); the row whose ref is itself is a floor
  ref      key of the row this one's ratio is taken against
  prepare  shell text run (untimed) before every timed run, e.g. create a fresh database
  stdin    file fed to the command's standard input
  command  split with shlex and exec'd directly (no shell), so the time and peak RSS are
           those of the program itself, not of a wrapping bash
  check    shell text run (untimed) after every run; a non-zero exit fails the benchmark

Runs are interleaved: repetition 1 of every operation, then repetition 2, ... so that a
slow phase of a shared machine hits every row alike. Wall time is perf_counter around
spawn-to-reap; user+system CPU time of the command (from wait4) is recorded beside it. Peak RSS comes from one extra, untimed run per operation under
`/usr/bin/time -f %M` when that exists, else from getrusage(RUSAGE_CHILDREN) in a fresh
Python child whose only child is the command.

Why not ru_maxrss of the timed runs: Linux carries a process' peak RSS across exec, so a
command forked from Python reports at least Python's own resident set (~10-15 MB), more than
strata or sqlite3 use. GNU time forks from a tiny process and does not have that problem.
The getrusage fallback does; it therefore also measures `true` and, when a command reads
no higher than that, reports the figure as an upper bound ("<=" in the table).
"""
import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

FIELDS = ["key", "label", "n", "ref", "prepare", "stdin", "command", "check"]


def read_plan(path):
    ops = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != len(FIELDS):
                sys.exit("%s:%d: expected %d tab-separated fields, got %d"
                         % (path, lineno, len(FIELDS), len(parts)))
            op = {k: (None if v == "-" else v) for k, v in zip(FIELDS, parts)}
            op["n"] = int(op["n"])
            op["argv"] = shlex.split(op["command"])
            ops.append(op)
    keys = {op["key"] for op in ops}
    for op in ops:
        if op["ref"] is not None and op["ref"] not in keys:
            sys.exit("plan: %s refers to unknown row %s" % (op["key"], op["ref"]))
    return ops


def shell(text, log, what):
    log.write("### %s: %s\n" % (what, text))
    log.flush()
    rc = subprocess.run(["bash", "-c", text], stdout=log, stderr=log).returncode
    if rc != 0:
        raise RuntimeError("%s failed (exit %d): %s" % (what, rc, text))


def spawn(argv, stdin_path, log):
    """Run argv to completion; return (wall seconds, exit code, user+system CPU seconds)."""
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    try:
        log.flush()
        t0 = time.perf_counter()
        p = subprocess.Popen(argv, stdin=stdin, stdout=log, stderr=log)
        _, status, ru = os.wait4(p.pid, 0)
        dt = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)  # already reaped: keep Popen quiet
    finally:
        if stdin_path:
            stdin.close()
    return dt, p.returncode, ru.ru_utime + ru.ru_stime


def peak_rss_kib(argv, stdin_path, log):
    """Peak resident set of one run of argv: (KiB or None, method, floor of the method in KiB).
    The floor is what the method reports for `true`; 0 when the method has none to speak of."""
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    try:
        gnu_time = os.environ.get("STRATA_BENCH_GNU_TIME", "/usr/bin/time")  # "" forces the fallback
        if gnu_time and os.access(gnu_time, os.X_OK):
            with tempfile.NamedTemporaryFile("r", suffix=".rss") as tf:
                rc = subprocess.run([gnu_time, "-f", "%M", "-o", tf.name] + argv,
                                    stdin=stdin, stdout=log, stderr=log).returncode
                text = tf.read().strip().splitlines()
            method = gnu_time + " -f %M"
            value = int(text[-1]) if text and text[-1].isdigit() else None
            floor = 0
        else:
            child = ("import resource, subprocess, sys\n"
                     "rc = subprocess.run(sys.argv[1:]).returncode\n"
                     "sys.stderr.write('RSS %d\\n' % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
                     "sys.exit(rc)\n")

            def via_python(cmd, stdin):
                p = subprocess.run([sys.executable, "-I", "-S", "-c", child] + cmd, stdin=stdin,
                                   stdout=log, stderr=subprocess.PIPE, text=True)
                lines = [l for l in p.stderr.splitlines() if l.startswith("RSS ")]
                log.write("".join(l + "\n" for l in p.stderr.splitlines() if not l.startswith("RSS ")))
                return p.returncode, int(lines[-1].split()[1]) if lines else None

            _, floor = via_python(["true"], subprocess.DEVNULL)
            rc, value = via_python(argv, stdin)
            method = "getrusage(RUSAGE_CHILDREN)"
    finally:
        if stdin_path:
            stdin.close()
    if rc != 0:
        raise RuntimeError("RSS run failed (exit %d): %s" % (rc, " ".join(argv)))
    return value, method, floor or 0


def progress(text):
    """A self-overwriting progress line on a terminal; nothing when stderr is a file or pipe."""
    if sys.stderr.isatty():
        sys.stderr.write("\r%-78s\r" % text[:78])
        sys.stderr.flush()


def cmd_run(a):
    ops = read_plan(a.plan)
    meta = dict(kv.partition("=")[::2] for kv in a.meta)
    res = {op["key"]: [] for op in ops}
    cpu = {op["key"]: [] for op in ops}
    with open(a.log, "a", encoding="utf-8") as log:
        try:
            for r in range(a.repeat):
                for op in ops:
                    progress("  run %d/%d  (%s) %s" % (r + 1, a.repeat, op["key"], op["label"]))
                    if op["prepare"]:
                        shell(op["prepare"], log, "prepare " + op["key"])
                    log.write("### run %d %s: %s\n" % (r + 1, op["key"], op["command"]))
                    dt, rc, cpu_s = spawn(op["argv"], op["stdin"], log)
                    if rc != 0:
                        raise RuntimeError("%s (%s) exited %d" % (op["key"], op["label"], rc))
                    if op["check"]:
                        shell(op["check"], log, "check " + op["key"])
                    res[op["key"]].append(dt)
                    cpu[op["key"]].append(cpu_s)
            for op in ops:
                progress("  peak RSS  (%s) %s" % (op["key"], op["label"]))
                if op["prepare"]:
                    shell(op["prepare"], log, "prepare " + op["key"])
                op["peak_rss_kib"], op["rss_method"], op["rss_floor"] = peak_rss_kib(op["argv"], op["stdin"], log)
        except RuntimeError as e:
            progress("")
            sys.exit("bench failed: %s (log: %s)" % (e, a.log))
    progress("")
    medians = {k: statistics.median(v) for k, v in res.items()}
    with open(a.out, "a", encoding="utf-8") as f:
        for op in ops:
            t = res[op["key"]]
            rec = {
                "key": op["key"], "label": op["label"], "n": op["n"], "ref": op["ref"],
                "command": op["command"], "runs": len(t), "times_s": [round(x, 4) for x in t],
                "median_s": round(medians[op["key"]], 4), "min_s": round(min(t), 4),
                "max_s": round(max(t), 4),
                # CPU time of the command itself: steadier than wall time on a busy machine,
                # blind to time spent waiting for the disk (fsync).
                "cpu_times_s": [round(x, 4) for x in cpu[op["key"]]],
                "median_cpu_s": round(statistics.median(cpu[op["key"]]), 4),
                "ratio": round(medians[op["key"]] / medians[op["ref"]], 3) if op["ref"] else None,
                "peak_rss_kib": op["peak_rss_kib"], "rss_method": op["rss_method"],
                # True: the command used no more than the method's own floor; the figure is a bound.
                "peak_rss_upper_bound": op["peak_rss_kib"] is not None
                                        and op["peak_rss_kib"] <= op["rss_floor"] * 1.05,
            }
            rec.update(meta)
            f.write(json.dumps(rec, sort_keys=True) + "\n")


def fmt_s(x):
    return "%.3f s" % x if x >= 0.1 else "%.1f ms" % (x * 1000)


def cmd_table(a):
    with open(a.results, encoding="utf-8") as f:
        rows = [json.loads(l) for l in f if l.strip()]
    head = ("", "operation", "N", "median", "min", "max", "x floor", "cpu", "peak RSS")
    body = []
    for r in rows:
        ratio = "-" if r.get("ratio") is None else "%.2fx" % r["ratio"]
        if r.get("ref") == r["key"]:
            ratio = "1.00x (floor)"
        rss = "-" if r.get("peak_rss_kib") is None else "%.1f MB" % (r["peak_rss_kib"] / 1024.0)
        if r.get("peak_rss_upper_bound"):
            rss = "<=" + rss
        body.append(("(%s)" % r["key"], r["label"], str(r["n"]), fmt_s(r["median_s"]),
                     fmt_s(r["min_s"]), fmt_s(r["max_s"]), ratio, fmt_s(r["median_cpu_s"]), rss))
    widths = [max(len(row[i]) for row in [head] + body) for i in range(len(head))]
    right = {2, 3, 4, 5, 6, 7, 8}

    def line(row):
        return "  ".join(c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths))).rstrip()

    print(line(head))
    print("  ".join("-" * w for w in widths))
    for row in body:
        print(line(row))
    by_key = {r["key"]: r for r in rows}
    for spec in a.budget:
        key, _, limit = spec.partition("=")
        r = by_key.get(key)
        if r is None or r.get("ratio") is None or r["ref"] == key:
            continue
        ref = by_key[r["ref"]]
        if r["ratio"] > float(limit):
            print("note: (%s) %s takes %.2fx its floor (%s): median %s against %s, over the %sx budget"
                  % (key, r["label"], r["ratio"], r["ref"], fmt_s(r["median_s"]), fmt_s(ref["median_s"]), limit))
    for spec in a.rss_budget:
        key, _, limit = spec.partition("=")
        r = by_key.get(key)
        if r is None or r.get("peak_rss_kib") is None:
            continue
        if r["peak_rss_kib"] / 1024.0 > float(limit):
            print("note: (%s) %s peaks at %.1f MB resident, over the %s MB budget"
                  % (key, r["label"], r["peak_rss_kib"] / 1024.0, limit))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("--plan", required=True)
    r.add_argument("--repeat", type=int, default=3)
    r.add_argument("--out", required=True)
    r.add_argument("--log", default=os.devnull)
    r.add_argument("--meta", action="append", default=[], help="k=v added to every JSON line")
    t = sub.add_parser("table")
    t.add_argument("results")
    t.add_argument("--budget", action="append", default=[], metavar="KEY=RATIO",
                   help="print a note when row KEY's ratio to its floor is above RATIO")
    t.add_argument("--rss-budget", action="append", default=[], metavar="KEY=MB",
                   help="print a note when row KEY's peak RSS is above MB megabytes")
    a = ap.parse_args()
    if a.cmd == "run":
        if a.repeat < 1:
            ap.error("--repeat must be at least 1")
        cmd_run(a)
    else:
        cmd_table(a)


if __name__ == "__main__":
    main()
