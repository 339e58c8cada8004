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

    /// <summary>The command line itself was wrong (sysexits' EX_USAGE), kept apart from Unhealthy.</summary>
    public const int Usage = 64;
}
