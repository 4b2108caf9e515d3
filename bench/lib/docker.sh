# Sourced: the harness's own dockerd (Debian docker.io), private in every way, with BuildKit builds.
#   docker_start WORKDIR REGISTRY   starts dockerd; sets DOCKER_HOST; docker.io is mirrored to REGISTRY
#   docker_stop                     stops it and its containerd
#   dk ARGS...                      the Debian docker CLI (its BuildKit needs no buildx plugin) on that socket

docker_pid=""
docker_cli=/usr/bin/docker # not a docker CLI elsewhere on PATH: newer ones require the buildx plugin

dk() { DOCKER_BUILDKIT=1 "$docker_cli" "$@"; }

docker_start() {
  local work="$1" registry="$2" dir
  dir="$work/docker"
  mkdir -p "$dir/root" "$dir/exec"
  cat >"$dir/daemon.json" <<JSON
{ "registry-mirrors": ["http://$registry"], "insecure-registries": ["$registry"],
  "features": { "buildkit": true } }
JSON
  export DOCKER_HOST="unix://$dir/docker.sock"
  dockerd --config-file "$dir/daemon.json" --data-root "$dir/root" --exec-root "$dir/exec" \
    --pidfile "$dir/dockerd.pid" -H "$DOCKER_HOST" --bridge=none --iptables=false --ip6tables=false \
    >"$dir/log" 2>&1 &
  docker_pid=$!
  for _ in $(seq 1 150); do
    dk version >/dev/null 2>&1 && return 0
    kill -0 "$docker_pid" 2>/dev/null || break
    sleep 0.2
  done
  echo "docker: dockerd did not start; last lines of $dir/log:" >&2
  tail -15 "$dir/log" >&2
  docker_stop; return 1
}

docker_stop() {
  [ -n "$docker_pid" ] || return 0
  kill "$docker_pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$docker_pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$docker_pid" 2>/dev/null || true
  wait "$docker_pid" 2>/dev/null || true
  docker_pid=""
}
