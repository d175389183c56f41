#!/bin/bash
# Start-up time of the built distribution: process start to the main window mapped, under a private Xvfb.
# Usage: bench-ui/startup-time.sh [DIST] [RUNS]
#   DIST defaults to distribution/target/switchboard-<version>; RUNS to 5. A first, unreported run fills the
#   bundle cache and writes the class-data sharing archive, as a user's first start does.
# Prints every run's wall time and the CPU time the JVM had used by then (user + system, all threads: less
# sensitive to other load on the machine than wall time), and the medians.
# Polls for the window every 5 ms itself: `xdotool search --sync` polls only every half second.
set -u
here=$(cd "$(dirname "$0")" && pwd)
dist=${1:-$(ls -d "$here"/../distribution/target/switchboard-*/ | head -1)}
runs=${2:-5}
for tool in Xvfb xdotool xdpyinfo; do
    command -v $tool >/dev/null || { echo "needs $tool" >&2; exit 2; }
done
display=:$((300 + RANDOM % 200))
Xvfb $display -screen 0 1600x1000x24 >/dev/null 2>&1 &
xvfb=$!
work=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
export DISPLAY=$display
for _ in $(seq 1 100); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
walls=(); cpus=()
for run in $(seq 0 "$runs"); do
    start=$(date +%s%N)
    "$dist/bin/switchboard" --profile "$work/profile" >"$work/out.txt" 2>&1 &
    pid=$!
    until xdotool search --onlyvisible --name Switchboard >/dev/null 2>&1; do
        kill -0 $pid 2>/dev/null || { echo "switchboard exited:"; cat "$work/out.txt"; exit 1; }
        sleep 0.005
    done
    end=$(date +%s%N)
    java_pid=$pid
    [ "$(cat /proc/$pid/comm)" = java ] || java_pid=$(pgrep -P $pid java)
    cpu=$(awk '{print ($14 + $15) * 1000 / '"$(getconf CLK_TCK)"'}' /proc/$java_pid/stat)
    wall=$(( (end - start) / 1000000 ))
    if [ "$run" -eq 0 ]; then
        echo "first run (fills caches, not counted): ${wall} ms"
    else
        echo "run $run: ${wall} ms (CPU ${cpu} ms)"
        walls+=("$wall"); cpus+=("$cpu")
    fi
    sleep 0.3
    kill $pid; wait $pid 2>/dev/null
    while xdotool search --onlyvisible --name Switchboard >/dev/null 2>&1; do sleep 0.05; done
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
echo "median: $(median "${walls[@]}") ms to window mapped (CPU $(median "${cpus[@]}") ms); load: $(cut -d' ' -f1-3 /proc/loadavg)"
