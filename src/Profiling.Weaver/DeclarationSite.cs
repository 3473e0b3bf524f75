using System.Text.RegularExpressions;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace RustScope.Profiling.Weaver;

/// <summary>
/// Where a method without a body (abstract, extern, a P/Invoke) is declared. A PDB holds positions only for code, so
/// this reads the source files the PDB names for the declaring type and finds the method's name there: outside every
/// sequence point (the calls to it are inside some) and apart from the declarations of overloads that have code.
/// </summary>
internal static class DeclarationSite
{
    public static WeaveError? Find(MethodDefinition method, string message)
    {
        var points = method.Module.GetTypes().SelectMany(t => t.Methods)
            .Where(m => m.HasBody && m.DebugInformation.HasSequencePoints)
            .SelectMany(m => m.DebugInformation.SequencePoints.Where(p => !p.IsHidden).Select(p => (Method: m, Point: p)))
            .ToList();
        var documents = DocumentsOf(method.DeclaringType, points);
        if (documents.Count == 0)
        {
            return null;
        }

        var name = method.Name[(method.Name.LastIndexOf('.') + 1)..];
        var call = new Regex($@"\b{Regex.Escape(name)}\s*(<[^<>()]*>\s*)?\(");
        foreach (var document in documents.Where(File.Exists))
        {
            var inDocument = points.Where(p => p.Point.Document.Url == document).ToList();
            var lines = File.ReadAllLines(document);
            var candidates = lines
                .SelectMany((text, index) => call.Matches(text).Cast<Match>().Select(m => (Line: index + 1, Column: m.Index + 1)))
                .Where(at => !inDocument.Any(p => Covers(p.Point, at.Line, at.Column)))
                .ToList();

            // An overload with code is declared just before its first sequence point: that candidate is not this one.
            foreach (var overload in inDocument.Where(p => p.Method.Name == method.Name && p.Method.DeclaringType == method.DeclaringType).GroupBy(p => p.Method))
            {
                var body = overload.Min(p => (p.Point.StartLine, p.Point.StartColumn));
                var declaration = candidates.LastOrDefault(c => (c.Line, c.Column).CompareTo(body) < 0);
                candidates.Remove(declaration);
            }

            if (candidates.Count > 0)
            {
                return new WeaveError(message, document, candidates[0].Line, candidates[0].Column);
            }
        }

        return new WeaveError(message, documents[0], 0, 0);
    }

    /// <summary>
    /// The files the type's code is in; for a type with no code (an interface), the files that declare a type of its
    /// name, else those of the type it is nested in.
    /// </summary>
    private static List<string> DocumentsOf(TypeDefinition type, List<(MethodDefinition Method, SequencePoint Point)> points)
    {
        var own = points.Where(p => p.Method.DeclaringType == type).Select(p => p.Point.Document.Url).Distinct().ToList();
        if (own.Count > 0)
        {
            return own;
        }

        var declaration = new Regex($@"\b(class|struct|interface|record)\s+{Regex.Escape(type.Name.Split('`')[0])}\b");
        var declaring = points.Select(p => p.Point.Document.Url).Distinct()
            .Where(d => File.Exists(d) && declaration.IsMatch(File.ReadAllText(d)))
            .ToList();
        return declaring.Count > 0 || type.DeclaringType is null ? declaring : DocumentsOf(type.DeclaringType, points);
    }

    private static bool Covers(SequencePoint point, int line, int column) =>
        (line, column).CompareTo((point.StartLine, point.StartColumn)) >= 0 && (line, column).CompareTo((point.EndLine, point.EndColumn)) < 0;
}
