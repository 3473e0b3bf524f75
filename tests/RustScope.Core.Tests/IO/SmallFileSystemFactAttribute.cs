namespace RustScope.Core.Tests.IO;

/// <summary>
/// A fact that fills a real disk (<see cref="SmallFileSystem"/>). CI runs as root, so there a failed mount fails the
/// test; elsewhere it is skipped with the reason.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SmallFileSystemFactAttribute : FactAttribute
{
    public SmallFileSystemFactAttribute()
    {
        if (SmallFileSystem.UnusableReason is { } reason && Environment.GetEnvironmentVariable("CI") is not "true")
        {
            Skip = $"no tmpfs can be mounted here ({reason})";
        }
    }
}
