using RustScope.Core.Model;

namespace RustScope.History;

/// <summary>A session to push, with the commit and branch to store it under.</summary>
/// <param name="Session">The session.</param>
/// <param name="Commit">The commit sha it is stored under.</param>
/// <param name="Branch">The branch it is stored under, if known.</param>
internal sealed record SessionPush(ProfileSession Session, string Commit, string? Branch);
