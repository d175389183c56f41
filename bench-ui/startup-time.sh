#!/bin/bash
# Start-up time: process start to the main window mapped, and to the channel on screen, for Switchboard and
# HexChat measured the same way, under a private Xvfb. See docs/performance-ui.md ("Start-up").
#
#   bench-ui/startup-time.sh [DIST] [RUNS]          # default: distribution/target/switchboard-<version>, 5 runs
#   CLIENTS=switchboard bench-ui/startup-time.sh     # Switchboard only (CLIENTS=switchboard,hexchat is the default)
#   SWITCHBOARD_OPTS=-Dswitchboard.startup.trace=true bench-ui/startup-time.sh   # + the launcher's milestones
#   BASELINE=/tmp/old-dist bench-ui/startup-time.sh  # also another Switchboard build, interleaved ("baseline")
#
# Both clients get the same realistic profile: a fresh one, created by a first run that is reported on its own
# line and not counted (Switchboard fills its bundle cache and writes its class-data sharing archive then, HexChat
# writes its configuration), then reused by every counted run, as on a user's machine. Each is started with the
# same irc:// URL of a local ngIRCd (Debian's ngircd, started here on a free port of 127.0.0.1) and joins #bench,
# where a line is waiting. Runs are interleaved (Switchboard, HexChat, Switchboard, ...), every one a cold process.
#
# Two times per run, from the fork of the client: "mapped" is when a visible window with the client's name is
# there (what issue 7 asks for); "channel" is when the window's title names #bench, that is when the client shows
# the joined channel (Switchboard: "#bench @ ... — Switchboard", HexChat: "HexChat: ... / #bench"). "CPU" is the
# CPU time (user + system, all threads) the client had used when its window was mapped: less sensitive to other
# load on the machine than the wall times. The load average is printed with every run.
#
# HexChat: its configuration folder gets gui_slist_skip = 1 before its first run (otherwise a fresh HexChat shows
# only its network list, never the main window) and a nick. As root, HexChat refuses with a modal "Running IRC as
# root is stupid!" dialog before its main window, so as root it runs as the user nobody. It loads the plug-ins
# Debian installs with it (Python, Perl, Lua, ...), as for its users.
#
# Polls every 10 ms itself (`xdotool search --sync` polls only every half second); faster polling made the X server
# refuse connections now and then on a busy machine, which is also why a run that could not open the display is
# tried again (up to three times).
set -u
here=$(cd "$(dirname "$0")" && pwd)
dist=${1:-$(ls -d "$here"/../distribution/target/switchboard-*/ | head -1)}
dist=$(cd "$dist" && pwd)
runs=${2:-5}
baseline=${BASELINE:+$(cd "$BASELINE" && pwd)}
clients=${CLIENTS:-switchboard${baseline:+,baseline},hexchat}
for tool in Xvfb xdotool xdpyinfo /usr/sbin/ngircd python3; do
    command -v $tool >/dev/null || { echo "needs $tool" >&2; exit 2; }
done
case ,$clients, in
    *,hexchat,*) command -v hexchat >/dev/null || { echo "needs hexchat (or CLIENTS=switchboard)" >&2; exit 2; } ;;
esac
[ -x "$dist/bin/switchboard" ] || { echo "no distribution at $dist" >&2; exit 2; }

