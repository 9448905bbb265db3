#!/usr/bin/env bash
# falco_engine_bench: falco over one synthetic capture with the default rules, with ten times
# as many rules, and with a single rule that never matches (reading and state alone); sysdig
# reading the same capture as the peer figure of raw reading speed. See README.md.
#
#   bazel run -c opt //bench/falco_engine:falco_engine_bench -- [-n EVENTS] [-r RUNS] [-f FILE] [-k]
#
# The BUILD target passes the programs and rules files (--falco, --measure, --synth,
# --multiply, --rules, --never); the options after `--` are the caller's:
#   -n EVENTS  events of the synthetic capture (default 2,000,000; at least 1,000)
#   -r RUNS    timed runs of each configuration; the table has the best (default 3)
#   -f FILE    a capture of one's own instead of the synthetic one
#   -c COPIES  copies of each rule in the multiplied rules file (default 10)
#   -s SYSDIG  the sysdig to run (default: sysdig on PATH; "" skips it)
#   -k         keep the working directory (capture, rules, outputs)
#   --strict   also fail when the alert counts are not consistent (the smoke test)
# Exit status: 0, or 1 when falco fails (or with --strict, when the checks fail), 2 on bad usage.
set -euo pipefail

usage() {
	sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//' >&2
	exit 2
}

falco="" measure="" synth="" multiply="" rules="" never=""
sysdig="sysdig" events=2000000 runs=3 capture="" copies=10 keep=0 strict=0
while [[ $# -gt 0 ]]; do
	case "$1" in
	--falco) falco="$2"; shift 2 ;;
	--measure) measure="$2"; shift 2 ;;
	--synth) synth="$2"; shift 2 ;;
	--multiply) multiply="$2"; shift 2 ;;
	--rules) rules="$2"; shift 2 ;;
	--never) never="$2"; shift 2 ;;
	-n) events="$2"; shift 2 ;;
	-r) runs="$2"; shift 2 ;;
	-f) capture="$2"; shift 2 ;;
	-c) copies="$2"; shift 2 ;;
	-s) sysdig="$2"; shift 2 ;;
	-k) keep=1; shift ;;
	--strict) strict=1; shift ;;
	-h | --help) usage ;;
	*) echo "falco_engine_bench: unknown argument '$1'" >&2; usage ;;
	esac
done
for v in falco measure synth multiply rules never; do
	[[ -n "${!v}" ]] || { echo "falco_engine_bench: --$v is missing (run it through bazel)" >&2; exit 2; }
done
[[ "$events" =~ ^[0-9]+$ && "$events" -ge 1000 ]] || { echo "falco_engine_bench: -n takes at least 1000, not '$events'" >&2; exit 2; }
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "falco_engine_bench: -r takes a positive number, not '$runs'" >&2; exit 2; }
[[ "$copies" =~ ^[1-9][0-9]*$ ]] || { echo "falco_engine_bench: -c takes a positive number, not '$copies'" >&2; exit 2; }

