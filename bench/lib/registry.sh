# Sourced: a throwaway Debian `docker-registry` on 127.0.0.1 with its storage in a temp folder.
#   registry_start WORKDIR [PORT]  sets REGISTRY=127.0.0.1:PORT (PORT 0 or empty: a free random one)
#   registry_stop                  stops it (the caller's EXIT trap calls this)

registry_pid=""

free_port() { # a port nobody listens on, below Linux's ephemeral range (32768-60999), so no outgoing
  local p      # connection's source port can take it between this check and the registry's bind
  for _ in $(seq 1 50); do
    p=$((20000 + RANDOM % 12000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return 0; }
  done
  echo "registry: no free port found" >&2; return 1
}

registry_start() {
  local work="$1" port="${2:-}" attempt
  command -v docker-registry >/dev/null || { echo "registry: docker-registry is not installed (apt-get install docker-registry)" >&2; return 1; }
  for attempt in 1 2 3 4 5; do # a random port can still be taken before the bind: then try another
    registry_try "$work" "$port" && return 0
    [ -n "$port" ] && [ "$port" != 0 ] && break
    grep -q "address already in use" "$work/registry/log" || break
  done
  echo "registry: did not start on $REGISTRY:" >&2; tail -5 "$work/registry/log" >&2
  return 1
}

registry_try() { # registry_try WORKDIR PORT: starts it and waits until it answers
  local work="$1" port="$2"
  [ -n "$port" ] && [ "$port" != 0 ] || port="$(free_port)"
  mkdir -p "$work/registry/storage"
  cat >"$work/registry/config.yml" <<YML
version: 0.1
log: { level: error, accesslog: { disabled: true } }
storage:
  filesystem: { rootdirectory: $work/registry/storage }
  delete: { enabled: true }
http: { addr: "127.0.0.1:$port" }
YML
  docker-registry serve "$work/registry/config.yml" >"$work/registry/log" 2>&1 &
  registry_pid=$!
  REGISTRY="127.0.0.1:$port"
  for _ in $(seq 1 100); do
    if curl -fsS -o /dev/null "http://$REGISTRY/v2/" 2>/dev/null; then return 0; fi
    kill -0 "$registry_pid" 2>/dev/null || break
    sleep 0.1
  done
  registry_stop; return 1
}

registry_stop() {
  [ -n "$registry_pid" ] || return 0
  kill "$registry_pid" 2>/dev/null && wait "$registry_pid" 2>/dev/null || true
  registry_pid=""
}
