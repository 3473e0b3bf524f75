#!/usr/bin/env bash
# Sums JUnit result files into one line "N passed, N failed, N skipped"; exits 1 on any failure or no results.
set -euo pipefail
dir="${1:?usage: junit-summary.sh RESULTS_DIR}"
python3 - "$dir" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
total = failed = skipped = 0
files = sorted(glob.glob(f"{sys.argv[1]}/*.xml"))
for path in files:
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else root.iter("testsuite")
    for suite in suites:
        total += int(suite.get("tests", 0))
        failed += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        skipped += int(suite.get("skipped", 0))
passed = total - failed - skipped
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or not files else 0)
PY
