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

    [Fact]
    public void A_character_device_is_written_through_not_replaced()
    {
        // As root, a rename over /dev/null would replace the device with a regular file for the whole machine.
        AtomicFile.WriteAllText("/dev/null", "discarded");

        Assert.Equal(FileKind.Stream, FileKinds.Of("/dev/null"));
        Assert.Empty(Directory.GetFiles("/dev", ".null.*.tmp"));
    }

    [Fact]
    public async Task A_named_pipe_gets_the_content_and_stays_a_pipe()
    {
        var fifo = Path.Combine(_directory, "pipe");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync();
        }

        var reader = Task.Run(() => File.ReadAllText(fifo));
        AtomicFile.WriteAllText(fifo, "through the pipe");

        Assert.Equal("through the pipe", await reader.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(FileKind.Stream, FileKinds.Of(fifo));
        Assert.Equal([fifo], Directory.GetFileSystemEntries(_directory));
    }

    [Fact]
    public void A_symbolic_link_is_kept_and_the_file_it_points_to_replaced()
    {
        var target = Path.Combine(_directory, "real.json");
        var link = Path.Combine(_directory, "link.json");
        File.WriteAllText(target, "old");
        File.CreateSymbolicLink(link, target);

        AtomicFile.WriteAllText(link, "new");

        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.Equal("new", File.ReadAllText(target));
        Assert.Equal([link, target], Directory.GetFileSystemEntries(_directory).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_directory_is_refused_and_left_as_it_was()
    {
        var directory = Directory.CreateDirectory(Path.Combine(_directory, "reports")).FullName;

        var error = Assert.Throws<IOException>(() => AtomicFile.WriteAllText(directory, "x"));

        Assert.Contains("is not a regular file", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(directory));
        Assert.Equal([directory], Directory.GetFileSystemEntries(_directory));
    }

    [SmallFileSystemFact]
    public void A_full_disk_fails_the_write_and_leaves_neither_a_temporary_file_nor_a_changed_target()
    {
        using var disk = SmallFileSystem.Mount();
        var path = Path.Combine(disk.Directory, "session.json");
        File.WriteAllText(path, "old");

        Assert.ThrowsAny<IOException>(() => AtomicFile.WriteAllBytes(path, new byte[1024 * 1024]));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFileSystemEntries(disk.Directory));
    }
}
