using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Cases.Silo.Tests;

/// <summary>Reads deploy/compose.yaml and deploy/k8s/*.yaml into plain maps and lists (YAML merge keys resolved).</summary>
public static class DeployManifests
{
    public static string Folder { get; } = FindDeployFolder();

    public static Dictionary<object, object> Compose() => (Dictionary<object, object>)Load(Path.Combine(Folder, "compose.yaml")).Single();

    public static List<Dictionary<object, object>> Kubernetes() => Directory.GetFiles(Path.Combine(Folder, "k8s"), "*.yaml")
        .Order(StringComparer.Ordinal)
        .SelectMany(Load)
        .Cast<Dictionary<object, object>>()
        .ToList();

    public static Dictionary<object, object> Kind(string kind) => Kubernetes().Single(d => (string)d["kind"] == kind);

    public static Dictionary<object, object> Map(this object node, string key) => (Dictionary<object, object>)((Dictionary<object, object>)node)[key];

    public static List<object> List(this object node, string key) => (List<object>)((Dictionary<object, object>)node)[key];

    public static string Text(this object node, string key) => (string)((Dictionary<object, object>)node)[key];

    public static Dictionary<string, string> Strings(this Dictionary<object, object> map) => map.ToDictionary(p => (string)p.Key, p => (string)p.Value);

    private static List<object> Load(string path)
    {
        using var reader = File.OpenText(path);
        var parser = new MergingParser(new Parser(reader));
        var deserializer = new DeserializerBuilder().Build();
        parser.Consume<YamlDotNet.Core.Events.StreamStart>();
        var documents = new List<object>();
        while (parser.Accept<YamlDotNet.Core.Events.DocumentStart>(out _))
            documents.Add(deserializer.Deserialize(parser) ?? throw new InvalidDataException($"{path} has an empty document."));
        return documents;
    }

    private static string FindDeployFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cases.sln")))
                return Path.Combine(dir.FullName, "deploy");
        }
        throw new DirectoryNotFoundException("No Cases.sln above the test assembly.");
    }
}