display=${BENCH_DISPLAY:-:$((300 + RANDOM % 200))}
work=${WORK:-$(mktemp -d)}
mkdir -p "$work" && rm -rf "$work/switchboard" "$work/baseline" "$work/hexchat" "$work/ngircd" "$work"/*.txt
# ngIRCd reads its configuration here as the user irc, HexChat runs as nobody when this runs as root.
chmod 755 "$work"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
    [ -z "${WORK:-}" ] && rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
export DISPLAY=$display
for _ in $(seq 1 100); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
xdpyinfo >/dev/null 2>&1 || { echo "Xvfb could not start on $display (BENCH_DISPLAY)" >&2; exit 1; }

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$work/ngircd"
cat >"$work/ngircd/ngircd.conf" <<EOF
[Global]
	Name = bench.local
	Info = Switchboard start-up benchmark
	Listen = 127.0.0.1
	Ports = $port
	ServerUID = irc
	ServerGID = irc
[Limits]
	MaxConnectionsIP = 0
	MaxJoins = 50
[Options]
	PAM = no
	DNS = no
	Ident = no
EOF
chmod 644 "$work/ngircd/ngircd.conf"
/usr/sbin/ngircd --nodaemon --config "$work/ngircd/ngircd.conf" >"$work/ngircd/out.txt" 2>&1 &
pids+=($!)
# A user already in #bench with a topic and a line, so that the channel has something to show.
python3 - "$port" >"$work/ngircd/peer.txt" 2>&1 <<'EOF' &
import socket, sys, time
for _ in range(100):
    try:
        s = socket.create_connection(("127.0.0.1", int(sys.argv[1]))); break
    except OSError:
        time.sleep(0.05)
s.sendall(b"NICK benchpeer\r\nUSER benchpeer 0 * :bench\r\n")
buffer = b""
while b" 001 " not in buffer:
    buffer += s.recv(4096)
s.sendall(b"JOIN #bench\r\nTOPIC #bench :Start-up benchmark\r\nPRIVMSG #bench :hello\r\n")
while True:
    data = s.recv(4096)
    if not data:
        break
    for line in data.split(b"\r\n"):
        if line.startswith(b"PING"):
            s.sendall(b"PONG" + line[4:] + b"\r\n")
EOF
pids+=($!)
sleep 1
url="irc://127.0.0.1:$port/#bench"

as_user=()
hexchat_dir=$work/hexchat
mkdir -p "$hexchat_dir/home"
printf 'gui_slist_skip = 1\nirc_nick1 = hcbench\nirc_nick2 = hcbench_\nirc_nick3 = hcbench__\n' >"$hexchat_dir/hexchat.conf"
if [ "$(id -u)" -eq 0 ]; then
    chown -R nobody:nogroup "$hexchat_dir"
    as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
fi

visible() { xdotool search --onlyvisible --name "$1" >/dev/null 2>&1; }

# run CLIENT ROUND: prints one line and appends the figures to $work/CLIENT.txt (counted rounds only)
run() {
    local client=$1 round=$2 name start pid mapped='' channel='' now cpu java_pid load
    load=$(cut -d' ' -f1 /proc/loadavg)
    start=$(date +%s%N)
    case $client in
        switchboard | baseline)
            name=Switchboard
            local home=$dist
            [ "$client" = baseline ] && home=$baseline
            "$home/bin/switchboard" --profile "$work/$client" --nick sbbench "$url" >"$work/out-$client.txt" 2>&1 &
            pid=$! ;;
        hexchat)
            name=HexChat
            "${as_user[@]}" env HOME="$hexchat_dir/home" hexchat --cfgdir="$hexchat_dir" "$url" \
                >"$work/out-$client.txt" 2>&1 &
            pid=$! ;;
    esac
    while [ -z "$channel" ]; do
        if ! kill -0 $pid 2>/dev/null; then
            echo "$client exited before showing #bench (retried up to twice):"; sed 's/^/    /' "$work/out-$client.txt"
            return 1
        fi
        now=$(date +%s%N)
        if [ $(( (now - start) / 1000000000 )) -ge 60 ]; then
            echo "$client: no window showing #bench within 60 s:"; tail -5 "$work/out-$client.txt" | sed 's/^/    /'
            kill $pid; wait $pid 2>/dev/null
            return 1
        fi
        if [ -z "$mapped" ] && visible "$name"; then
            mapped=$(( ($(date +%s%N) - start) / 1000000 ))
            java_pid=$pid
            # bin/switchboard runs the JVM as its child while it writes the class-data sharing archive.
            [ "$(cat /proc/$pid/comm)" = java ] || java_pid=$(pgrep -P $pid java || echo $pid)
            cpu=$(awk '{print ($14 + $15) * 1000 / '"$(getconf CLK_TCK)"'}' /proc/$java_pid/stat)
        fi
        if [ -n "$mapped" ] && visible '#bench'; then
            channel=$(( ($(date +%s%N) - start) / 1000000 ))
        fi
        sleep 0.01
    done
    if [ "$round" -eq 0 ]; then
        echo "$client first run (fresh profile, fills caches; not counted): mapped ${mapped} ms, channel ${channel} ms, CPU ${cpu} ms, load $load"
    else
        echo "$client run $round: mapped ${mapped} ms, channel ${channel} ms, CPU ${cpu} ms, load $load"
        echo "$mapped $channel $cpu" >>"$work/$client.txt"
    fi
    grep -h '^switchboard startup:' "$work/out-$client.txt" | sed 's/^/    /'
    sleep 0.5
    [ "$client" = hexchat ] && [ "$round" -eq 0 ] && import -window root "$work/hexchat-first.png" 2>/dev/null
    [ "$client" = switchboard ] && [ "$round" -eq "$runs" ] && import -window root "$work/switchboard-last.png" 2>/dev/null
    kill $pid
    wait $pid 2>/dev/null
    while visible "$name"; do sleep 0.05; done
}

echo "machine: $(nproc) CPUs, $(java -version 2>&1 | sed -n 1p), hexchat $(hexchat --version 2>/dev/null | sed 's/^[^0-9]*//'), load $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 0 "$runs"); do
    for client in ${clients//,/ }; do
        # A display connection refused now and then on a busy machine should not void the whole series.
        run "$client" "$round" || run "$client" "$round" || run "$client" "$round" || exit 1
    done
done

median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
echo
echo "| client | runs | mapped, median (ms) | mapped, min–max | channel on screen, median (ms) | CPU to mapped, median (ms) |"
echo "| --- | --- | --- | --- | --- | --- |"
for client in ${clients//,/ }; do
    f=$work/$client.txt
    echo "| $client | $(wc -l <"$f") | $(cut -d' ' -f1 "$f" | median) | $(cut -d' ' -f1 "$f" | sort -n | awk 'NR == 1 {min = $1} {max = $1} END {print min "–" max}') | $(cut -d' ' -f2 "$f" | median) | $(cut -d' ' -f3 "$f" | median) |"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); screenshots (WORK=$work keeps them): switchboard-last.png, hexchat-first.png"
