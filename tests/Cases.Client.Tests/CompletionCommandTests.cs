namespace Cases.Client.Tests;

/// <summary>`cases completion bash|zsh` and the [suggest] directive its scripts call.</summary>
public sealed class CompletionCommandTests
{
    [Theory]
    [InlineData("bash", "complete -o default -F _cases_complete cases")]
    [InlineData("zsh", "compdef _cases_complete cases")]
    public async Task TheScriptForAShellRegistersItsCompletionForCases(string shell, string registration)
    {
        var run = await CliRun.RunAsync(["completion", shell]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains(registration, run.Output, StringComparison.Ordinal);
        Assert.Contains("[suggest:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSuggestionsTheScriptsAskForNameTheSubcommandsThatFit()
    {
        var run = await CliRun.RunAsync(["[suggest:13]", "cases park st"]);

        Assert.Equal(["statistics"], run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task AnUnknownShellIsAUsageError()
    {
        var run = await CliRun.RunAsync(["completion", "fish"]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("fish", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("complete -o default", run.Output, StringComparison.Ordinal);
    }
}
