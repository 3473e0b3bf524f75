using System.Globalization;
using Microsoft.AspNetCore.Http;
using RustScope.Profiling.Endpoint.EventPipe;

namespace RustScope.Profiling.Endpoint.Http;

/// <summary>The handlers behind the routes, over the process's one <see cref="ProcessProfiler"/>.</summary>
internal sealed class ProfilingRoutes(ProcessProfiler profiler, RustScopeEndpointOptions options)
{
    private const int DefaultSeconds = 30;

    /// <summary><c>GET profile?seconds=N</c>: a CPU profile of the next N seconds.</summary>
    public async Task ProfileAsync(HttpContext context)
    {
        if (await ProfileResponse.FormatAsync(context).ConfigureAwait(false) is not { } format || await SecondsAsync(context).ConfigureAwait(false) is not { } seconds)
        {
            return;
        }

        try
        {
            // RequestAborted fires when the client goes away: the profile ends there instead of running on for nobody.
            if (await profiler.Cpu.ProfileAsync(TimeSpan.FromSeconds(seconds), context.RequestAborted).ConfigureAwait(false) is not { } session)
            {
                await Plain.WriteAsync(context, StatusCodes.Status409Conflict, "a CPU profile is already being taken in this process; try again when it ends").ConfigureAwait(false);
                return;
            }

            if (!context.RequestAborted.IsCancellationRequested)
            {
                await ProfileResponse.WriteAsync(context, session, format, "profile").ConfigureAwait(false);
            }
        }
        catch (ProfilingUnavailableException e)
        {
            await Plain.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, e.Message).ConfigureAwait(false);
        }
    }

    /// <summary><c>GET allocs</c>: the allocation sites sampled since sampling was switched on.</summary>
    public async Task AllocsAsync(HttpContext context)
    {
        if (await ProfileResponse.FormatAsync(context).ConfigureAwait(false) is not { } format)
        {
            return;
        }

        var session = await profiler.Allocations.SnapshotAsync(options.RoutePrefix).ConfigureAwait(false);
        await ProfileResponse.WriteAsync(context, session, format, "allocs").ConfigureAwait(false);
    }

    /// <summary><c>GET heap</c>: the live objects by type, after a full GC.</summary>
    public async Task HeapAsync(HttpContext context)
    {
        if (await ProfileResponse.FormatAsync(context).ConfigureAwait(false) is not { } format)
        {
            return;
        }

        try
        {
            if (await profiler.Heap.TakeAsync(context.RequestAborted).ConfigureAwait(false) is not { } session)
            {
                await Plain.WriteAsync(context, StatusCodes.Status409Conflict, "a heap walk is already running in this process; try again when it ends").ConfigureAwait(false);
                return;
            }

            await ProfileResponse.WriteAsync(context, session, format, "heap").ConfigureAwait(false);
        }
        catch (ProfilingUnavailableException e)
        {
            await Plain.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, e.Message).ConfigureAwait(false);
        }
    }

    /// <summary><c>GET conf</c>: whether allocation sampling is on.</summary>
    public Task ConfAsync(HttpContext context) => Plain.WriteAsync(context, StatusCodes.Status200OK, Conf());

    /// <summary><c>POST conf?prof.active:true|false</c>: switches allocation sampling.</summary>
    public async Task SetConfAsync(HttpContext context)
    {
        if (ProfActive(context.Request.Query) is not { } active)
        {
            await Plain.WriteAsync(context, StatusCodes.Status400BadRequest, "expected prof.active:true or prof.active:false in the query").ConfigureAwait(false);
            return;
        }

        try
        {
            await profiler.Allocations.SetActiveAsync(active).ConfigureAwait(false);
            await Plain.WriteAsync(context, StatusCodes.Status200OK, Conf()).ConfigureAwait(false);
        }
        catch (ProfilingUnavailableException e)
        {
            await Plain.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, e.Message).ConfigureAwait(false);
        }
    }

    private string Conf() => profiler.Allocations.Unavailable is { } reason
        ? $"prof.active:{Bool(profiler.Allocations.Active)}\nprof.unavailable:{reason}"
        : $"prof.active:{Bool(profiler.Allocations.Active)}";

    private static string Bool(bool value) => value ? "true" : "false";

    // jemalloc's spelling (prof.active:true, a key without a value) and the usual one (prof.active=true) both work.
    private static bool? ProfActive(IQueryCollection query)
    {
        var value = query.TryGetValue("prof.active", out var given) ? given.ToString()
            : query.Keys.FirstOrDefault(static k => k.StartsWith("prof.active:", StringComparison.Ordinal))?["prof.active:".Length..];
        return value?.Trim().ToLowerInvariant() switch
        {
            "true" or "1" => true,
            "false" or "0" => false,
            _ => null,
        };
    }

    private async Task<int?> SecondsAsync(HttpContext context)
    {
        var text = context.Request.Query["seconds"].ToString();
        if (text.Length == 0)
        {
            return Math.Min(DefaultSeconds, options.MaxSeconds);
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds >= 1 && seconds <= options.MaxSeconds)
        {
            return seconds;
        }

        await Plain.WriteAsync(context, StatusCodes.Status400BadRequest, $"seconds must be a whole number from 1 to {options.MaxSeconds}, not '{text}'").ConfigureAwait(false);
        return null;
    }
}
