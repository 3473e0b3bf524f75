#!/usr/bin/env bash
# The GitHub Action's gate step (action.yml): the action's inputs become one rustscope call. Inputs arrive as RS_*
# environment variables, never interpolated into the script, so a branch name or a command cannot inject shell code.
# rustscope judges, warns about a missing baseline, writes the reports (one Markdown comment, one JUnit file) and the
# annotations and step summary (--github), and the offline HTML report (--html). This script writes exit-code, markdown,
# junit and html to $GITHUB_OUTPUT and exits 0: the action fails the job in a later step, after the PR comment is posted.
set -uo pipefail

report_dir="${RS_REPORT_DIR:-rustscope-reports}"
mkdir -p "$report_dir/sessions"
markdown="$report_dir/rustscope.md"
html="$report_dir/rustscope.html"
args=(--warmup-runs "${RS_WARMUP_RUNS:-1}" --github --fail-on "${RS_FAIL_ON:-Regressed}" --markdown "$markdown" --html "$html")
[[ -n "${RS_MAX_RUNS:-}" ]] && args+=(--max-runs "$RS_MAX_RUNS")
[[ -n "${RS_MAX_TIME:-}" ]] && args+=(--max-time "$RS_MAX_TIME")
# The default budget file is optional; one named on purpose must exist, which rustscope checks.
if [[ -n "${RS_BUDGET:-}" && (-f "$RS_BUDGET" || "$RS_BUDGET" != "rustscope.yml") ]]; then
  args+=(--budget "$RS_BUDGET")
fi

# The history: baselines from the store's main-branch runs; a run on main pushes its sessions and rustscope prints
# ::warning for a change point the push reveals. The store goes by environment, so a postgres:// password stays off
# the command line.
history=()
if [[ "${RS_BASELINE_FROM:-}" == history ]]; then
  history=(--baseline-from history)
  [[ -n "${RS_MAIN_BRANCH:-}" ]] && history+=(--main-branch "$RS_MAIN_BRANCH")
  [[ -n "${RS_STORE:-}" ]] && export RUSTSCOPE_HISTORY="$RS_STORE"
fi

if [[ -n "${RS_BASE_COMMAND:-}" || -n "${RS_GIT_BASE:-}" ]]; then
  # Same-runner A/B: base and head interleaved on this machine, so the baseline never comes from other hardware.
  # git-base builds the merge-base in a worktree (with the build input) and runs command in both trees.
  junit="$report_dir/${RS_NAME:-ab}.junit.xml"
  if [[ -n "${RS_GIT_BASE:-}" ]]; then
    args+=(--git-base "$RS_GIT_BASE" --cmd "${RS_COMMAND:-}")
    [[ -n "${RS_BUILD:-}" ]] && args+=(--build "$RS_BUILD")
  else
    args+=(--base-cmd "$RS_BASE_COMMAND" --head-cmd "${RS_COMMAND:-}")
  fi
  rustscope ab "${args[@]}" --runs "${RS_RUNS:-5}" -o "$report_dir/sessions" --junit "$junit"
elif [[ -n "${RS_COMMAND:-}" ]]; then
  name="${RS_NAME:-target}"
  junit="$report_dir/$name.junit.xml"
  [[ -n "${RS_BASELINE:-}" ]] && args+=(--baseline "$RS_BASELINE")
  rustscope gate "${args[@]}" "${history[@]}" --name "$name" --command "$RS_COMMAND" --runs "${RS_RUNS:-5}" --session "$report_dir/sessions/$name.json" --junit "$junit"
else
  # Every target of the budget file (or those named), each with its own command and runs, judged together.
  junit="$report_dir/rustscope.junit.xml"
  read -r -a targets <<<"${RS_TARGETS:-}"
  for target in "${targets[@]}"; do args+=(--target "$target"); done
  # Targets keep their own runs (or the file's defaults.runs) unless the runs input is given.
  [[ -n "${RS_RUNS:-}" ]] && args+=(--runs "$RS_RUNS")
  [[ -n "${RS_BASELINE_DIR:-}" ]] && args+=(--baseline-dir "$RS_BASELINE_DIR")
  rustscope gate "${args[@]}" "${history[@]}" --output-dir "$report_dir/sessions" --junit "$junit"
fi
status=$?

[[ -f "$markdown" ]] || markdown=""
[[ -f "$junit" ]] || junit=""
[[ -f "$html" ]] || html=""
{
  echo "exit-code=$status"
  echo "markdown=$markdown"
  echo "junit=$junit"
  echo "html=$html"
} >>"${GITHUB_OUTPUT:-/dev/null}"
echo "rustscope: gate finished with exit code $status"
exit 0
