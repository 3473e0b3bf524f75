using System.Xml.Linq;

namespace RustScope.Cli.Tests.Infrastructure;

/// <summary>
/// Small real .NET projects written into a test's directory: a solution of four projects that reference each other, and
/// an xunit project whose test spins in <c>SpinHot</c>. Packages come from the machine's NuGet cache only, so a restore
/// needs no network.
/// </summary>
internal static class GeneratedSolution
{
    /// <summary>Writes libraries A, B and C (B and C reference A) and the app D (referencing B and C); returns D's project.</summary>
    public static string Write(string directory)
    {
        WriteNuGetConfig(directory);
        foreach (var library in new[] { "A", "B", "C" })
        {
            var references = library == "A" ? [] : new[] { "A" };
            WriteProject(directory, library, "Library", references, $"namespace {library};\npublic static class Lib{library}\n{{\n    public static int Value(int x) => (x * 2) + 1;\n}}\n");
        }

        return WriteProject(directory, "D", "Exe", ["B", "C"], "System.Console.WriteLine(B.LibB.Value(1) + C.LibC.Value(2) + A.LibA.Value(3));\n");
    }

    /// <summary>Writes an xunit project whose one test spins for two seconds in <c>Hot.SpinHot</c>; returns the project.</summary>
    public static string WriteTestProject(string directory)
    {
        WriteNuGetConfig(directory);
        var project = Path.Combine(directory, "HotTests", "HotTests.csproj");
        Directory.CreateDirectory(Path.GetDirectoryName(project)!);
        var versions = PackageVersions();
        new XElement(
            "Project",
            new XAttribute("Sdk", "Microsoft.NET.Sdk"),
            new XElement("PropertyGroup", new XElement("TargetFramework", "net10.0"), new XElement("IsPackable", "false")),
            new XElement(
                "ItemGroup",
                new[] { "Microsoft.NET.Test.Sdk", "xunit", "xunit.runner.visualstudio" }
                    .Select(package => new XElement("PackageReference", new XAttribute("Include", package), new XAttribute("Version", versions[package])))))
            .Save(project);
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(project)!, "HotTests.cs"), """
            using System.Diagnostics;
            using System.Runtime.CompilerServices;
            using Xunit;

            public class HotTests
            {
                [Fact]
                public void Spins() => Assert.True(Hot.SpinHot(2) > 0);
            }

            public static class Hot
            {
                [MethodImpl(MethodImplOptions.NoInlining)]
                public static double SpinHot(double seconds)
                {
                    var clock = Stopwatch.StartNew();
                    var sum = 0.0;
                    while (clock.Elapsed.TotalSeconds < seconds)
                    {
                        for (var i = 0; i < 100_000; i++)
                        {
                            sum += System.Math.Sqrt(i);
                        }
                    }

                    return sum;
                }
            }
            """);
        return project;
    }

    private static string WriteProject(string directory, string name, string outputType, IReadOnlyList<string> references, string code)
    {
        var project = Path.Combine(directory, name, $"{name}.csproj");
        Directory.CreateDirectory(Path.GetDirectoryName(project)!);
        new XElement(
            "Project",
            new XAttribute("Sdk", "Microsoft.NET.Sdk"),
            new XElement("PropertyGroup", new XElement("TargetFramework", "net10.0"), new XElement("OutputType", outputType)),
            new XElement("ItemGroup", references.Select(reference => new XElement("ProjectReference", new XAttribute("Include", $"../{reference}/{reference}.csproj")))))
            .Save(project);
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(project)!, outputType == "Exe" ? "Program.cs" : "Lib.cs"), code);
        return project;
    }

    /// <summary>The machine's package cache as the only source.</summary>
    private static void WriteNuGetConfig(string directory)
    {
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        new XElement("configuration", new XElement("packageSources", new XElement("clear"), new XElement("add", new XAttribute("key", "cache"), new XAttribute("value", cache))))
            .Save(Path.Combine(directory, "nuget.config"));
    }

    /// <summary>The test packages' versions this repository uses (so they are in the cache).</summary>
    private static Dictionary<string, string> PackageVersions() =>
        XDocument.Load(Path.Combine(Repository.Root, "Directory.Packages.props"))
            .Descendants("PackageVersion")
            .ToDictionary(p => (string)p.Attribute("Include")!, p => (string)p.Attribute("Version")!, StringComparer.Ordinal);
}
