#!/usr/bin/env bash
# Builds the Debian packages and checks them as a hall's office would install them:
#   1. `package` (CPack) → gopy-server_*.deb and gopy-client_*.deb in the build folder;
#   2. their contents and control fields (dpkg-deb), lintian with no error or warning, and the
#      service unit (systemd-analyze verify);
#   3. gopy-server installed with apt into a throw-away Debian 12 root (debootstrap), where apt
#      pulls in its dependencies, the postinst makes the gopy user and /var/lib/gopy, and the
#      command line of the installed unit, run as that user on a demo campaign, answers /healthz.
# Run by `./gopy test` before ctest. Needs root for step 3 (debootstrap, chroot).
#   packaging/check.sh BUILD_DIR
set -euo pipefail
build="$(readlink -f "${1:-build}")"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
say() { printf '\033[1m[packages]\033[0m %s\n' "$*" >&2; }
fail() { say "FAILED: $*"; exit 1; }

say "building the packages"
cmake --build "$build" --target package >/dev/null
server_deb=$(ls "$build"/gopy-server_*_amd64.deb)
client_deb=$(ls "$build"/gopy-client_*_amd64.deb)

say "checking their contents"
server_files=$(dpkg-deb --contents "$server_deb")
for path in ./usr/bin/gopy-server ./usr/lib/systemd/system/gopy-server.service ./etc/gopy/gopy.conf \
            ./usr/share/gopy/fonts/LiberationSerif-Regular.ttf ./usr/share/doc/gopy-server/copyright \
            ./usr/share/man/man1/gopy-server.1.gz; do
  grep -q " $path\$" <<<"$server_files" || fail "gopy-server lacks $path"
done
client_files=$(dpkg-deb --contents "$client_deb")
for path in ./usr/bin/gopy-client ./usr/share/applications/gopy.desktop \
            ./usr/share/icons/hicolor/scalable/apps/gopy.svg ./usr/share/icons/hicolor/256x256/apps/gopy.png; do
  grep -q " $path\$" <<<"$client_files" || fail "gopy-client lacks $path"
done
dpkg-deb --field "$server_deb" Depends | grep -q "libhpdf" || fail "gopy-server does not depend on libhpdf"
dpkg-deb --field "$client_deb" Depends | grep -q "qml6-module-qtquick-controls" || fail "gopy-client does not depend on its QML modules"
dpkg-deb --info "$server_deb" conffiles | grep -qx "/etc/gopy/gopy.conf" || fail "gopy.conf is not a conffile"

say "lintian"
lintian --fail-on error,warning "$server_deb" "$client_deb" 2>&1 | grep -v "running with root privileges" || true
lintian --fail-on error,warning "$server_deb" "$client_deb" >/dev/null 2>&1 || fail "lintian"
if command -v systemd-analyze >/dev/null; then
  unit_dir=$(mktemp -d)
  cp "$here/gopy-server.service" "$unit_dir/"
  # verify resolves ExecStart: point it at this build's binary.
  sed -i "s|/usr/bin/gopy-server|$build/server/app/gopy-server|" "$unit_dir/gopy-server.service"
  systemd-analyze verify "$unit_dir/gopy-server.service" 2>&1 | grep -v "^$" | grep -iv "gopy.conf" | grep . \
    && { rm -rf "$unit_dir"; fail "systemd-analyze verify"; }
  rm -rf "$unit_dir"
fi

if [ "$(id -u)" -ne 0 ] || ! command -v debootstrap >/dev/null; then
  say "not root or no debootstrap: the install into a throw-away root is skipped"
  exit 0
fi
say "installing gopy-server into a throw-away Debian 12 root"
root=$(mktemp -d /tmp/gopy-pkg-root-XXXXXX)
chmod 755 "$root"  # the root of the installed system: every user walks through it
cleanup() {
  [ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null || true
  for m in proc dev/pts dev; do umount -l "$root/$m" 2>/dev/null || true; done
  rm -rf "$root"
}
trap cleanup EXIT
mirror=$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -n 1)
mirror=${mirror:-http://deb.debian.org/debian}
cache=/var/cache/gopy/debootstrap-bookworm.tgz
mkdir -p "$(dirname "$cache")"
if [ ! -s "$cache" ]; then
  debootstrap --variant=minbase --make-tarball="$cache" bookworm "$root/tarball" "$mirror" >/dev/null 2>&1 ||
    { rm -f "$cache"; say "debootstrap could not reach $mirror: the install is skipped"; exit 0; }
  rm -rf "$root/tarball"
fi
debootstrap --variant=minbase --unpack-tarball="$cache" bookworm "$root" "$mirror" >/dev/null 2>&1 ||
  fail "debootstrap into $root"
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
cp "$server_deb" "$root/tmp/"
chroot "$root" apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive chroot "$root" apt-get install -y -qq --no-install-recommends \
  "/tmp/$(basename "$server_deb")" >/dev/null || fail "apt install ./$(basename "$server_deb")"
chroot "$root" getent passwd gopy >/dev/null || fail "the postinst made no gopy user"
[ "$(chroot "$root" stat -c %U /var/lib/gopy)" = gopy ] || fail "/var/lib/gopy is not the gopy user's"
chroot "$root" runuser -u gopy -- gopy-server demo --data /var/lib/gopy >/dev/null 2>&1 ||
  fail "gopy-server demo as the gopy user"

# The installed unit's command line, with the installed settings, on a port the system picks
# (serve prints "listening ADDR:PORT").
exec_start=$(sed -n 's/^ExecStart=//p' "$root/usr/lib/systemd/system/gopy-server.service")
set -a; . "$root/etc/gopy/gopy.conf"; set +a
GOPY_LISTEN="127.0.0.1:0"
command_line=$(eval echo "$exec_start")
chroot "$root" runuser -u gopy -- $command_line >"$root/tmp/serve.log" 2>&1 &
server_pid=$!
health=""
for _ in $(seq 1 100); do
  port=$(sed -n 's/^listening .*:\([0-9][0-9]*\)$/\1/p' "$root/tmp/serve.log" | head -n 1)
  if [ -n "$port" ]; then
    health=$(curl -s --max-time 1 "http://127.0.0.1:$port/healthz" ||
             curl -sk --max-time 1 "https://127.0.0.1:$port/healthz" || true)
    [ -n "$health" ] && break
  fi
  sleep 0.2
done
[ -n "$health" ] || { cat "$root/tmp/serve.log" >&2; fail "the installed server did not answer /healthz"; }
say "the installed service answers /healthz: $health"
