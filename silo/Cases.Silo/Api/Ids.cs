using Cases.Domain;

namespace Cases.Silo.Api;

/// <summary>The one rule for ids, in routes and in bodies alike, so that no id a body may carry is unreachable by URL.</summary>
/// <remarks>
/// An id is 1 to 128 characters, not blank, not "." or ".." (URLs resolve those away), without surrounding spaces, '/',
/// control, invisible or format characters, or unpaired surrogates.
/// </remarks>
public static class Ids
{
    public const int MaxLength = 128;

    /// <summary>Why the value is not an id, or null when it is one.</summary>
    public static string? Problem(string? value) => value switch
    {
        null or "" => "is required",
        _ when string.IsNullOrWhiteSpace(value) => "must not be blank",
        { Length: > MaxLength } => $"must be at most {MaxLength} characters (got {value.Length})",
        "." or ".." => "must not be '.' or '..', which URLs cannot carry",
        _ when value.Any(char.IsControl) => "must not contain control characters",
        _ when !UnicodeText.IsWellFormed(value) => "must not contain unpaired surrogates",
        _ when value.EnumerateRunes().Any(UnicodeText.IsInvisible) => "must not contain invisible or format characters",
        _ when value.Trim().Length != value.Length => "must not start or end with spaces",
        _ when value.Contains('/', StringComparison.Ordinal) => "must not contain '/'",
        _ => null,
    };
}
