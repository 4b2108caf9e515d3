# Sourced: buildah (Debian), chroot isolation, its own storage, docker.io mirrored to the local registry.
#   buildah_setup WORKDIR REGISTRY   writes registries.conf and policy.json, sets the storage folders
#   bh ARGS...                       buildah with those settings

buildah_dir=""

bh() {
  CONTAINERS_REGISTRIES_CONF="$buildah_dir/registries.conf" BUILDAH_ISOLATION=chroot \
    buildah --root "$buildah_dir/root" --runroot "$buildah_dir/run" --storage-driver overlay "$@"
}

buildah_setup() {
  local work="$1" registry="$2"
  buildah_dir="$work/buildah"
  mkdir -p "$buildah_dir/root" "$buildah_dir/run"
  cat >"$buildah_dir/registries.conf" <<CONF
unqualified-search-registries = ["docker.io"]
short-name-mode = "permissive"
[[registry]]
prefix = "docker.io"
location = "docker.io"
[[registry.mirror]]
location = "$registry"
insecure = true
[[registry]]
location = "$registry"
insecure = true
CONF
  printf '{"default":[{"type":"insecureAcceptAnything"}]}' >"$buildah_dir/policy.json"
}

# bh_build TAG CONTEXT [ARGS...]: a build as the benchmark runs it
bh_build() {
  local tag="$1" context="$2"; shift 2
  bh build --isolation chroot --layers --jobs "$(nproc)" --network host \
    --signature-policy "$buildah_dir/policy.json" -t "$tag" "$@" "$context"
}

buildah_teardown() { # unmounts what buildah's overlay driver left mounted under its root
  [ -n "$buildah_dir" ] || return 0
  bh unmount --all >/dev/null 2>&1 || true
  grep -o " $buildah_dir/[^ ]*" /proc/mounts | sort -r | while read -r m; do umount "$m" 2>/dev/null || umount -l "$m" || true; done
}
