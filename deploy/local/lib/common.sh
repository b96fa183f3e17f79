# deploy/local/lib/common.sh - shell functions shared by deploy/local/infra and deploy/local/oms:
# messages, ports, PID files, starting a process in its own session, stopping it by PID.
# Sourced, never run; the caller sets SAY_PREFIX.

say() { printf '%s: %s\n' "${SAY_PREFIX:-oms}" "$*"; }
die() { printf '%s: ERROR: %s\n' "${SAY_PREFIX:-oms}" "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }
secs_since() { local d=$(( $(now_ms) - $1 )); printf '%d.%01d s' $((d / 1000)) $(((d % 1000) / 100)); }

# Does something accept TCP connections on 127.0.0.1:$1?
port_answers() {
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

# The PID in file $1 if that process is alive and its command line contains $2.
live_pid() {
  local file="$1" marker="$2" pid
  [[ -f "$file" ]] || return 1
  pid="$(head -n1 "$file" 2>/dev/null | tr -dc '0-9')"
  [[ -n "$pid" ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$marker" || return 1
  printf '%s\n' "$pid"
}


# Terminate process $1 (and its process group, if it leads one): TERM, then KILL after $2 seconds.
terminate() {
  local pid="$1" wait_s="$2" name="$3" sig="${4:-TERM}" i pgid
  kill -0 "$pid" 2>/dev/null || return 0
  pgid="$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ' || true)"
  kill "-$sig" "$pid" 2>/dev/null || true
  for ((i = 0; i < wait_s * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "$name (pid $pid) did not stop within ${wait_s} s: KILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  # Whatever is left in its own process group (only if it led one: started with setsid).
  if [[ -n "$pgid" && "$pgid" == "$pid" ]]; then
    kill -KILL -- "-$pgid" 2>/dev/null || true
  fi
  for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  return 0
}

# Start "$@" in the background in its own session (so stop can reach its children), output to log $1.
spawn() {
  local log="$1"; shift
  if command -v setsid >/dev/null 2>&1; then
    nohup setsid "$@" </dev/null >>"$log" 2>&1 9>&- &
  else
    nohup "$@" </dev/null >>"$log" 2>&1 9>&- &
  fi
  SPAWNED_PID=$!
}

rotate_log() { [[ -f "$1" ]] && mv -f "$1" "$1.1"; : >"$1"; }
