using System.CommandLine;
using System.CommandLine.Parsing;

namespace Cases.Client;

/// <summary>The --url and --timeout options every command that talks to a silo shares.</summary>
public sealed class ConnectionOptions
{
    /// <summary>The silo's address when neither --url nor CASES_URL names one.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The environment variable that replaces the default address.</summary>
    public const string UrlVariable = "CASES_URL";

    private const double MaxTimeoutSeconds = 86_400;

    /// <summary>Creates the options; the default address is read through the given environment lookup.</summary>
    public ConnectionOptions(Func<string, string?> environment)
    {
        Url = new Option<Uri>("--url")
        {
            Description = $"The silo's base address; ${UrlVariable} replaces the default",
            HelpName = "address",
            Recursive = true,
            // A bad CASES_URL is reported as a parse error, so the fallback is never used.
            DefaultValueFactory = r => ParseUrl(r, environment(UrlVariable) is { Length: > 0 } url ? url : DefaultUrl) ?? new Uri(DefaultUrl),
            CustomParser = r => ParseUrl(r, r.Tokens[0].Value),
        };
        Timeout = new Option<double>("--timeout")
        {
            Description = "Seconds to wait for the silo's answer",
            HelpName = "seconds",
            Recursive = true,
            DefaultValueFactory = _ => 10,
        };
        Timeout.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is not (> 0 and <= MaxTimeoutSeconds))
                r.AddError($"--timeout must be more than 0 and at most {MaxTimeoutSeconds} seconds.");
        });
    }

    /// <summary>The silo's base address.</summary>
    public Option<Uri> Url { get; }

    /// <summary>How long one request may take, in seconds.</summary>
    public Option<double> Timeout { get; }

    /// <summary>A client for the silo the parsed options name.</summary>
    public SiloClient CreateClient(ParseResult parse, HttpMessageHandler? handler) =>
        new(parse.GetRequiredValue(Url), TimeSpan.FromSeconds(parse.GetValue(Timeout)), handler);

    private static Uri? ParseUrl(ArgumentResult result, string text)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            return uri;
        result.AddError($"'{text}' is not an http(s) address; expected e.g. {DefaultUrl}.");
        return null;
    }
}