# The programs are runfiles; the node launcher of multiply_rules finds its own through these.
export RUNFILES_DIR="${RUNFILES_DIR:-${TEST_SRCDIR:-$(cd .. && pwd)}}"
# Paths given by hand under `bazel run` are the caller's.
if [[ -n "$capture" && "$capture" != /* && -n "${BUILD_WORKING_DIRECTORY:-}" ]]; then
	capture="$BUILD_WORKING_DIRECTORY/$capture"
fi

dir="$(mktemp -d "${TEST_TMPDIR:-${TMPDIR:-/tmp}}/falco_engine_bench.XXXXXX")"
if [[ $keep -eq 0 ]]; then
	trap 'rm -rf "$dir"' EXIT
fi

mib() { awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }'; }

echo "falco engine benchmark"
if [[ -z "$capture" ]]; then
	capture="$dir/capture.scap"
	# -a: now and then the shell runs commands the default rules flag (cat /etc/shadow, ...).
	"$synth" -a -n "$events" "$capture" >"$dir/synth.txt"
	echo "capture: synthesised by //bench/inspect:synth_capture -a: $(sed "s|^$capture: ||" "$dir/synth.txt")"
else
	[[ -r "$capture" ]] || { echo "falco_engine_bench: cannot read $capture" >&2; exit 2; }
	echo "capture: $capture"
fi

rules_10x="$dir/rules_x$copies.yaml"
"$multiply" --copies "$copies" "$rules" "$rules_10x" >"$dir/multiply.txt"
# "OUT: N rules in M rule items x C, K other items"
nrules="$(sed -n 's/.*: \([0-9]*\) rules in .*/\1/p' "$dir/multiply.txt")"
echo "rules: $rules ($nrules rules); x$copies: each rule $copies times, renamed, lists and macros shared"
# No configuration file: falco's defaults, without the syslog output and logging (alerts go to
# stdout, into a file here, for the count).
falco_config=(-c /dev/null -o syslog_output.enabled=false -o log_syslog=false)
echo "falco: $falco ${falco_config[*]} -r RULES -e CAPTURE -v >FILE"
echo

# run_falco LABEL RULES: RUNS timed runs, then RUNS of --dry-run (start-up and rules loading,
# no events); sets best_wall best_cpu max_rss events_read alerts best_load.
failed=0
run_falco() {
	local label="$1" rulesfile="$2" i line status wall user sys rss cpu
	best_wall="" best_cpu="" max_rss=0 events_read="" alerts="" best_load=""
	for ((i = 1; i <= runs; i++)); do
		line="$("$measure" "$dir/out.txt" "$dir/err.txt" "$falco" "${falco_config[@]}" -r "$rulesfile" -e "$capture" -v)"
		read -r status wall user sys rss <<<"$(sed 's/[a-z_]*=//g' <<<"$line")"
		if [[ "$status" != 0 ]]; then
			echo "$label: falco failed (exit status $status); its stderr:" >&2
			tail -n 20 "$dir/err.txt" >&2
			failed=1
			return 1
		fi
		events_read="$(sed -n 's/^Events read: \([0-9]*\).*/\1/p' "$dir/err.txt")"
		alerts="$(sed -n 's/^Events detected: \([0-9]*\).*/\1/p' "$dir/out.txt")"
		if [[ -z "$events_read" || -z "$alerts" ]]; then
			echo "$label: falco printed no 'Events read:' (stderr) or 'Events detected:' (stdout)" >&2
			failed=1
			return 1
		fi
		cpu="$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.3f", u + s }')"
		printf '  %-10s run %d: %7.3f s  %6.3f M events/s  CPU %7.3f s  peak RSS %s  %s alerts\n' \
			"$label" "$i" "$wall" "$(awk -v e="$events_read" -v w="$wall" 'BEGIN { print e / w / 1e6 }')" \
			"$cpu" "$(mib "$rss")" "$alerts"
		if [[ -z "$best_wall" ]] || awk -v a="$wall" -v b="$best_wall" 'BEGIN { exit !(a < b) }'; then best_wall="$wall"; fi
		if [[ -z "$best_cpu" ]] || awk -v a="$cpu" -v b="$best_cpu" 'BEGIN { exit !(a < b) }'; then best_cpu="$cpu"; fi
		if ((rss > max_rss)); then max_rss="$rss"; fi
	done
	for ((i = 1; i <= runs; i++)); do
		line="$("$measure" "$dir/out.txt" "$dir/err.txt" "$falco" "${falco_config[@]}" -r "$rulesfile" -e "$capture" --dry-run)"
		read -r status wall user sys rss <<<"$(sed 's/[a-z_]*=//g' <<<"$line")"
		if [[ "$status" != 0 ]]; then
			echo "$label: falco --dry-run failed (exit status $status); its stderr:" >&2
			tail -n 20 "$dir/err.txt" >&2
			failed=1
			return 1
		fi
		if [[ -z "$best_load" ]] || awk -v a="$wall" -v b="$best_load" 'BEGIN { exit !(a < b) }'; then best_load="$wall"; fi
	done
	printf '  %-10s --dry-run (start-up and rules loading, no events): %.3f s\n' "$label" "$best_load"
}

rows=()
row() { # configuration rules events seconds load cpu rss alerts
	rows+=("$(printf '%-24s | %5s | %9s | %7.3f | %6s | %7.3f | %11s | %9s | %6s' "$1" "$2" "$3" "$4" "$5" "$6" \
		"$(awk -v e="$3" -v w="$4" 'BEGIN { printf "%.0f", e / w }')" "$(mib "$7")" "$8")")
}

declare -A got_alerts got_events
for config in baseline default "x$copies"; do
	case "$config" in
	baseline) file="$never" n=1 ;;
	default) file="$rules" n="$nrules" ;;
	*) file="$rules_10x" n=$((nrules * copies)) ;;
	esac
	run_falco "$config" "$file" || exit 1
	got_alerts[$config]="$alerts"
	got_events[$config]="$events_read"
	case "$config" in
	baseline) name="falco, no rule matches" ;;
	default) name="falco, default rules" ;;
	*) name="falco, rules x$copies" ;;
	esac
	row "$name" "$n" "$events_read" "$best_wall" "$(printf '%.3f' "$best_load")" "$best_cpu" "$max_rss" "$alerts"
