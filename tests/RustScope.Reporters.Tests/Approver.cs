using System.Text;

namespace RustScope.Reporters.Tests;

/// <summary>
/// Approval testing without a library: output is compared with <c>Approved/NAME.approved.EXT</c>; a mismatch writes
/// <c>NAME.received.EXT</c> beside it and fails with the differing lines. <c>RUSTSCOPE_APPROVE=1</c> accepts the output.
/// </summary>
internal static class Approver
{
    // The test project's folder, found from the build output (bin/<configuration>/<framework>/). Not the caller's
    // file path: CI builds are deterministic and map source paths to "/_/".
    private static readonly string ProjectDirectory = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", ".."));

    public static void Verify(string actual, string name, string extension)
    {
        var directory = Path.Combine(ProjectDirectory, "Approved");
        var approvedPath = Path.Combine(directory, $"{name}.approved.{extension}");
        var receivedPath = Path.Combine(directory, $"{name}.received.{extension}");
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("RUSTSCOPE_APPROVE") == "1")
        {
            File.WriteAllText(approvedPath, actual);
            File.Delete(receivedPath);
            return;
        }

        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : null;
        if (approved == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        Assert.Fail(approved is null
            ? $"No approved file {approvedPath}; review {receivedPath} and run with RUSTSCOPE_APPROVE=1 to accept it."
            : $"{name}.{extension} differs from the approved output (received: {receivedPath}):\n{Diff(approved, actual)}");
    }

    private static string Diff(string approved, string actual)
    {
        var expected = approved.Split('\n');
        var received = actual.Split('\n');
        var diff = new StringBuilder();
        for (var i = 0; i < Math.Max(expected.Length, received.Length) && diff.Length < 4000; i++)
        {
            var e = i < expected.Length ? expected[i] : "<end>";
            var r = i < received.Length ? received[i] : "<end>";
            if (e != r)
            {
                diff.Append(System.Globalization.CultureInfo.InvariantCulture, $"line {i + 1}:\n- {e}\n+ {r}\n");
            }
        }

        return diff.ToString();
    }
}
