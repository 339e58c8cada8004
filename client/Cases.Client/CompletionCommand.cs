using System.CommandLine;
using Spectre.Console;

namespace Cases.Client;

/// <summary>`cases completion bash|zsh`: a shell script that completes commands, options and values by asking cases itself (System.CommandLine's [suggest] directive).</summary>
public static class CompletionCommand
{
    // The shell passes the whole line and the cursor's place; cases answers one suggestion per line.
    private const string Bash = """
        # cases completion for bash: source <(cases completion bash)
        _cases_complete() {
            local IFS=$'\n'
            local suggestions
            suggestions=$(cases "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)
            COMPREPLY=( $(compgen -W "${suggestions}" -- "${COMP_WORDS[COMP_CWORD]}") )
        }
        complete -o default -F _cases_complete cases
        """;

    private const string Zsh = """
        # cases completion for zsh: source <(cases completion zsh)
        _cases_complete() {
            local -a suggestions
            suggestions=("${(@f)$(cases "[suggest:${#BUFFER}]" "${BUFFER}" 2>/dev/null)}")
            compadd -a suggestions
        }
        compdef _cases_complete cases
        """;

    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext cli)
    {
        var shell = new Argument<string>("shell") { Description = "bash or zsh" };
        shell.AcceptOnlyFromAmong("bash", "zsh");
        var command = new Command("completion", "Print the shell script that completes cases' commands and options; load it from your shell's startup file.") { shell };
        command.WithExamples("source <(cases completion bash)", "echo 'source <(cases completion zsh)' >> ~/.zshrc");
        command.SetAction(parse =>
        {
            cli.Console.WriteLine(parse.GetRequiredValue(shell) == "bash" ? Bash : Zsh);
            return ExitCodes.Success;
        });
        return command;
    }
}
