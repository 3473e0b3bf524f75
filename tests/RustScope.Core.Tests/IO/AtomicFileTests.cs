using RustScope.Core.IO;

namespace RustScope.Core.Tests.IO;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("rustscope-atomic-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Replaces_the_target_and_leaves_no_temp_file()
    {
        var path = Path.Combine(_directory, "out.json");
        File.WriteAllText(path, "old");

        AtomicFile.WriteAllText(path, "new");

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_directory));
    }

    [Fact]
    public void An_abandoned_write_keeps_the_old_content()
    {
        var path = Path.Combine(_directory, "out.json");
        File.WriteAllText(path, "old");

        using (var writer = AtomicFile.Begin(path))
        {
            writer.Stream.Write("half a docu"u8);
        }

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_directory));
    }

    [Fact]
    public void Creates_missing_directories()
    {
        var path = Path.Combine(_directory, "a", "b", "out.txt");

        AtomicFile.WriteAllText(path, "x");

        Assert.Equal("x", File.ReadAllText(path));
    }
}
