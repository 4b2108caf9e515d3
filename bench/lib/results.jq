# Builds bench/results.json from the raw samples and failures (see lib/measure.sh write_results).
def median: sort | if length == 0 then null elif length % 2 == 1 then .[length / 2 | floor]
  else (.[length / 2 - 1] + .[length / 2]) / 2 end;
def r3: if . == null then null else (. * 1000 | round) / 1000 end;
def peers: ["docker", "buildah"];

($samples | group_by([.workload, .mode, .tool]) | map({
  workload: .[0].workload, mode: .[0].mode, tool: .[0].tool, runs: length,
  median: (map(.seconds) | median | r3), min: (map(.seconds) | min), max: (map(.seconds) | max),
  seconds: map(.seconds),
  rss_mib_max: (map(.rss_mib | select(. != null)) | if length == 0 then null else max end),
  cpu_seconds_median: (map(.cpu_seconds | select(. != null)) | median | r3)
})) as $cells
| def cell($w; $m; $t): $cells | map(select(.workload == $w and .mode == $m and .tool == $t)) | .[0];
  def med($w; $m; $t): cell($w; $m; $t) | if . == null then null else .median end;
  def fail($w; $m; $t): $failures | map(select(.workload == $w and .mode == $m and .tool == $t)) | .[0].error;
  def fastest_peer($w; $m): [peers[] as $p | {tool: $p, median: med($w; $m; $p)} | select(.median != null)]
    | sort_by(.median) | .[0];
  def kiln_missing($w; $m): "Kiln " + $w + " " + $m + ": " + (fail($w; $m; "kiln") // "not measured in this run");
  def ratio($a; $b): if $a == null or $b == null or $b == 0 then null else ($a / $b * 100 | round) / 100 end;
  def verdict($ok; $detail): {met: $ok, detail: $detail};
  def vs_peer($w; $m; $limit):
    med($w; $m; "kiln") as $k | fastest_peer($w; $m) as $p |
    if $k == null then verdict(null; kiln_missing($w; $m))
    elif $p == null then verdict(null; "no peer measured for " + $w + " " + $m)
    else verdict($k <= $limit * $p.median;
      "Kiln \($k) s vs \($p.tool) \($p.median) s: ratio \(ratio($k; $p.median)) (needs <= \($limit))") end;
  def and_verdicts($a; $b): verdict(
      if $a.met == false or $b.met == false then false elif $a.met == null or $b.met == null then null else true end;
      $a.detail + "; " + $b.detail);

{
  date: $date, machine: $machine, commit: $commit, runs: $runs, settle_seconds: $settle, cores: $cores, versions: $versions,
  skipped_tools: $skipped,
  cells: $cells,
  failures: $failures,
  ratios: [$cells[] | select(.tool == "kiln") as $k | peers[] as $p | med($k.workload; $k.mode; $p) as $pm
           | select($pm != null) | {workload: $k.workload, mode: $k.mode, peer: $p, kiln_over_peer: ratio($k.median; $pm)}],
  targets: [
    ({id: "copy-heavy cold", target: "Kiln <= 0.5 x the faster peer, and <= 3 x the tar | sha256sum floor"} +
      and_verdicts(vs_peer("copy-heavy"; "cold"; 0.5);
        (med("copy-heavy"; "cold"; "kiln") as $k | med("copy-heavy"; "cold"; "floor_tar") as $f |
          if $k == null then verdict(null; "floor: Kiln not measured")
          elif $f == null then verdict(null; "floor not measured")
          else verdict($k <= 3 * $f; "floor \($f) s: ratio \(ratio($k; $f)) (needs <= 3)") end))),
    ({id: "copy-heavy warm", target: "<= 0.6 s and faster than BuildKit"} +
      (med("copy-heavy"; "warm"; "kiln") as $k | med("copy-heavy"; "warm"; "docker") as $d |
        if $k == null then verdict(null; kiln_missing("copy-heavy"; "warm"))
        elif $d == null then verdict(null; "Kiln \($k) s (<= 0.6: \($k <= 0.6)); BuildKit not measured")
        else verdict($k <= 0.6 and $k < $d; "Kiln \($k) s (needs <= 0.6), BuildKit \($d) s") end)),
    ({id: "copy-heavy push", target: "<= 0.7 x the faster peer"} + vs_peer("copy-heavy"; "push"; 0.7)),
    ({id: "parallel cold", target: "<= 1.05 x (total CPU / cores)"} +
      (med("parallel"; "cold"; "kiln") as $k | med("parallel"; "cold"; "floor_cpu") as $f |
        if $k == null then verdict(null; kiln_missing("parallel"; "cold"))
        elif $f == null then verdict(null; "CPU floor not measured")
        else verdict($k <= 1.05 * $f; "Kiln \($k) s vs CPU/cores \($f) s: ratio \(ratio($k; $f)) (needs <= 1.05)") end)),
    ({id: "parallel cold (own CPU)", target: "<= 1.10 x (the build's own CPU / cores): the issue's words read as the CPU Kiln and its containers used, so how well the cores were kept busy rather than how much Kiln adds; informational, beside the row above"} +
      (cell("parallel"; "cold"; "kiln") as $c |
        if $c == null then verdict(null; kiln_missing("parallel"; "cold"))
        elif $c.cpu_seconds_median == null then verdict(null; "Kiln's CPU time not measured")
        else ($c.cpu_seconds_median / $cores | r3) as $f |
          verdict($c.median <= 1.10 * $f; "Kiln \($c.median) s vs its CPU \($c.cpu_seconds_median) s / \($cores) cores = \($f) s: ratio \(ratio($c.median; $f)) (needs <= 1.10)") end)),
    ({id: "prune cold", target: "< 1 s"} +
      (med("prune"; "cold"; "kiln") as $k |
        if $k == null then verdict(null; kiln_missing("prune"; "cold"))
        else verdict($k < 1; "Kiln \($k) s") end)),
    ({id: "run-layer cold", target: "<= 0.8 x the faster peer"} + vs_peer("run-layer"; "cold"; 0.8)),
    ({id: "any", target: "Kiln peak RSS <= 400 MiB"} +
      ([$cells[] | select(.tool == "kiln" and .rss_mib_max != null)] | max_by(.rss_mib_max) as $worst |
        if $worst == null then verdict(null; "Kiln not measured")
        else verdict($worst.rss_mib_max <= 400;
          "max \($worst.rss_mib_max) MiB (\($worst.workload) \($worst.mode))") end))
  ]
}
