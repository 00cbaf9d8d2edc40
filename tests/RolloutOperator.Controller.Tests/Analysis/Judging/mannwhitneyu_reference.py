# Regenerates mannwhitneyu-reference.json: the reference values the judge's Mann-Whitney U test must reproduce.
# Run: /usr/bin/python3 mannwhitneyu_reference.py > mannwhitneyu-reference.json   (SciPy 1.10.1, Debian package python3-scipy)
import json
import scipy
from scipy.stats import mannwhitneyu

CASES = {
    "distinct values, canary higher": ([0.21, 0.25, 0.19, 0.3, 0.27, 0.22, 0.24, 0.26], [0.1, 0.12, 0.15, 0.11, 0.14, 0.13, 0.09, 0.16]),
    "overlapping, no clear difference": ([1.1, 2.3, 0.7, 1.9, 1.4, 2.8, 0.9, 1.6, 2.0, 1.2], [1.3, 2.1, 0.8, 1.7, 1.5, 2.6, 1.0, 1.8, 2.2, 1.1]),
    "ties within and across samples": ([1, 2, 2, 3, 3, 3, 4, 5], [2, 3, 3, 4, 4, 4, 5, 5, 6]),
    "heavy ties (error counts)": ([0, 0, 0, 1, 0, 0, 2, 0, 0, 1, 0, 0], [0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0]),
    "canary lower, unequal sizes": ([5.0, 6.1, 4.8, 5.5, 5.2], [7.3, 6.9, 8.1, 7.7, 6.5, 7.0, 8.4]),
    "identical samples": ([3, 1, 4, 1, 5, 9, 2, 6], [3, 1, 4, 1, 5, 9, 2, 6]),
    "all values equal": ([7, 7, 7, 7], [7, 7, 7]),
    "large effect, 40 samples each": ([0.01 * i + 0.5 for i in range(40)], [0.01 * i + 0.2 for i in range(40)]),
}

out = {
    "source": f"scipy {scipy.__version__}: scipy.stats.mannwhitneyu(canary, control, alternative='two-sided', method='asymptotic', use_continuity=True)",
    "cases": [],
}
for name, (x, y) in CASES.items():
    r = mannwhitneyu(x, y, alternative="two-sided", method="asymptotic", use_continuity=True)
    out["cases"].append({"name": name, "canary": x, "control": y, "u": float(r.statistic), "pValue": float(r.pvalue)})
print(json.dumps(out, indent=2))
