namespace RustScope.Viewer.Tests.Infrastructure;

/// <summary>Where screenshots go: artifacts/test-results/screenshots/ of the repository, beside the JUnit results.</summary>
internal static class Screenshots
{
    public static string Directory { get; } = Create();

    private static string Create()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "RustScope.sln")))
        {
            root = root.Parent;
        }

        var directory = Path.Combine(root?.FullName ?? Path.GetTempPath(), "artifacts", "test-results", "screenshots");
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }
}
