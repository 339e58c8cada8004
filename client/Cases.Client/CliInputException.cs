namespace Cases.Client;

/// <summary>Something the user gave the tool cannot be used (an unreadable file, a missing token); reported without asking the silo.</summary>
public sealed class CliInputException(string message, int exitCode = ExitCodes.Usage) : Exception(message)
{
    /// <summary>The exit code the tool ends with.</summary>
    public int ExitCode { get; } = exitCode;
}
