# Sourced by images/make-base-images: a root filesystem directory → deterministic tar → gzip → sha256
# → a one-layer OCI image layout. The same directory gives the same bytes and digests every time.

oci_epoch="${SOURCE_DATE_EPOCH:-1704067200}" # newer mtimes are clamped to this (2024-01-01)

oci_rootfs_tar() { # oci_rootfs_tar DIR OUT.tar: sorted entries, no "./" prefix, numeric owners, clamped times
  local dir="$1" out="$2"
  (cd "$dir" && find . -mindepth 1 -printf '%P\0' | LC_ALL=C sort -z) |
    tar -C "$dir" --null --no-recursion -T - -cf "$out.tmp" \
      --format=posix --numeric-owner --mtime="@$oci_epoch" --clamp-mtime \
      --pax-option='exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime'
  mv "$out.tmp" "$out"
}

oci_sha256() { sha256sum "$1" | cut -d' ' -f1; }
oci_size() { stat -c %s "$1"; }

oci_put_blob() { # oci_put_blob LAYOUT FILE: moves FILE into the layout's blobs, prints its hex digest
  local layout="$1" file="$2" hex
  hex="$(oci_sha256 "$file")"
  mv "$file" "$layout/blobs/sha256/$hex"
  echo "$hex"
}

oci_arch() {
  case "$(uname -m)" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; *) dpkg --print-architecture ;; esac
}

# oci_layout_from_tar TAR LAYOUT ENV_JSON CMD_JSON WORKDIR HISTORY TAG...
#   ENV_JSON: comma-joined JSON strings; CMD_JSON: comma-joined JSON strings (may be empty)
oci_layout_from_tar() {
  local tar="$1" layout="$2" env="$3" cmd="$4" workdir="$5" history="$6"; shift 6
  local created diff_id layer_hex layer_size config_hex config_size manifest_hex manifest_size tag sep
  created="$(date -u -d "@$oci_epoch" +%Y-%m-%dT%H:%M:%SZ)"
  rm -rf "$layout" && mkdir -p "$layout/blobs/sha256"
  printf '{"imageLayoutVersion":"1.0.0"}' >"$layout/oci-layout"

  diff_id="$(oci_sha256 "$tar")"
  gzip -n -6 -c "$tar" >"$layout/layer.tmp"
  layer_size="$(oci_size "$layout/layer.tmp")"
  layer_hex="$(oci_put_blob "$layout" "$layout/layer.tmp")"

  printf '{"architecture":"%s","os":"linux","created":"%s","config":{"Env":[%s],"Cmd":[%s],"WorkingDir":"%s"},"rootfs":{"type":"layers","diff_ids":["sha256:%s"]},"history":[{"created":"%s","created_by":"%s"}]}' \
    "$(oci_arch)" "$created" "$env" "$cmd" "$workdir" "$diff_id" "$created" "$history" >"$layout/config.tmp"
  config_size="$(oci_size "$layout/config.tmp")"
  config_hex="$(oci_put_blob "$layout" "$layout/config.tmp")"

  printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%s},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"sha256:%s","size":%s}]}' \
    "$config_hex" "$config_size" "$layer_hex" "$layer_size" >"$layout/manifest.tmp"
  manifest_size="$(oci_size "$layout/manifest.tmp")"
  manifest_hex="$(oci_put_blob "$layout" "$layout/manifest.tmp")"

  {
    printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":['
    sep=""
    for tag in "$@"; do
      printf '%s{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%s,"annotations":{"org.opencontainers.image.ref.name":"%s"}}' \
        "$sep" "$manifest_hex" "$manifest_size" "$tag"
      sep=","
    done
    printf ']}'
  } >"$layout/index.json"
}
