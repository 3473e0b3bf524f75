#!/usr/bin/env bash
# The GitHub Action's gate step (action.yml). Inputs arrive as RS_* environment variables, never interpolated into
# the script, so a branch name or a command cannot inject shell code. Reports go to RS_REPORT_DIR; the step summary
# and annotations come from rustscope itself (--github). Writes exit-code, markdown and junit to $GITHUB_OUTPUT and
# exits 0: the action fails the job in a later step, after the PR comment is posted.
set -uo pipefail

report_dir="${RS_REPORT_DIR:-rustscope-reports}"
mkdir -p "$report_dir/sessions"
runs="${RS_RUNS:-5}"
# Bounds of runs auto; rustscope refuses them with a number of runs.
bounds=()
[[ -n "${RS_MAX_RUNS:-}" ]] && bounds+=(--max-runs "$RS_MAX_RUNS")
[[ -n "${RS_MAX_TIME:-}" ]] && bounds+=(--max-time "$RS_MAX_TIME")
# Budget targets keep their own runs (or the file's defaults.runs) unless the runs input is given.
bench_runs=("${bounds[@]}")
[[ -n "${RS_RUNS:-}" ]] && bench_runs+=(--runs "$RS_RUNS")
warmup="${RS_WARMUP_RUNS:-1}"
fail_on="${RS_FAIL_ON:-Regressed}"
status=0
markdown_files=()
junit_files=()

budget_args=()
if [[ -n "${RS_BUDGET:-}" && -f "$RS_BUDGET" ]]; then
  budget_args=(--budget "$RS_BUDGET")
elif [[ -n "${RS_BUDGET:-}" && "$RS_BUDGET" != "rustscope.yml" ]]; then
  echo "::error::budget file '$RS_BUDGET' not found"
  exit 2
fi

# Keeps the worst outcome: 2 (input error) over 1 (gate failed) over 0.
record() {
  local code=$1
  if ((code == 2 || (code == 1 && status != 2) || (code > 2 && status == 0))); then status=$code; fi
}

# compare NAME HEAD_SESSION BASELINE_SESSION: judges one target, or checks its budget when there is no baseline.
judge() {
  local name=$1 head=$2 baseline=$3
  local reports=(--github --fail-on "$fail_on" --markdown "$report_dir/$name.md" --junit "$report_dir/$name.junit.xml")
  if [[ -n "$baseline" && -f "$baseline" ]]; then
    rustscope compare "$baseline" "$head" "${budget_args[@]}" "${reports[@]}"
  else
    [[ -n "$baseline" ]] && echo "::warning::no baseline at $baseline for '$name': only absolute budgets are checked"
    rustscope check "$head" "${budget_args[@]}" "${reports[@]}"
  fi
  record $?
  markdown_files+=("$report_dir/$name.md")
  junit_files+=("$report_dir/$name.junit.xml")
}

if [[ -n "${RS_BASE_COMMAND:-}" || -n "${RS_GIT_BASE:-}" ]]; then
  # Same-runner A/B: base and head interleaved on this machine, so the baseline never comes from other hardware.
  # git-base builds the merge-base in a worktree (with the build input) and runs command in both trees.
  [[ -n "${RS_COMMAND:-}" ]] || { echo "::error::base-command and git-base need command (the head side)"; exit 2; }
  if [[ -n "${RS_GIT_BASE:-}" ]]; then
    sides=(--git-base "$RS_GIT_BASE" --cmd "$RS_COMMAND")
    [[ -n "${RS_BUILD:-}" ]] && sides+=(--build "$RS_BUILD")
  else
    sides=(--base-cmd "$RS_BASE_COMMAND" --head-cmd "$RS_COMMAND")
  fi
  # ab compares itself: one call, the same reports and exit code as compare.
  name="${RS_NAME:-ab}"
  rustscope ab "${sides[@]}" --runs "$runs" "${bounds[@]}" --warmup-runs "$warmup" -o "$report_dir/sessions" "${budget_args[@]}" \
    --github --fail-on "$fail_on" --markdown "$report_dir/$name.md" --junit "$report_dir/$name.junit.xml"
  record $?
  markdown_files+=("$report_dir/$name.md")
  junit_files+=("$report_dir/$name.junit.xml")
elif [[ -n "${RS_COMMAND:-}" ]]; then
  name="${RS_NAME:-target}"
  baseline_args=()
  [[ -n "${RS_BASELINE:-}" ]] && baseline_args=(--baseline "$RS_BASELINE")
  rustscope gate --name "$name" --command "$RS_COMMAND" --runs "$runs" "${bounds[@]}" --warmup-runs "$warmup" \
    --session "$report_dir/sessions/$name.json" "${baseline_args[@]}" "${budget_args[@]}" \
    --github --fail-on "$fail_on" --markdown "$report_dir/$name.md" --junit "$report_dir/$name.junit.xml"
  record $?
  markdown_files+=("$report_dir/$name.md")
  junit_files+=("$report_dir/$name.junit.xml")
else
  # Targets of the budget file, each run with its own command; baselines as BASELINE_DIR/TARGET.json.
  ((${#budget_args[@]})) || { echo "::error::give command, base-command, or a budget file whose targets to run"; exit 2; }
  read -r -a targets <<<"${RS_TARGETS:-}"
  if ((${#targets[@]} == 0)); then
    rustscope bench "${budget_args[@]}" "${bench_runs[@]}" --warmup-runs "$warmup" -o "$report_dir/sessions"
    record $?
  else
    for target in "${targets[@]}"; do
      rustscope bench "${budget_args[@]}" "${bench_runs[@]}" --target "$target" --warmup-runs "$warmup" -o "$report_dir/sessions"
      record $?
    done
  fi
  for session in "$report_dir"/sessions/*.json; do
    [[ -f "$session" ]] || continue
    name="$(basename "$session" .json)"
    judge "$name" "$session" "${RS_BASELINE_DIR:+$RS_BASELINE_DIR/$name.json}"
  done
fi

# One comment body for all targets, with the hidden marker once, at the end.
markdown="$report_dir/rustscope.md"
: >"$markdown"
for file in "${markdown_files[@]}"; do
  [[ -f "$file" ]] && grep -vxF '<!-- rustscope -->' "$file" >>"$markdown"
done
if [[ -s "$markdown" ]]; then
  printf '\n<!-- rustscope -->\n' >>"$markdown"
else
  rm -f "$markdown"
  markdown=""
fi

{
  echo "exit-code=$status"
  echo "markdown=$markdown"
  echo "junit=$(IFS=' '; echo "${junit_files[*]}")"
} >>"${GITHUB_OUTPUT:-/dev/null}"
echo "rustscope: gate finished with exit code $status"
exit 0
