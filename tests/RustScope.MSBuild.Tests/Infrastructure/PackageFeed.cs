using RustScope.Cli.Tests.Infrastructure;
using System.Text.RegularExpressions;

namespace RustScope.MSBuild.Tests.Infrastructure;

/// <summary>
/// The packages <c>./build.sh pack</c> wrote (<c>./build.sh test</c> packs before testing), used the way a user
/// would: from a feed, restored into an empty package folder so no stale copy of the same version is picked up.
/// </summary>
internal static partial class PackageFeed
{
    public static string Directory { get; } = Path.Combine(Repository.Root, "artifacts", "packages");

    /// <summary>The version of the packed RustScope packages.</summary>
    public static string Version { get; } = FindVersion();

    /// <summary>Writes a NuGet.config that restores from the feed first, then from nuget.org.</summary>
    public static void WriteNuGetConfig(string directory) => File.WriteAllText(Path.Combine(directory, "NuGet.config"), $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="rustscope-local" value="{Directory}" />
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
          </packageSources>
        </configuration>
        """);

    /// <summary>The environment of a restore into <paramref name="packagesFolder"/> instead of the user's shared one.</summary>
    public static Dictionary<string, string> IsolatedEnvironment(string packagesFolder) => new()
    {
        ["NUGET_PACKAGES"] = packagesFolder,
        ["MSBUILDDISABLENODEREUSE"] = "1",
    };

    private static string FindVersion()
    {
        var package = System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.EnumerateFiles(Directory, "RustScope.MSBuild.*.nupkg").Select(Path.GetFileName).FirstOrDefault()
            : null;
        return package is not null && VersionPattern().Match(package) is { Success: true } match
            ? match.Groups["version"].Value
            : throw new InvalidOperationException($"no RustScope.MSBuild package in {Directory}: run ./build.sh pack (./build.sh test does) first");
    }

    [GeneratedRegex(@"^RustScope\.MSBuild\.(?<version>\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?)\.nupkg$")]
    private static partial Regex VersionPattern();
}
