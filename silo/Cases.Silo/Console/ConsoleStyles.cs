namespace Cases.Silo.WebConsole;

/// <summary>The console's one small stylesheet, served from the silo itself (no CDN).</summary>
internal static class ConsoleStyles
{
    public const string Css = """
        body { font-family: system-ui, sans-serif; margin: 0; color: #222; }
        header { background: #234; color: #fff; padding: .5rem 1rem; display: flex; gap: 1rem; align-items: center; }
        header a { color: #cde; margin-right: .75rem; } header form { margin-left: auto; } header form.search { margin-left: 1rem; }
        main { padding: 1rem; max-width: 80rem; }
        table { border-collapse: collapse; margin: .5rem 0; } th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
        th { background: #eef; } .passed { color: #070; } .failed { color: #a00; } .error { color: #a00; font-weight: bold; }
        form.inline { display: inline; } fieldset { margin: .5rem 0; } pre { background: #f6f6f6; padding: .5rem; overflow: auto; }
        .chain { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem; } .chain .node { border: 1px solid #468; border-radius: 4px; padding: .25rem .5rem; }
        .chain .traced { background: #ffd; } .chain .arrow { color: #468; }
        svg text { font-size: 11px; }
        """;
}
