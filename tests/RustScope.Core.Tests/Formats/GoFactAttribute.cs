namespace RustScope.Core.Tests.Formats;

/// <summary>
/// A fact that needs <c>go</c> (<c>go tool pprof</c>, the reference reader of pprof files). <c>./build.sh test</c>
/// installs golang-go, so in CI a missing go fails the test; elsewhere it is skipped with the reason.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class GoFactAttribute : FactAttribute
{
    public GoFactAttribute()
    {
        if (Go.Path is null && Environment.GetEnvironmentVariable("CI") is not "true")
        {
            Skip = "go is not installed (./build.sh test installs golang-go)";
        }
    }
}
