using RustScope.Core.Diagnostics;
using RustScope.Core.Statistics;

namespace RustScope.Core.Comparison;

/// <summary>What applies to one metric after defaults, target, pattern and metric rules are layered.</summary>
/// <param name="Threshold">The regression threshold, in the metric's unit.</param>
/// <param name="Budget">The absolute budget in the metric's unit, or null.</param>
/// <param name="LowerIsBetter">Direction of the metric.</param>
/// <param name="Location">Where the budget or threshold that applies is written.</param>
/// <param name="Explicit">True when the budget file writes a rule for this metric or a direction for its group.</param>
internal sealed record ResolvedRule(RegressionThreshold Threshold, double? Budget, bool LowerIsBetter, SourceLocation? Location, bool Explicit);
