using System.CommandLine;
using System.Globalization;
using System.Net.Http.Headers;
using RustScope.Core.Diagnostics;
using RustScope.Core.Formats;
using RustScope.Core.Model;

namespace RustScope.Cli.Commands;

/// <summary>
/// <c>rustscope pull URL [--seconds N] -o FILE</c>: fetches a profile from a running service's RustScope endpoint (the
/// <c>jeprof --raw URL</c> step) into a session, pprof or collapsed file, as the output's extension says.
/// </summary>
internal static class PullCommand
{
    public static Command Create(CliConsole console)
    {
        var url = new Argument<string>("url") { Description = "The endpoint: http://HOST:PORT (a CPU profile), or a route such as http://HOST:PORT/pprof/allocs." };
        var seconds = new Option<int?>("--seconds") { Description = "How long a CPU profile samples (the endpoint's default: 30)." };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Where to write: .json a session, .pb.gz or .pprof pprof, .folded or .txt collapsed stacks.", Required = true };
        var token = new Option<string?>("--token") { Description = "The endpoint's bearer token; RUSTSCOPE_ENDPOINT_TOKEN when omitted." };
        var command = new Command("pull", "Fetch a profile from a running service's /pprof endpoint.") { url, seconds, output, token };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(output)!.FullName;
            try
            {
                var format = ProfileWriter.FromExtension(file) is { } known and not ProfileFormat.Speedscope
                    ? known
                    : throw DiagnosticWriter.CommandLineError(DiagnosticCodes.InputFormatUnknown, $"{Path.GetFileName(file)}: the output's extension must be .json, .pb.gz, .pprof, .folded or .txt");
                var request = RequestUri(parse.GetValue(url)!, format, parse.GetValue(seconds));
                var content = await FetchAsync(request, parse.GetValue(token) ?? Environment.GetEnvironmentVariable("RUSTSCOPE_ENDPOINT_TOKEN"), parse.GetValue(seconds), cancellationToken).ConfigureAwait(false);
                if (format == ProfileFormat.Session)
                {
                    SessionJson.Parse(content, request.ToString()); // an answer that is not a session is an error, not a file
                }

                ProfileOutput.Write(file, content, "the profile");
                console.Error.WriteLine($"rustscope: {request} -> {file} ({content.Length.ToString(CultureInfo.InvariantCulture)} bytes)");
                return ExitCodes.Success;
            }
            catch (InputException e)
            {
                return new DiagnosticWriter(console.Error).Errors(e.Diagnostics);
            }
        });
        return command;
    }

    private static Uri RequestUri(string text, ProfileFormat format, int? seconds)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw DiagnosticWriter.CommandLineError(DiagnosticCodes.CommandInvalid, $"{text}: expected an http:// or https:// URL");
        }

        var builder = new UriBuilder(url);
        if (builder.Path is "" or "/")
        {
            builder.Path = "/pprof/profile";
        }

        var query = builder.Query.TrimStart('?');
        var name = format switch { ProfileFormat.Session => "session", ProfileFormat.Collapsed => "collapsed", _ => "pprof" };
        List<string> parts = [.. query.Split('&', StringSplitOptions.RemoveEmptyEntries).Where(static p => !p.StartsWith("format=", StringComparison.Ordinal) && !p.StartsWith("seconds=", StringComparison.Ordinal)), $"format={name}"];
        if (seconds is { } s)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"seconds={s}"));
        }

        builder.Query = string.Join('&', parts);
        return builder.Uri;
    }

    private static async Task<byte[]> FetchAsync(Uri request, string? token, int? seconds, CancellationToken cancellationToken)
    {
        // The endpoint answers a CPU profile after it ends: the wait is its length plus room for the rundown.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds((seconds ?? 30) + 120) };
        using var message = new HttpRequestMessage(HttpMethod.Get, request);
        if (token is { Length: > 0 })
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        try
        {
            using var response = await http.SendAsync(message, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? body
                : throw Unreadable(request, $"the endpoint answered {(int)response.StatusCode} {response.ReasonPhrase}: {System.Text.Encoding.UTF8.GetString(body).Trim()}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw Unreadable(request, $"the endpoint could not be reached: {e.Message}");
        }
    }

    private static InputException Unreadable(Uri request, string message) =>
        new(new Diagnostic(request.ToString(), null, null, DiagnosticCodes.SessionUnreadable, message));
}
