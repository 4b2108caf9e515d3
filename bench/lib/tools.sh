# Sourced by bench/run: one set of functions per tool, all reading the current workload's globals
#   wl (name), ctx (context dir), dockerfile, build_args (array), REGISTRY, work, root.
#   TOOL_prepare MODE RUN   untimed: bring the tool to the mode's starting state
#   TOOL_build MODE RUN     timed: the build (and for push mode the push)
#   TOOL_export OUT         copies the built image into the OCI layout OUT, tag "img"

# --- Kiln -----------------------------------------------------------------------------------------
kiln_home() { echo "$work/k"; } # short: overlay mount options have a length limit

kiln() { "${kiln_timer[@]}" env KILN_HOME="$(kiln_home)" "$root/kiln" "$@"; }

kiln_prepare() {
  case "$1" in
    cold|push) rm -rf "$(kiln_home)/cache" ;; # build cache records (and the stat cache); base images stay
  esac
}

kiln_build() {
  local mode="$1" run="$2" args=()
  case "$mode" in
    cold) args+=(--no-cache) ;;
    push) args+=(--no-cache --output "type=registry,name=$REGISTRY/bench/$wl-kiln-$run:latest") ;;
  esac
  kiln build --progress plain --registry-mirror "docker.io=$REGISTRY" -f "$dockerfile" \
    -t "bench/$wl:kiln" "${build_args[@]}" "${args[@]}" "$ctx"
}

kiln_export() {
  skopeo copy -q "oci:$(kiln_home):bench/$wl:kiln" "oci:$1:img"
}

# --- docker (its own dockerd, BuildKit) -----------------------------------------------------------
docker_prepare() {
  case "$1" in
    cold|push) dk builder prune -af >/dev/null ;; # also drops the synced context: a really cold build
  esac
}

docker_build() {
  local mode="$1" run="$2" tag="bench/$wl:docker" args=()
  case "$mode" in
    cold) args+=(--no-cache) ;;
    push) args+=(--no-cache); tag="$REGISTRY/bench/$wl-docker-$run:latest" ;;
  esac
  dk build --network=host --progress=plain -f "$dockerfile" -t "$tag" "${build_args[@]}" "${args[@]}" "$ctx" || return
  if [ "$mode" = push ]; then
    dk push -q "$tag" && dk tag "$tag" "bench/$wl:docker"
  fi
}

docker_export() {
  dk save -o "$work/docker-save.tar" "bench/$wl:docker" &&
    skopeo copy -q "docker-archive:$work/docker-save.tar" "oci:$1:img"
  local rc=$?; rm -f "$work/docker-save.tar"; return $rc
}

# --- buildah (chroot isolation, --layers) ---------------------------------------------------------
buildah_prepare() {
  case "$1" in
    cold|push) bh rmi -f "bench/$wl:buildah" >/dev/null 2>&1 || true
               bh rmi --prune >/dev/null 2>&1 || true ;;
  esac
}

buildah_build() {
  local mode="$1" run="$2" args=()
  case "$mode" in cold|push) args+=(--no-cache) ;; esac
  bh_build "bench/$wl:buildah" "$ctx" -f "$dockerfile" "${build_args[@]}" "${args[@]}" || return
  if [ "$mode" = push ]; then
    bh push --tls-verify=false --signature-policy "$buildah_dir/policy.json" \
      "bench/$wl:buildah" "docker://$REGISTRY/bench/$wl-buildah-$run:latest"
  fi
}

buildah_export() {
  bh push --signature-policy "$buildah_dir/policy.json" "bench/$wl:buildah" "oci:$1:img"
}

# --- floors: the same bytes through the plainest pipeline the machine has -------------------------
floor_source() { # the bytes a workload's floor reads: its context, or for run-layer the copied /usr
  case "$floor" in
    debian-usr) echo "$base_cache/debian/tree/usr" ;;
    *) echo "$ctx" ;;
  esac
}
floor_tar_prepare() { :; }
floor_tar_build() { tar -C "$(floor_source)" -cf - . | sha256sum >/dev/null; }
floor_pigz_prepare() { :; }
floor_pigz_build() { tar -C "$(floor_source)" -cf - . | pigz -6 | sha256sum >/dev/null; }
floor_zstd_prepare() { :; }
floor_zstd_build() { tar -C "$(floor_source)" -cf - . | zstd -q -3 -T0 | sha256sum >/dev/null; }
floor_cpu_prepare() { :; }
floor_cpu_build() { # the four stages' RUN scripts natively, one after another; CPU time, not wall (see
  # build_once). The same script as the stages run, LOOPS in the environment as ARG puts it: reading
  # $LOOPS in each test makes the loop ~7% slower than a literal bound would.
  /usr/bin/time -f '%U %S' -o "$work/cpu" env LOOPS=1000000 busybox sh -c \
    'for s in a b c d; do busybox sh -c '"'"'i=0; while [ $i -lt $LOOPS ]; do i=$((i+1)); done; echo "$0 $i" >/dev/null'"'"' $s; done'
}