done
if [[ $keep -eq 1 ]]; then
	cp "$dir/out.txt" "$dir/alerts_x$copies.txt"
fi

events="${got_events[baseline]}"
sysdig_path=""
if [[ -n "$sysdig" ]]; then
	sysdig_path="$(command -v "$sysdig" || true)"
fi
if [[ -n "$sysdig_path" ]]; then
	best_wall="" best_cpu="" max_rss=0
	for ((i = 1; i <= runs; i++)); do
		line="$("$measure" /dev/null "$dir/sysdig_err.txt" "$sysdig_path" -r "$capture" -q)"
		read -r status wall user sys rss <<<"$(sed 's/[a-z_]*=//g' <<<"$line")"
		if [[ "$status" != 0 ]]; then
			echo "  sysdig failed (exit status $status); its stderr:" >&2
			tail -n 10 "$dir/sysdig_err.txt" >&2
			best_wall=""
			break
		fi
		cpu="$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.3f", u + s }')"
		printf '  %-10s run %d: %7.3f s  %6.3f M events/s  CPU %7.3f s  peak RSS %s\n' sysdig "$i" "$wall" \
			"$(awk -v e="$events" -v w="$wall" 'BEGIN { print e / w / 1e6 }')" "$cpu" "$(mib "$rss")"
		if [[ -z "$best_wall" ]] || awk -v a="$wall" -v b="$best_wall" 'BEGIN { exit !(a < b) }'; then best_wall="$wall"; fi
		if [[ -z "$best_cpu" ]] || awk -v a="$cpu" -v b="$best_cpu" 'BEGIN { exit !(a < b) }'; then best_cpu="$cpu"; fi
		if ((rss > max_rss)); then max_rss="$rss"; fi
	done
	if [[ -n "$best_wall" ]]; then
		row "peer: sysdig -r FILE -q" "-" "$events" "$best_wall" "-" "$best_cpu" "$max_rss" "-"
		sysdig_row="$("$sysdig_path" --version 2>/dev/null | head -n 1 || true)"
	else
		sysdig_row="FAILED"
	fi
else
	sysdig_row="skipped (no sysdig)"
fi

echo
echo "best of $runs runs. seconds: the shortest wall time of a whole run, start-up and rules"
echo "loading included (events/s = events / seconds); load: the shortest --dry-run (start-up and"
echo "rules loading alone); CPU: the least user + system time; peak RSS: the largest of the runs."
echo
printf '%-24s | %5s | %9s | %7s | %6s | %7s | %11s | %9s | %6s\n' configuration rules events seconds "load" "CPU s" events/s "peak RSS" alerts
printf '%s\n' "-------------------------+-------+-----------+---------+--------+---------+-------------+-----------+-------"
printf '%s\n' "${rows[@]}"
echo
echo "peer: $sysdig_row reading the same capture with no filter and no output (-q), for"
echo "reference only: it parses every event and keeps the same process and fd state, evaluates"
echo "no rules. Not comparable to the default rules' row."

# Consistency: the never-matching rule fires nowhere; the copies of a rule come right after it,
# and only the first matching rule of an event alerts, so the copies add no alerts.
problems=()
for config in default "x$copies"; do
	if [[ "${got_events[$config]}" != "$events" ]]; then
		problems+=("$config read ${got_events[$config]} events, the baseline $events")
	fi
done
[[ "${got_alerts[baseline]}" == 0 ]] || problems+=("the never-matching rule alerted ${got_alerts[baseline]} times")
[[ "${got_alerts["x$copies"]}" == "${got_alerts[default]}" ]] ||
	problems+=("x$copies rules gave ${got_alerts["x$copies"]} alerts, the default rules ${got_alerts[default]} (the copies come after their rule: the counts must agree)")
echo
if [[ ${#problems[@]} -eq 0 ]]; then
	echo "checks: no alert without rules; the same events read and the same alerts with x$copies rules"
else
	for p in "${problems[@]}"; do echo "WARNING: $p"; done
fi
if [[ $keep -eq 1 ]]; then
	echo "kept: $dir"
fi
if [[ $failed -ne 0 || ($strict -eq 1 && ${#problems[@]} -ne 0) ]]; then
	exit 1
fi
exit 0
