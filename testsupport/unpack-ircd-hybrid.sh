#!/usr/bin/env bash
# ircd-hybrid for the real-server tests (HybridServer). Debian's package conflicts with ngircd's, which the tests
# need as well, so it is unpacked, not installed: into $SWITCHBOARD_HYBRID_DIR, /var/tmp/switchboard-ircd-hybrid by
# default (world-readable, because as root the tests run the server as the irc user). The binary loads its modules
# from the folder it was built for, /usr/lib/ircd-hybrid, so that becomes a link to the unpacked modules (which
# takes root, once). Its libraries (libltdl7, libgnutls30, libcrypt1) are ngircd's and the system's; .ci/run
# installs libltdl7. With ircd-hybrid installed as a package instead, this script has nothing to do.
set -euo pipefail
dest=${SWITCHBOARD_HYBRID_DIR:-/var/tmp/switchboard-ircd-hybrid}
modules=/usr/lib/ircd-hybrid

if [ -x /usr/sbin/ircd-hybrid ]; then
    exit 0
fi
if [ ! -x "$dest/usr/sbin/ircd-hybrid" ]; then
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    if ! (cd "$work" && apt-get download ircd-hybrid >/dev/null 2>&1); then
        # a fresh machine may have no package lists yet
        apt-get update -qq
        (cd "$work" && apt-get download ircd-hybrid >/dev/null)
    fi
    mkdir -p "$dest"
    dpkg-deb -x "$work"/ircd-hybrid_*.deb "$dest"
    chmod -R a+rX "$dest"
    echo "ircd-hybrid unpacked into $dest"
fi
if [ ! -e "$modules" ]; then
    ln -s "$dest$modules" "$modules" || { echo "cannot link $modules to $dest$modules: run this as root" >&2; exit 1; }
fi
