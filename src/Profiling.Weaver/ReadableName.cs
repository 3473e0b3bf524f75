using System.Globalization;
using System.Text.RegularExpressions;
using Mono.Cecil;

namespace RustScope.Profiling.Weaver;

/// <summary>
/// A method's name as its source reads. The C# compiler's names for lambdas (<c>&lt;Main&gt;b__0_0</c>, in a closure
/// class), local functions (<c>&lt;Run&gt;g__Local|1_0</c>) and top-level statements (<c>&lt;Main&gt;$</c>) become
/// <c>Program.Main.lambda#1</c>, <c>Svc.Run.Local</c> and <c>Program.Main</c>, under the type the source declares
/// them in (Roslyn's GeneratedNames: <c>&lt;containing member&gt;</c>, a kind letter, <c>__</c>, ordinals).
/// </summary>
internal static class ReadableName
{
    private const string Lambda = "b__";
    private const string LocalFunction = "g__";

    public static string Of(MethodDefinition method)
    {
        // Closure classes (<>c, <>c__DisplayClass0_0) are the compiler's: their methods belong to the type around them.
        var type = method.DeclaringType;
        while (IsGenerated(type.Name) && type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        var member = Member(method.Name) ?? method.Name;
        if (IsLambda(method.Name))
        {
            // Numbered in source order among the lambdas of the same member (its overloads included, so they differ).
            var siblings = GeneratedMethods(type).Where(m => IsLambda(m.Name) && Member(m.Name) == member).OrderBy(Ordinals).ToList();
            member = $"{member}#{siblings.IndexOf(method) + 1}";
        }

        return $"{type.FullName.Replace('/', '.')}.{member}";
    }

    private static bool IsGenerated(string name) => name.Length > 0 && name[0] == '<';

    private static bool IsLambda(string name) => Split(name) is { } parts && parts.Suffix.StartsWith(Lambda, StringComparison.Ordinal);

    /// <summary>The readable member a generated name stands for, or null when the name is not one of the above.</summary>
    private static string? Member(string name)
    {
        if (Split(name) is not { } parts)
        {
            return null;
        }

        var outer = Member(parts.Outer) ?? parts.Outer;
        if (parts.Suffix == "$")
        {
            return outer;
        }

        if (parts.Suffix.StartsWith(LocalFunction, StringComparison.Ordinal))
        {
            var local = parts.Suffix[LocalFunction.Length..];
            return $"{outer}.{local.Split('|')[0]}";
        }

        return parts.Suffix.StartsWith(Lambda, StringComparison.Ordinal) ? $"{outer}.lambda" : null;
    }

    /// <summary><c>&lt;outer&gt;suffix</c>, the outer part itself possibly generated (<c>&lt;&lt;Main&gt;$&gt;b__0_0</c>).</summary>
    private static (string Outer, string Suffix)? Split(string name)
    {
        if (!IsGenerated(name))
        {
            return null;
        }

        var depth = 0;
        for (var i = 0; i < name.Length; i++)
        {
            depth += name[i] switch { '<' => 1, '>' => -1, _ => 0 };
            if (depth == 0)
            {
                return (name[1..i], name[(i + 1)..]);
            }
        }

        return null;
    }

    /// <summary>
    /// (method ordinal, lambda ordinal) of <c>&lt;&gt;c.&lt;M&gt;b__2_1</c>, or of <c>&lt;&gt;c__DisplayClass2_0.&lt;M&gt;b__1</c>
    /// (a lambda that captures), whose class carries the method's ordinal.
    /// </summary>
    private static (int Method, int Lambda) Ordinals(MethodDefinition lambda)
    {
        var own = Numbers(Split(lambda.Name)!.Value.Suffix[Lambda.Length..]);
        return own.Count > 1 ? (own[0], own[1]) : (Numbers(lambda.DeclaringType.Name).FirstOrDefault(), own.FirstOrDefault());
    }

    private static List<int> Numbers(string text) =>
        [.. Regex.Matches(text, "[0-9]+").Cast<Match>().Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture))];

    private static IEnumerable<MethodDefinition> GeneratedMethods(TypeDefinition type) =>
        type.Methods.Concat(type.NestedTypes.Where(t => IsGenerated(t.Name)).SelectMany(GeneratedMethods));
}
