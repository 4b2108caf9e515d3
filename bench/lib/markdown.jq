# Renders bench/results.json as bench/results.md.
def secs: if . == null then "—" else "\(.) s" end;
def mark: if . == true then "**met**" elif . == false then "**MISSED**" else "not measured" end;
def esc: gsub("\\|"; "\\|") | gsub("\n"; " ");
. as $r
| def cell($w; $m; $t): $r.cells | map(select(.workload == $w and .mode == $m and .tool == $t)) | .[0];
  def fail($w; $m; $t): $r.failures | map(select(.workload == $w and .mode == $m and .tool == $t)) | .[0].error;
  def show($w; $m; $t): cell($w; $m; $t) as $c |
    if $c != null then "\($c.median) s (\($c.min)–\($c.max))"
    elif fail($w; $m; $t) != null then
      (if $t == "kiln" then "not yet runnable: " else "failed: " end) + (fail($w; $m; $t) | .[0:160] | esc)
    else "—" end;
  def ratio($w; $m; $p): $r.ratios | map(select(.workload == $w and .mode == $m and .peer == $p)) | .[0].kiln_over_peer
    | if . == null then "—" else tostring end;
  def floor($w; $m): [ ["floor_tar", "tar|sha256sum"], ["floor_cpu", "CPU/cores"], ["floor_pigz", "tar|pigz"],
      ["floor_zstd", "tar|zstd"] ][] as [$t, $name] | cell($w; $m; $t) | select(. != null) | "\($name) \(.median) s";
  ([$r.cells[], $r.failures[]] | map([.workload, .mode]) | unique) as $pairs
| "# Kiln benchmark results",
  "",
  "\($r.date) · \($r.machine) · Kiln commit \($r.commit) · \($r.runs) timed runs per cell after a warm-up, tools interleaved, \($r.settle_seconds // 0) s of rest before each",
  "",
  "Versions: Kiln `\($r.versions.kiln)`, `\($r.versions.docker)` (BuildKit), `\($r.versions.buildah)`.",
  (if ($r.skipped_tools | length) > 0 then "", "Skipped: " + ($r.skipped_tools | join("; ")) else empty end),
  "",
  "## Targets (issue 7)",
  "",
  "| workload/mode | target | result | status |",
  "|---|---|---|---|",
  ($r.targets[] | "| \(.id) | \(.target | esc) | \(.detail | esc) | \(.met | mark) |"),
  "",
  "## Wall time: median (min–max)",
  "",
  "| workload | mode | Kiln | docker (BuildKit) | buildah | floor | Kiln/docker | Kiln/buildah | Kiln peak RSS |",
  "|---|---|---|---|---|---|---|---|---|",
  ($pairs[] as [$w, $m] |
    "| \($w) | \($m) | \(show($w; $m; "kiln")) | \(show($w; $m; "docker")) | \(show($w; $m; "buildah")) | " +
    "\([floor($w; $m)] | if length == 0 then "—" else join(", ") | esc end) | \(ratio($w; $m; "docker")) | " +
    "\(ratio($w; $m; "buildah")) | \(cell($w; $m; "kiln").rss_mib_max | if . == null then "—" else "\(.) MiB" end) |"),
  "",
  (if ($r.failures | length) > 0 then
    "## Failures", "", ($r.failures[] | "- \(.workload)/\(.mode)/\(.tool): \(.error | esc)")
  else empty end)
