using System.Text;
using Microsoft.AspNetCore.Http;
using RustScope.Core.Formats;
using RustScope.Core.Model;

namespace RustScope.Profiling.Endpoint.Http;

/// <summary>Writes a profile in the format the request names with <c>?format=</c>: pprof (default), collapsed or session.</summary>
internal static class ProfileResponse
{
    /// <summary>The format asked for, or null (and a 400 written) when it is not one the routes serve.</summary>
    public static async Task<ProfileFormat?> FormatAsync(HttpContext context)
    {
        var name = context.Request.Query["format"].ToString();
        var format = name.Length == 0 ? ProfileFormat.Pprof : ProfileWriter.FromName(name);
        if (format is ProfileFormat.Pprof or ProfileFormat.Collapsed or ProfileFormat.Session)
        {
            return format;
        }

        await Plain.WriteAsync(context, StatusCodes.Status400BadRequest, $"format must be pprof, collapsed or session, not '{name}'").ConfigureAwait(false);
        return null;
    }

    public static Task WriteAsync(HttpContext context, ProfileSession session, ProfileFormat format, string name)
    {
        var (bytes, type, file) = format switch
        {
            ProfileFormat.Session => (SessionJson.Serialize(session), "application/json", $"{name}.json"),
            ProfileFormat.Collapsed => (Encoding.UTF8.GetBytes(HasStacks(session) ? CollapsedStacks.Write(session.Stacks!) : ""), "text/plain; charset=utf-8", $"{name}.folded"),
            _ => (HasStacks(session) || session.Allocations.Count > 0
                ? ProfileWriter.Write(session, ProfileFormat.Pprof, name)
                : PprofFormat.Write(new StackProfile { Frames = [], Samples = [] }, session.Meta.StartTs, session.Summary.DurationS), "application/octet-stream", $"{name}.pb.gz"),
        };
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = type;
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{file}\"";
        if (session.Warnings.Count > 0)
        {
            // Warnings travel with every format, the ones that have no room for them too.
            context.Response.Headers["X-RustScope-Warning"] = new string([.. string.Join("; ", session.Warnings).Select(static c => c is >= ' ' and <= '~' ? c : '?')]);
        }

        context.Response.ContentLength = bytes.Length;
        return context.Response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }

    private static bool HasStacks(ProfileSession session) => session.Stacks is { Samples.Count: > 0 };
}
