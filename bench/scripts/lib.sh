# Shared helpers for the bench scripts. Sourced, not run.
# Environment:
#   BENCH_CP                 classpath for the corpus tools instead of bench/target/benchmarks.jar
#   DATAGUARDIAN_JAVA_OPTS   JVM options for the CLI (default -Xmx256m -XX:+UseSerialGC, as bin/dataguardian)
#   SKIP_BUILD=1             never run Maven
#   DATAGUARDIAN_CLI_JAR     run this CLI jar instead of bin/dataguardian (e.g. a stable copy while
#                            colleagues rebuild cli/target/dataguardian.jar)

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
OUT=${OUT:-bench/out}
mkdir -p "$OUT"
BENCH_JAR=bench/target/benchmarks.jar
CLI_JAR=cli/target/dataguardian.jar
export DATAGUARDIAN_JAVA_OPTS=${DATAGUARDIAN_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC}
# The JIT options bin/dataguardian adds, for runs of a jar without it (DATAGUARDIAN_CLI_JAR); empty to compare.
LAUNCHER_JIT_OPTS=${LAUNCHER_JIT_OPTS-$(sed -n 's/^jit="\(.*\)"$/\1/p' bin/dataguardian)}

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# need_tools CMD:PACKAGE...: installs missing commands from Debian's packages (as root; otherwise says how).
need_tools() {
  local missing=() spec
  for spec in "$@"; do command -v "${spec%%:*}" >/dev/null 2>&1 || missing+=("${spec#*:}"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then log "missing ${missing[*]}: install them (apt-get install ${missing[*]})"; exit 3; fi
  log "installing ${missing[*]} from Debian's packages"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null \
    || { apt-get update -qq </dev/null >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null; }
}

# Builds bench (and what it needs) when its jar is missing, lacks the corpus tools or is older than
# their sources. A failed build (a colleague's file mid-edit) falls back to an existing jar.
build_bench() {
  [ -n "${BENCH_CP:-}" ] && return 0
  local has_tools=0
  # grep -c reads everything: with pipefail, grep -q would SIGPIPE unzip and fail the pipeline
  [ "$( (unzip -l "$BENCH_JAR" 2>/dev/null || true) | grep -c 'io/dataguardian/bench/corpus/CorpusGenerator.class' || true)" -gt 0 ] && has_tools=1
  if [ "${SKIP_BUILD:-0}" != 1 ] && { [ "$has_tools" = 0 ] \
       || [ -n "$(find bench/src/main/java/io/dataguardian/bench/corpus -name '*.java' -newer "$BENCH_JAR" | head -1)" ]; }; then
    log "building bench: mvn -B -q -o -pl bench -am -Dmaven.test.skip=true package"
    if ! mvn -B -q -o -pl bench -am -Dmaven.test.skip=true package >&2; then
      [ "$has_tools" = 1 ] || { log "bench build failed and $BENCH_JAR has no corpus tools"; exit 3; }
      log "bench build failed; using the existing $BENCH_JAR"
    fi
  fi
}

# Builds the CLI fat jar when missing (unless bin/dataguardian exists).
build_cli() {
  [ -n "${DATAGUARDIAN_CLI_JAR:-}" ] && return 0
  if [ ! -f "$CLI_JAR" ] && [ "${SKIP_BUILD:-0}" != 1 ]; then
    log "building cli: mvn -B -q -o -pl cli -am -Dmaven.test.skip=true package"
    mvn -B -q -o -pl cli -am -Dmaven.test.skip=true package >&2
  fi
  [ -f "$CLI_JAR" ] || { log "no CLI: neither bin/dataguardian nor $CLI_JAR"; exit 3; }
}

corpus_tool() { # corpus_tool CLASS ARGS...
  local cls=$1; shift
  java -cp "${BENCH_CP:-$BENCH_JAR}" "io.dataguardian.bench.corpus.$cls" "$@"
}

# The command line that runs the CLI, as one string (for hyperfine) and as an array.
cli_cmd() {
  if [ -n "${DATAGUARDIAN_CLI_JAR:-}" ]; then
    printf '%s' "java $LAUNCHER_JIT_OPTS $DATAGUARDIAN_JAVA_OPTS -jar $DATAGUARDIAN_CLI_JAR"
  elif [ -x bin/dataguardian ]; then
    printf '%s' "bin/dataguardian"
  else
    printf '%s' "java $LAUNCHER_JIT_OPTS $DATAGUARDIAN_JAVA_OPTS -jar $CLI_JAR"
  fi
}

# Exit status 0 (clean) and 1 (findings at --fail-on) are both a completed scan, if the report
# was written (java itself also exits 1, e.g. on a corrupt jar).
run_scan() { # run_scan REPORT ARGS...
  local report=$1 rc=0; shift
  rm -f "$report"
  # shellcheck disable=SC2046
  $(cli_cmd) scan "$@" --output "$report" || rc=$?
  if [ "$rc" -gt 1 ] || [ ! -s "$report" ]; then
    log "scan failed: exit status $rc, report $report $([ -s "$report" ] && echo written || echo missing)"
    return 1
  fi
}

file_mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f", b / 1048576 }'; }
