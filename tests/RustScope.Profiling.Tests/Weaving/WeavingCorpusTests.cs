using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using RustScope.Cli.Tests.Infrastructure;

namespace RustScope.Profiling.Tests.Weaving;

/// <summary>
/// The shape corpus (tests/fixtures/WeavingCorpus): every shape of method a codebase has, [Profile]d, built woven in
/// Debug and Release and unwoven, run, and the results compared line by line. A weave that produced invalid IL ends the
/// call with an InvalidProgramException, which shows up here as a different result.
/// </summary>
public sealed class WeavingCorpusTests : IClassFixture<WeavingCorpusTests.Builds>
{
    private const string ProfileSection = "--- profile";
    private readonly Builds _builds;

    public WeavingCorpusTests(Builds builds) => _builds = builds;

    [Theory]
    [InlineData("Debug")]
    [InlineData("Release")]
    public async Task Every_shape_woven_returns_what_it_returns_unwoven(string configuration)
    {
        var unwoven = Results(await _builds.UnwovenOutput.Value);
        var woven = Results(await _builds.WovenOutput(configuration));

        Assert.DoesNotContain(woven, line => line.Contains("InvalidProgramException", StringComparison.Ordinal));
        Assert.Equal(unwoven, woven);
        Assert.Contains("WorkerLoopUntilStopped: threw PlannedException(stopped at 4)", woven);
    }

    [Theory]
    [InlineData("Debug")]
    [InlineData("Release")]
    public async Task Every_profiled_method_and_constructor_is_recorded_with_its_calls_and_exceptions(string configuration)
    {
        var profile = Profile(await _builds.WovenOutput(configuration));

        Assert.Equal(ProfiledMembers(_builds.WovenAssembly(configuration)), profile.Count);
        Assert.All(profile.Values, figures => Assert.True(figures.Calls >= 1));
        Assert.Equal((1, 1), profile["WeavingCorpus.Shapes.ExceptionShapes.WorkerLoopUntilStopped"]);
        Assert.Equal((1, 0), profile["WeavingCorpus.Shapes.ExceptionShapes.WorkerLoop"]);
        Assert.Equal((9, 6), profile["WeavingCorpus.Shapes.ExceptionShapes.RecurseAndCatch"]);
        Assert.Equal((2, 1), profile["WeavingCorpus.Shapes.ExceptionShapes.ThrowInFinally"]);
        Assert.Equal((3, 1), profile["WeavingCorpus.Shapes.Describer..ctor"]);
        Assert.Equal((1, 0), profile["WeavingCorpus.Shapes.LoudDescriber..ctor()"]);
        Assert.Equal((2, 1), profile["WeavingCorpus.Shapes.Money.op_Addition"]);
        Assert.Equal((2, 0), profile["WeavingCorpus.Shapes.Registry`1..cctor"]);
        Assert.Equal((2, 0), profile["WeavingCorpus.Shapes.AsyncStreamShapes.Countdown"]);
        Assert.Equal((1, 1), profile["WeavingCorpus.Shapes.AsyncStreamShapes.FailsAfter"]);
        Assert.Equal((1, 1), profile["WeavingCorpus.Shapes.AsyncStreamShapes.Fails"]);
        Assert.Equal((2, 0), profile["WeavingCorpus.Shapes.AsyncStreamShapes.Echo"]);
    }

    private static string[] Results(string output) => [.. output.Split('\n').TakeWhile(line => line != ProfileSection)];

    private static Dictionary<string, (long Calls, long Exceptions)> Profile(string output) =>
        output.Split('\n').SkipWhile(line => line != ProfileSection).Skip(1).Where(line => line.Length > 0).Select(line => line.Split(' '))
            .ToDictionary(
                parts => string.Join(' ', parts[..^2]),
                parts => (long.Parse(parts[^2], CultureInfo.InvariantCulture), long.Parse(parts[^1], CultureInfo.InvariantCulture)));

    /// <summary>Methods and constructors that carry [Profile] (lambdas and local functions too: the attribute stays on them).</summary>
    private static int ProfiledMembers(string assemblyPath)
    {
        var context = new AssemblyLoadContext("corpus", isCollectible: true);
        try
        {
            const BindingFlags declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance;
            return context.LoadFromAssemblyPath(assemblyPath).GetTypes()
                .SelectMany(type => type.GetMethods(declared).Cast<MethodBase>().Concat(type.GetConstructors(declared)))
                .Count(member => member.CustomAttributes.Any(a => a.AttributeType.FullName == "RustScope.Profiling.ProfileAttribute"));
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>The corpus built once per test run: woven in Debug and Release, unwoven (RustScopeWeave=false) in Release.</summary>
    public sealed class Builds : IDisposable
    {
        private readonly TempDirectory _directory = new();
        private readonly Dictionary<string, Lazy<Task<string>>> _wovenOutputs;

        public Builds()
        {
            _wovenOutputs = new[] { "Debug", "Release" }.ToDictionary(c => c, c => new Lazy<Task<string>>(() => BuildAndRunAsync(Corpus("Woven" + c), c)));
            UnwovenOutput = new Lazy<Task<string>>(() => BuildAndRunAsync(Corpus("Unwoven"), "Release", "-p:RustScopeWeave=false"));
        }

        public Lazy<Task<string>> UnwovenOutput { get; }

        public Task<string> WovenOutput(string configuration) => _wovenOutputs[configuration].Value;

        public string WovenAssembly(string configuration) => Corpus("Woven" + configuration).OutputOf(configuration);

        public void Dispose() => _directory.Dispose();

        private static async Task<string> BuildAndRunAsync(WovenProject project, string configuration, params string[] arguments)
        {
            var build = await project.BuildAsync(configuration, ["-c", configuration, .. arguments]);
            Assert.True(build.ExitCode == 0, build.Output);
            var run = await project.RunAsync(new Dictionary<string, string>(), configuration);
            Assert.True(run.ExitCode == 0, run.Output);
            return run.Output;
        }

        /// <summary>A project of the corpus's sources (the same files each time, so each variant is its own folder).</summary>
        private WovenProject Corpus(string variant)
        {
            var corpus = Path.Combine(WovenProject.Repository, "tests", "fixtures", "WeavingCorpus");
            return new WovenProject(_directory.Path, variant, "Exe", new Dictionary<string, string>(), $"""
                <PropertyGroup><AllowUnsafeBlocks>true</AllowUnsafeBlocks></PropertyGroup>
                <ItemGroup><Compile Include="{corpus}/**/*.cs" Exclude="{corpus}/obj/**;{corpus}/bin/**" /></ItemGroup>
                """);
        }
    }
}
