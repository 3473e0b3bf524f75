using Microsoft.AspNetCore.Http;

namespace RustScope.Profiling.Endpoint.Http;

/// <summary>Short plain-text answers: errors and the configuration.</summary>
internal static class Plain
{
    public static Task WriteAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text + "\n", context.RequestAborted);
    }
}
