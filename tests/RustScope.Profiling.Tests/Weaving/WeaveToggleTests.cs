using RustScope.Cli.Tests.Infrastructure;

namespace RustScope.Profiling.Tests.Weaving;

/// <summary>
/// <c>-p:RustScopeWeave=false</c> on an incremental build leaves the output unwoven, turning it back on weaves again,
/// and an incremental build without changes neither weaves nor compiles anything.
/// </summary>
public sealed class WeaveToggleTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task The_weave_setting_holds_on_incremental_builds_and_an_unchanged_build_stays_incremental()
    {
        var library = new WovenProject(_directory.Path, "Pricing", "Library", new Dictionary<string, string>
        {
            ["Tariff.cs"] = """
                namespace Pricing;

                public static class Tariff
                {
                    [RustScope.Profiling.Profile]
                    public static long Price(int order) => (long)order * order + 1;
                }
                """,
        });
        var app = new WovenProject(_directory.Path, "Shop", "Exe", new Dictionary<string, string> { ["Program.cs"] = "Console.WriteLine(Pricing.Tariff.Price(3));" },
            """<ItemGroup><ProjectReference Include="../Pricing/Pricing.csproj" /></ItemGroup>""");
        var shipped = Path.Combine(Path.GetDirectoryName(app.Output)!, "Pricing.dll");

        await BuildAsync(app, "woven");
        Assert.True(WovenProject.IsWoven(shipped));
        var woven = Times(library, app);

        var (_, unchanged) = await BuildAsync(app, "unchanged");
        Assert.Equal(woven, Times(library, app));
        Assert.Contains("Skipping target \"RustScopeWeaveProfiledMethods\" because all output files are up-to-date", unchanged, StringComparison.Ordinal);
        Assert.Contains("Skipping target \"CoreCompile\" because all output files are up-to-date", unchanged, StringComparison.Ordinal);

        await BuildAsync(app, "off", "-p:RustScopeWeave=false");
        Assert.False(WovenProject.IsWoven(shipped), "RustScopeWeave=false still shipped the woven assembly");
        Assert.False(WovenProject.IsWoven(library.Output));

        await BuildAsync(app, "on-again");
        Assert.True(WovenProject.IsWoven(shipped), "turning weaving back on did not weave");
        Assert.True(WovenProject.IsWoven(library.Output));

        var (ran, output) = await app.RunAsync(new Dictionary<string, string>());
        Assert.True(ran == 0, output);
        Assert.Equal("10", output.Trim());
    }

    private static async Task<(int ExitCode, string Output)> BuildAsync(WovenProject project, string step, params string[] arguments)
    {
        var build = await project.BuildAsync(step, arguments);
        Assert.True(build.ExitCode == 0, build.Output);
        return build;
    }

    // When each project's compiled (and woven) assembly was last written: a rebuild or a re-weave moves one.
    private static DateTime[] Times(params WovenProject[] projects) => [.. projects.SelectMany(p => new[] { p.Intermediate, p.Output }).Select(File.GetLastWriteTimeUtc)];
}
