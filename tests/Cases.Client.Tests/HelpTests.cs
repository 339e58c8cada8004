namespace Cases.Client.Tests;

/// <summary>Every command's help shows examples and the exit codes; the root help lists the lifecycle commands.</summary>
public sealed class HelpTests
{
    [Theory]
    [InlineData("token issue")]
    [InlineData("token revoke")]
    [InlineData("submit")]
    [InlineData("applicant recognition")]
    [InlineData("applicant permit")]
    [InlineData("applicant household-registration")]
    [InlineData("applicant household-decision")]
    [InlineData("applicant foreign-residence")]
    [InlineData("applicant dependant")]
    [InlineData("decide")]
    [InlineData("housing add-units")]
    [InlineData("housing office")]
    [InlineData("housing long-term")]
    [InlineData("enterprise register")]
    [InlineData("enterprise review")]
    [InlineData("enterprise admit")]
    [InlineData("enterprise propose")]
    [InlineData("enterprise consent")]
    [InlineData("enterprise milestone")]
    [InlineData("programme open")]
    [InlineData("programme pay")]
    [InlineData("programme show")]
    [InlineData("show")]
    [InlineData("timeline")]
    [InlineData("as-of")]
    [InlineData("trace")]
    [InlineData("verify")]
    [InlineData("export")]
    [InlineData("access")]
    [InlineData("search")]
    [InlineData("park report")]
    [InlineData("loan request")]
    [InlineData("loan pay")]
    [InlineData("health")]
    [InlineData("load")]
    public async Task EachCommandsHelpShowsExamplesOfItselfAndTheExitCodes(string command)
    {
        var run = await CliRun.RunAsync([.. command.Split(' '), "--help"]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Matches($@"Examples:\n  cases {command}", run.Output);
        Assert.Matches(@"Exit codes:\n  0   success\n", run.Output);
        Assert.Matches(@"\n  64  the command line itself was wrong", run.Output);
        Assert.Equal("", run.Error);
    }

    [Theory]
    [InlineData("token")]
    [InlineData("applicant")]
    [InlineData("housing")]
    [InlineData("enterprise")]
    [InlineData("programme")]
    [InlineData("access")]
    public async Task TheRootHelpListsTheLifecycleCommands(string command)
    {
        var run = await CliRun.RunAsync(["--help"]);

        Assert.Matches($@"\n\s+{command}\s+\S", run.Output);
        Assert.Contains("Exit codes:", run.Output, StringComparison.Ordinal);
    }
}
