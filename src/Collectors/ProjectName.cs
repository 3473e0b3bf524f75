namespace RustScope.Collectors;

/// <summary>The default project name of a session: the program's name, or the app's for <c>dotnet app.dll</c>.</summary>
internal static class ProjectName
{
    public static string For(string binary, IReadOnlyList<string> arguments)
    {
        var program = Path.GetFileNameWithoutExtension(binary);

        // Every .NET app run through the host would otherwise be called "dotnet", and their sessions would mix.
        return program == "dotnet" && arguments.Count > 0 && arguments[0].EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? Path.GetFileNameWithoutExtension(arguments[0])
            : program;
    }
}
