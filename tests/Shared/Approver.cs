using System.Text;

namespace RustScope.Tests.Shared;

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

    // A line diff over the longest common subsequence, so one inserted line is one "+" and not every later line.
    internal static string Diff(string approved, string actual)
    {
        var expected = approved.Split('\n');
        var received = actual.Split('\n');
        var common = new int[expected.Length + 1, received.Length + 1];
        for (var i = expected.Length - 1; i >= 0; i--)
        {
            for (var j = received.Length - 1; j >= 0; j--)
            {
                common[i, j] = expected[i] == received[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var diff = new StringBuilder();
        var (e, r) = (0, 0);
        while ((e < expected.Length || r < received.Length) && diff.Length < 4000)
        {
            if (e < expected.Length && r < received.Length && expected[e] == received[r])
            {
                (e, r) = (e + 1, r + 1);
            }
            else if (r < received.Length && (e == expected.Length || common[e, r + 1] >= common[e + 1, r]))
            {
                diff.Append(System.Globalization.CultureInfo.InvariantCulture, $"line {r + 1}: + {received[r++]}\n");
            }
            else
            {
                diff.Append(System.Globalization.CultureInfo.InvariantCulture, $"line {e + 1} of the approved file: - {expected[e++]}\n");
            }
        }

        return diff.ToString();
    }
}
