# bench/lib.sh - shared by bench/fault and bench/stack: both run a class of deploy/local against the running stack of
# `./oms up` and append its Markdown to bench/REPORT.md under a header. Sourced, never run.

# Exits unless every part of the local stack is up and ready; refreshes deploy/local's class path.
require_stack() {
  deploy/local/oms status >/dev/null || { deploy/local/oms status || true; echo "bench: the local stack is not up and healthy: ./oms up first" >&2; exit 1; }
  deploy/local/infra start >/dev/null   # running already: only rebuilds deploy/local's class path if a source changed
}

# report_header TITLE ARGS...: the header of one invocation's section in REPORT.md, on stdout.
report_header() {
  local title="$1"; shift
  echo
  echo "# $title"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%M:%S) UTC"
  echo "- machine: $(nproc) cores, $(grep MemTotal /proc/meminfo | tr -s ' '), load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- PostgreSQL and Kafka of deploy/local (fsync and synchronous_commit as the server has them, producers acks=all)"
  echo "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "- run with: \`$*\` on the stack of \`./oms up\` (see bench/README.md)"
  echo
}

# run_local CLASS ARGS...: a main of deploy/local on its class path; output to stdout.
run_local() {
  local class="$1"; shift
  java -XX:TieredStopAtLevel=1 -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "$(cat deploy/local/.run/classpath)" "io.oms.local.$class" "$@"
}
