# Sourced by bench/run: warm-up, image checks, interleaved timed runs, and the results files.
# Samples go to $work/samples.jsonl (one timed run a line); failures to $work/failures.jsonl.

kiln_timer=() # set to /usr/bin/time during Kiln's timed runs: its peak RSS and CPU time (its containers' too)

json_str() { jq -Rs . <<<"$1"; }

record_sample() { # record_sample TOOL RUN SECONDS RSS_KIB|"" CPU_SECONDS|""
  printf '{"workload":"%s","mode":"%s","tool":"%s","run":%s,"seconds":%s,"rss_mib":%s,"cpu_seconds":%s}\n' \
    "$wl" "$mode" "$1" "$2" "$3" "$([ -n "$4" ] && awk -v k="$4" 'BEGIN{printf "%.1f", k/1024}' || echo null)" \
    "${5:-null}" >>"$work/samples.jsonl"
}

record_failure() { # record_failure TOOL MESSAGE
  printf '{"workload":"%s","mode":"%s","tool":"%s","error":%s}\n' "$wl" "$mode" "$1" "$(json_str "$2")" \
    >>"$work/failures.jsonl"
  failures=$((failures + 1))
  note "FAILED $wl/$mode/$1: $2"
}

log_tail() { # what went wrong, on one line: the lines before a usage text, the first ERROR line,
  # else the last few lines that are not a stack trace's
  if grep -q '^Usage:' "$1"; then
    sed '/^Usage:/,$d' "$1"
  elif grep -qE '^(ERROR|Error|error)[: ]' "$1"; then
    grep -m1 -E '^(ERROR|Error|error)[: ]' "$1"
  else
    grep -vE '^\s*$|^\s+at |^\s*\.\.\. [0-9]+ more' "$1" | tail -n 3
  fi | tr '\n' ' ' | sed 's/  */ /g' | cut -c1-400
}

is_floor() { [[ "$1" == floor_* ]]; }

touch_source() { # touch mode: one source file changes before every build
  [ "$mode" = touch ] && [ -n "$touch_file" ] || return 0
  printf '// touched %s\n' "$(date +%s%N)" >>"$ctx/$touch_file"
}

build_once() { # build_once TOOL RUN LOG: prepare (untimed) then build; sets elapsed (s), rss_kib and cpu_s
  local tool="$1" run="$2" log="$3" t0 t1 rc=0
  touch_source
  "${tool}_prepare" "$mode" "$run" >"$log" 2>&1 || { echo "prepare failed" >>"$log"; return 1; }
  [ "$quick" = 1 ] || sleep "$settle" # what the previous build left running (dockerd, buildkitd) winds down first
  rss_kib="" cpu_s=""
  [ "$tool" != kiln ] || kiln_timer=(/usr/bin/time -f "%M %U %S" -o "$work/rss")
  t0=$(date +%s%N)
  "${tool}_build" "$mode" "$run" >>"$log" 2>&1 || rc=$?
  t1=$(date +%s%N)
  kiln_timer=()
  if [ "$tool" = kiln ] && tail -1 "$work/rss" 2>/dev/null | grep -qxE '[0-9]+ [0-9.]+ [0-9.]+'; then
    read -r rss_kib cpu_s < <(tail -1 "$work/rss" | awk '{printf "%s %.2f\n", $1, $2 + $3}')
  fi
  if [ "$tool" = floor_cpu ]; then # total CPU / cores: the best any builder can do on this machine
    elapsed=$(awk -v c="$(nproc)" '{printf "%.3f", ($1 + $2) / c}' "$work/cpu")
  else
    elapsed=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", (b - a) / 1e9}')
  fi
  return $rc
}

check_image() { # exports TOOL's image, unpacks it, runs the workload's check on it
  local tool="$1" out="$work/img/$wl-$tool" msg
  rm -rf "$out" "$out.bundle" && mkdir -p "$work/img"
  if ! msg=$("${tool}_export" "$out" 2>&1); then echo "could not export the image: $msg" | tail -2; return 1; fi
  if ! msg=$(umoci unpack --image "$out:img" "$out.bundle" 2>&1); then echo "umoci unpack failed: $msg" | tail -2; return 1; fi
  skopeo inspect --config "oci:$out:img" | jq -c . >"$out.config.json"
  BENCH_QUICK=$quick "$here/workloads/$wl/check" "$out.bundle/rootfs" "$out.config.json" "$ctx" 2>&1
  local rc=$?
  rm -rf "$out.bundle"
  return $rc
}

warm_up() { # one untimed build of TOOL (the only run with --quick); checks the image where it should
  local tool="$1" log="$work/logs/$wl-$mode-$tool-warmup.log" msg
  mkdir -p "$work/logs"
  if ! build_once "$tool" w "$log"; then
    record_failure "$tool" "$(log_tail "$log")"
    return 1
  fi
  is_floor "$tool" && return 0
  if [ "$mode" = cold ] || [ $quick = 1 ]; then
    if ! msg=$(check_image "$tool"); then
      record_failure "$tool" "built, but the image is not what the workload expects: $msg"
      return 1
    fi
  fi
  [ $quick = 0 ] || note "ok $wl/$mode/$tool (${elapsed}s, image checked)"
}

run_cells() { # run_cells MODE TOOL...: warm-up each, then RUNS rounds, tools interleaved A B A B
  mode="$1"; shift
  local live=() tool i log
  note "$wl/$mode: warm-up"
  for tool in "$@"; do warm_up "$tool" && live+=("$tool"); done
  [ $quick = 0 ] && [ ${#live[@]} -gt 0 ] || return 0
  for ((i = 1; i <= runs; i++)); do
    for tool in "${live[@]}"; do
      log="$work/logs/$wl-$mode-$tool-$i.log"
      if build_once "$tool" "$i" "$log"; then
        record_sample "$tool" "$i" "$elapsed" "$rss_kib" "$cpu_s"
      else
        record_failure "$tool" "run $i: $(log_tail "$log")"
      fi
    done
    note "$wl/$mode: run $i/$runs done"
  done
}

tool_versions() {
  local k d b
  k=$("$root/kiln" --version 2>/dev/null | head -1 || true)
  d=$([ -x "$docker_cli" ] && "$docker_cli" --version 2>/dev/null || true)
  b=$(command -v buildah >/dev/null && buildah --version 2>/dev/null || true)
  jq -n --arg k "$k" --arg d "$d" --arg b "$b" '{kiln: $k, docker: $d, buildah: $b}'
}

write_results() {
  touch "$work/samples.jsonl" "$work/failures.jsonl"
  local skipped
  skipped=$(printf '%s\n' "${skipped_tools[@]}" | jq -R . | jq -s 'map(select(length > 0))')
  jq -n --slurpfile samples "$work/samples.jsonl" --slurpfile failures "$work/failures.jsonl" \
    --argjson runs "$runs" --argjson settle "$settle" --argjson cores "$(nproc)" --argjson versions "$(tool_versions)" \
    --argjson skipped "$skipped" --arg date "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
    --arg commit "$(git -C "$root" rev-parse --short HEAD 2>/dev/null)$(git -C "$root" diff --quiet 2>/dev/null || echo -dirty)" \
    --arg machine "$(uname -srm); $(nproc) cores; $(free -g | awk '/^Mem/{print $2}') GiB; load average $load_at_start at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end" \
    -f "$here/lib/results.jq" >"$here/results.json"
  jq -r -f "$here/lib/markdown.jq" "$here/results.json" >"$here/results.md"
  note "wrote bench/results.json and bench/results.md"
  cat "$here/results.md"
}
