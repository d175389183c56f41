#!/bin/sh
# End-to-end ingest benchmark: Switchboard (headless and with its UI under Xvfb), weechat-headless and irssi,
# interleaved, against a flood server on 127.0.0.1. See docs/performance-ingest.md.
#
#   bench-ingest/run.sh                       # 100,000-line cold floods, 5 runs each, then 1,000,000-line RSS runs
#   LINES=20000 RUNS=3 CLIENTS=irssi,switchboard-headless bench-ingest/run.sh
#   SWITCHBOARD_OPTS='-XX:StartFlightRecording=filename=/tmp/sb.jfr,settings=profile' CLIENTS=switchboard-headless RUNS=1 bench-ingest/run.sh
#   (for the UI client add SWITCHBOARD_CDS=off: a cold windowed run writes the class-data archive, and the JVM
#   turns JFR off while it does)
#   BASELINE_DIST=/tmp/old-dist CLIENTS=switchboard-headless-baseline,switchboard-headless bench-ingest/run.sh   # old vs new
#
# Needs: the built distribution (mvn -B package -pl distribution), Xvfb, xdotool and ImageMagick's import (for
# the UI client), jcmd (the JDK's, for the heap after GC), tmux, and Debian's weechat-headless and irssi
# (apt-get install -y weechat-headless irssi).
set -eu

root=$(cd -P -- "$(dirname -- "$0")/.." && pwd -P)
cd "$root"
dist=${DIST:-$root/distribution/target/switchboard-0.1.0-SNAPSHOT}
lines=${LINES:-100000}
runs=${RUNS:-5}
clients=${CLIENTS:-switchboard-headless,switchboard-ui,weechat-headless,irssi}
big_lines=${BIG_LINES:-1000000}
big_runs=${BIG_RUNS:-3}
big_clients=${BIG_CLIENTS:-switchboard-headless,switchboard-ui}
work=${WORK:-${TMPDIR:-/tmp}/switchboard-bench-ingest}
display=${BENCH_DISPLAY:-:97}
baseline=${BASELINE_DIST:+--baseline-dist $BASELINE_DIST}

[ -x "$dist/bin/switchboard" ] || { echo "no distribution at $dist; build it first" >&2; exit 1; }
mvn -q -B -o -Pbench package -pl bench-ingest || mvn -q -B -Pbench package -pl bench-ingest

xvfb_pid=
case $clients,$big_clients in
    *switchboard-ui*)
        Xvfb "$display" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
        xvfb_pid=$!
        trap 'kill "$xvfb_pid" 2>/dev/null || true' EXIT
        trap 'exit 130' INT TERM
        sleep 1
        kill -0 "$xvfb_pid" 2>/dev/null || { echo "Xvfb could not start on $display (BENCH_DISPLAY)" >&2; exit 1; } ;;
esac
mkdir -p "$work"

echo "machine: $(nproc) CPUs, $(free -m | awk '/^Mem:/ {print $2}') MiB RAM, load $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp bench-ingest/target/classes org.switchboard.bench.ingest.IngestBench --dist "$dist" --lines "$lines" \
    --runs "$runs" --clients "$clients" --display "$display" --work "$work" --screenshots "$work" $baseline
if [ "$big_runs" -gt 0 ]; then
    java -cp bench-ingest/target/classes org.switchboard.bench.ingest.IngestBench --dist "$dist" \
        --lines "$big_lines" --runs "$big_runs" --clients "$big_clients" --display "$display" --work "$work" $baseline
fi
