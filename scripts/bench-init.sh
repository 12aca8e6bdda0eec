#!/usr/bin/env bash
# Times the whole binary, disk included: `mlteam init --yes --roles all` against `cp -r` of the
# very tree it writes (the floor of writing those files), reports init's peak memory, then times
# `mlteam status` on that project.
# Needs hyperfine (Debian: apt-get install hyperfine) and GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --quiet
bin="$PWD/target/release/mlteam"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export MLTEAM_TODAY=2026-11-27 NO_COLOR=1

args=(--yes --roles all --timezone Europe/Berlin --quiet
      --member "Ada Lovelace <ada@example.com>=ml-engineer,data-scientist"
      --member "Bo Li <bo@example.com>=project-manager")
"$bin" init "$work/reference" "${args[@]}"
files=$(find "$work/reference" -type f | wc -l)
bytes=$(du -sb "$work/reference" | cut -f1)
echo "tree: $files files, $bytes bytes"

hyperfine --warmup 10 --runs "${RUNS:-100}" --style basic \
  --prepare "rm -rf $work/out" \
  --command-name "mlteam init --yes --roles all" "$bin init $work/out ${args[*]@Q}" \
  --command-name "cp -r of the same tree" "cp -r $work/reference $work/out" \
  --export-markdown "$work/times.md"
cat "$work/times.md"

rm -rf "$work/out"
/usr/bin/time -v "$bin" init "$work/out" "${args[@]}" 2>&1 | grep -E "Maximum resident set size"

# `status` on that project (all 14 roles), reading the manifest and every stub: the target is
# under 20 ms. Text and the HTML page; nothing is written but the page.
hyperfine --warmup 10 --runs "${RUNS:-100}" --style basic -N \
  --command-name "mlteam status" "$bin -C $work/reference status" \
  --command-name "mlteam status --format json" "$bin -C $work/reference status --format json" \
  --command-name "mlteam status --html" "$bin -C $work/reference status --html $work/status.html" \
  --export-markdown "$work/status.md"
cat "$work/status.md"
