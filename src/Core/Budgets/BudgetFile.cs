namespace RustScope.Core.Budgets;

/// <summary>A parsed <c>rustscope.yml</c>: targets, their budgets and thresholds, each with its source location.</summary>
public sealed record BudgetFile
{
    /// <summary>The only version this build reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The file it was read from, as given.</summary>
    public required string Path { get; init; }

    /// <summary>The defaults section.</summary>
    public BudgetDefaults Defaults { get; init; } = new();

    /// <summary>The targets, in file order.</summary>
    public IReadOnlyList<TargetBudget> Targets { get; init; } = [];

    /// <summary>Reads and validates a budget file.</summary>
    /// <exception cref="Diagnostics.InputException">Every problem found, each with file:line:col.</exception>
    public static BudgetFile Load(string path) => BudgetFileParser.Load(path);

    /// <summary>Parses budget YAML; <paramref name="path"/> names it in errors.</summary>
    /// <exception cref="Diagnostics.InputException">Every problem found, each with file:line:col.</exception>
    public static BudgetFile Parse(string yaml, string path) => BudgetFileParser.Parse(yaml, path);
}
