#!/bin/sh
# Stands in for ./callbook bench in perf-ops's tests: prints what a bench prints (header, results block) and writes its
# summary.json. Options: --results DIR (where), --hold FILE (waits until FILE exists), --exit N (exit status).
bench=$1
shift
results="" hold="" status=0
while [ $# -gt 0 ]; do
  case "$1" in
    --results) results=$2; shift ;;
    --hold) hold=$2; shift ;;
    --exit) status=$2; shift ;;
  esac
  shift
done
echo "Callbook bench: $bench against http://127.0.0.1:8081"
echo "Machine: test machine."
[ -n "$results" ] && echo "Reports: $results"
echo ""
if [ -n "$hold" ]; then
  waited=0
  while [ ! -f "$hold" ] && [ $waited -lt 1200 ]; do sleep 0.1; waited=$((waited + 1)); done
fi
echo "Results (40 numbers; 1 s per run):"
echo ""
echo "scenario               cache  asked/s achieved/s   p50   p95   p99"
echo "open 100/s             warm       100        100     1     2     3"
echo ""
echo "all good."
[ -n "$results" ] && echo "HTML reports: $results/<run>/index.html"
if [ -n "$results" ]; then
  mkdir -p "$results"
  cat > "$results/summary.json" <<JSON
{"target":"$bench","data":"40 numbers","console":"ignored","markdown":"| scenario | cache | p99 |\n|---|---|---|\n| open 100/s | warm | 3 |\n","notes":["all good."]}
JSON
fi
exit "$status"
