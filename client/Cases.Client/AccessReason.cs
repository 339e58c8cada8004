using System.CommandLine;

namespace Cases.Client;

/// <summary>The --reason option of reads: officers and auditors must say why they read personal data (X-Access-Reason), and the read is recorded.</summary>
public static class AccessReason
{
    /// <summary>A new --reason option for a read command.</summary>
    public static Option<string?> Create() => new("--reason")
    {
        Description = "Why you read this case (sent as X-Access-Reason; officers and auditors must give one, and it is recorded)",
        HelpName = "text",
    };
}
