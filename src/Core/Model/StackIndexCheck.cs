using System.Globalization;
using RustScope.Core.Diagnostics;

namespace RustScope.Core.Model;

/// <summary>
/// The one fact about a session the serializer cannot check: every stack refers to frames that exist. Checked once
/// when a session is read, so no exporter, report or comparison indexes outside <see cref="StackProfile.Frames"/>.
/// </summary>
internal static class StackIndexCheck
{
    /// <exception cref="InputException">A stack names a frame index outside the profile's frames.</exception>
    public static void Validate(ProfileSession session, string sourceName)
    {
        Validate(session.Stacks, "$.stacks", sourceName);
        Validate(session.WaitStacks, "$.wait_stacks", sourceName);
    }

    private static void Validate(StackProfile? profile, string path, string sourceName)
    {
        if (profile is null)
        {
            return;
        }

        var frames = profile.Frames.Count;
        for (var s = 0; s < profile.Samples.Count; s++)
        {
            var stack = profile.Samples[s].Stack;
            for (var f = 0; f < stack.Count; f++)
            {
                if ((uint)stack[f] >= (uint)frames)
                {
                    throw new InputException(new Diagnostic(sourceName, null, null, DiagnosticCodes.SessionInvalid,
                        string.Create(CultureInfo.InvariantCulture, $"frame index {stack[f]} is outside the {frames} frames of {path}.frames"))
                    {
                        JsonPath = string.Create(CultureInfo.InvariantCulture, $"{path}.samples[{s}].stack[{f}]"),
                    });
                }
            }
        }
    }
}
