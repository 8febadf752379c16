#!/usr/bin/env bash
# Runs a command and prints its wall time and the peak resident memory of its whole
# process tree (a Spark job is a JVM and its Python workers: `/usr/bin/time` sees one
# process), sampled every second, on stderr as "tree-peak: wall_s=… peak_MB=… rc=…".
#
#   benches/tree-peak.sh CMD [ARGS...]
set -u
start=$(date +%s.%N)
"$@" &
pid=$!
peak=0
while kill -0 "$pid" 2>/dev/null; do
  pids=$(ps -e -o pid=,ppid= | awk -v root="$pid" '
    { parent[$1] = $2 }
    END { for (p in parent) { q = p; while (q != "" && q != 0 && q != root) q = parent[q]; if (q == root) print p } }')
  rss=$(ps -o rss= -p "$(echo $pids | tr ' ' ',')" 2>/dev/null | awk '{ s += $1 } END { print int(s / 1024) }')
  [ -n "$rss" ] && [ "$rss" -gt "$peak" ] && peak=$rss
  sleep 1
done
wait "$pid"
rc=$?
end=$(date +%s.%N)
echo "tree-peak: wall_s=$(echo "$end - $start" | bc) peak_MB=$peak rc=$rc" >&2
exit $rc
