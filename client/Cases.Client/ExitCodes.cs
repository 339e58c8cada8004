namespace Cases.Client;

/// <summary>The process exit codes of the cases tool, stable for scripts.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked and the silo is healthy.</summary>
    public const int Success = 0;

    /// <summary>The silo answered but reports itself Unhealthy or Degraded.</summary>
    public const int Unhealthy = 1;

    /// <summary>No usable answer from the silo: refused, timed out, or not a Cases silo.</summary>
    public const int Unreachable = 2;

    /// <summary>The silo refused the request as malformed (400) or invalid (422).</summary>
    public const int Invalid = 3;

    /// <summary>No token, or the silo did not accept it (401).</summary>
    public const int Unauthenticated = 4;

    /// <summary>The token's role or subject may not do this (403).</summary>
    public const int Forbidden = 5;

    /// <summary>The case, stream or event does not exist (404).</summary>
    public const int NotFound = 6;

    /// <summary>The request conflicts with the case's state (409), e.g. an already known identity document.</summary>
    public const int Conflict = 7;

    /// <summary>The silo is overloaded or its store is down (429, 503); retrying later may succeed.</summary>
    public const int Unavailable = 8;

    /// <summary>The silo failed (another 5xx) or answered with a status the tool does not expect.</summary>
    public const int ServerError = 9;

    /// <summary>Verification found a hash chain that does not match its events: the history was altered.</summary>
    public const int Tampered = 10;

    /// <summary>`cases load` finished, but some requests failed.</summary>
    public const int LoadErrors = 11;

    /// <summary>`cases import` finished, but some rows were refused (listed in its output or report).</summary>
    public const int ImportRefusals = 12;

    /// <summary>`cases read-models rebuild --compare-only` found live read-model partitions that differ from a rebuild.</summary>
    public const int ReadModelsDiffer = 13;

    /// <summary>The command line itself was wrong (sysexits' EX_USAGE), kept apart from Unhealthy.</summary>
    public const int Usage = 64;

    /// <summary>The exit code for an HTTP error status.</summary>
    public static int ForStatus(int status) => status switch
    {
        400 or 422 => Invalid,
        401 => Unauthenticated,
        403 => Forbidden,
        404 or 410 => NotFound,
        409 or 412 => Conflict,
        429 or 503 => Unavailable,
        _ => ServerError,
    };
}
