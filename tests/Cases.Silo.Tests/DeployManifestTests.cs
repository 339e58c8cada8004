using System.Net;
using System.Text.RegularExpressions;
using Cases.Silo.Tests.Api;

namespace Cases.Silo.Tests;

[Collection(ApiSiloCollection.Name)]
public sealed partial class DeployManifestTests(ApiSilo silo)
{
    private const int ContainerPort = 8080;
    private static readonly string[] ProbePaths = ["/health/live", "/health/ready"];

    [Fact]
    public void EveryCasesVariableInComposeAndKubernetesIsAKeyTheSiloReads()
    {
        var names = ComposeSiloEnvironments().SelectMany(e => e.Keys)
            .Concat(DeployManifests.Kind("ConfigMap").Map("data").Keys.Cast<string>())
            .Concat(DeployManifests.Kind("Secret").Map("stringData").Keys.Cast<string>())
            .Concat(SiloContainer().List("env").Select(e => e.Text("name")))
            .Where(n => n.StartsWith("Cases__", StringComparison.Ordinal))
            .Distinct()
            .ToList();

        Assert.Contains("Cases__Orleans__AdvertisedAddress", names);
        Assert.Contains("Cases__ShutdownTimeout", names);
        Assert.Equal(Array.Empty<string>(), names.Where(n => !SiloConfigurationKeys.IsKnown(n)).ToArray());
    }

    [Fact]
    public void AMistypedVariableIsNotTakenForAKeyTheSiloReads()
    {
        Assert.False(SiloConfigurationKeys.IsKnown("Cases__Orleans__AdvertisedAdress"));
        Assert.False(SiloConfigurationKeys.IsKnown("Cases__Postgres__Connection"));
        Assert.True(SiloConfigurationKeys.IsKnown("Cases__Orleans__Membership__ProbeTimeout"));
    }

    [Fact]
    public async Task EveryProbeAndHealthCheckPathIsAnEndpointTheSiloAnswers()
    {
        var container = SiloContainer();
        var probes = new[] { container.Map("livenessProbe"), container.Map("readinessProbe") }.Select(p => p.Map("httpGet").Text("path")).ToList();
        Assert.Equal(ProbePaths, probes);
        Assert.Contains("/health/live", await File.ReadAllTextAsync(Path.Combine(DeployManifests.Folder, "Dockerfile.silo")));

        foreach (var path in probes)
            Assert.Equal(HttpStatusCode.OK, (await silo.Anonymous().GetAsync(path)).StatusCode);
    }

    [Fact]
    public void TheContainerPortsAreThePortsTheSiloListensOnAndAdvertises()
    {
        var container = SiloContainer();
        var ports = container.List("ports").Cast<Dictionary<object, object>>().ToDictionary(p => p.Text("name"), p => int.Parse(p.Text("containerPort"), System.Globalization.CultureInfo.InvariantCulture));
        var config = DeployManifests.Kind("ConfigMap").Map("data").Strings();
        Assert.Equal(ContainerPort, ports["http"]);
        Assert.Equal("http", container.Map("readinessProbe").Map("httpGet").Text("port"));
        Assert.Equal(ContainerPort, UrlPort(config["Urls"]));
        Assert.Equal(int.Parse(config["Cases__Orleans__SiloPort"], System.Globalization.CultureInfo.InvariantCulture), ports["silo"]);
        Assert.Equal(int.Parse(config["Cases__Orleans__GatewayPort"], System.Globalization.CultureInfo.InvariantCulture), ports["gateway"]);
        Assert.Equal("$(POD_IP)", container.List("env").Single(e => e.Text("name") == "Cases__Orleans__AdvertisedAddress").Text("value"));
        Assert.Matches($@"(?m)^EXPOSE {ports["http"]} {ports["silo"]} {ports["gateway"]}$", File.ReadAllText(Path.Combine(DeployManifests.Folder, "Dockerfile.silo")));
        foreach (var ((name, service), environment) in ComposeSilos().Zip(ComposeSiloEnvironments()))
        {
            // appsettings.json sets Urls, which outranks ASPNETCORE_URLS: only "Urls" (or --urls) moves the silo.
            Assert.DoesNotContain("ASPNETCORE_URLS", environment.Keys);
            Assert.Equal(ContainerPort, UrlPort(environment["Urls"]));
            Assert.All(service.List("ports").Cast<string>(), p => Assert.EndsWith($":{ContainerPort}", p));
            Assert.Equal(name, environment["Cases__Orleans__AdvertisedAddress"]);
            Assert.Equal(config["Cases__Orleans__SiloPort"], environment["Cases__Orleans__SiloPort"]);
        }
    }

    [Fact]
    public void PodsCarryTheLabelsAndRightsThatOrleansKubernetesHostingNeeds()
    {
        var template = DeployManifests.Kind("Deployment").Map("spec").Map("template");
        var labels = template.Map("metadata").Map("labels").Strings();
        var env = SiloContainer().List("env").Cast<Dictionary<object, object>>().ToDictionary(e => e.Text("name"));
        Assert.Equal("true", DeployManifests.Kind("ConfigMap").Map("data").Strings()["Cases__Orleans__Kubernetes"]);
        Assert.True(labels.ContainsKey("orleans/serviceId") && labels.ContainsKey("orleans/clusterId"));
        Assert.Equal("metadata.labels['orleans/serviceId']", env["ORLEANS_SERVICE_ID"].Map("valueFrom").Map("fieldRef").Text("fieldPath"));
        Assert.Equal("metadata.labels['orleans/clusterId']", env["ORLEANS_CLUSTER_ID"].Map("valueFrom").Map("fieldRef").Text("fieldPath"));
        Assert.All(["POD_NAME", "POD_NAMESPACE", "POD_IP"], name => Assert.True(env.ContainsKey(name), name));
        var account = template.Map("spec").Text("serviceAccountName");
        Assert.Equal(account, DeployManifests.Kind("ServiceAccount").Map("metadata").Text("name"));
        var rule = (Dictionary<object, object>)Assert.Single(DeployManifests.Kind("Role").List("rules"));
        Assert.Equal(["pods"], rule.List("resources").Cast<string>());
        Assert.Subset(rule.List("verbs").Cast<string>().ToHashSet(), new HashSet<string> { "get", "watch", "list", "delete" });
        Assert.Equal(account, ((Dictionary<object, object>)Assert.Single(DeployManifests.Kind("RoleBinding").List("subjects"))).Text("name"));
    }

    [Fact]
    public void ComposeAndTheDeploymentRunTheSameImageAndTheGracePeriodCoversTheShutdownBudget()
    {
        var deployment = DeployManifests.Kind("Deployment");
        Assert.Equal(3, ComposeSilos().Count);
        Assert.All(ComposeSilos(), s => Assert.Equal(SiloContainer().Text("image"), s.Service.Text("image")));
        var postgres = DeployManifests.Compose().Map("services").Map("postgres");
        Assert.Equal("postgres:15", postgres.Text("image"));

        var shutdown = TimeSpan.Parse(DeployManifests.Kind("ConfigMap").Map("data").Strings()["Cases__ShutdownTimeout"], System.Globalization.CultureInfo.InvariantCulture);
        var preStop = int.Parse(SiloContainer().Map("lifecycle").Map("preStop").Map("exec").List("command").Cast<string>().Last(), System.Globalization.CultureInfo.InvariantCulture);
        var grace = int.Parse(deployment.Map("spec").Map("template").Map("spec").Text("terminationGracePeriodSeconds"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(grace > shutdown.TotalSeconds + preStop, $"Grace {grace} s does not cover preStop {preStop} s + shutdown {shutdown}.");
        Assert.Equal("3", deployment.Map("spec").Text("replicas"));
        Assert.Equal("json", DeployManifests.Kind("ConfigMap").Map("data").Strings()["Logging__Console__FormatterName"]);
        Assert.All(ComposeSiloEnvironments(), e => Assert.Equal("json", e["Logging__Console__FormatterName"]));
        Assert.Equal("cases-silo", DeployManifests.Kind("HorizontalPodAutoscaler").Map("spec").Map("scaleTargetRef").Text("name"));
    }

    private static Dictionary<object, object> SiloContainer() =>
        (Dictionary<object, object>)Assert.Single(DeployManifests.Kind("Deployment").Map("spec").Map("template").Map("spec").List("containers"));

    private static List<(string Name, Dictionary<object, object> Service)> ComposeSilos() => DeployManifests.Compose().Map("services")
        .Where(s => ((string)s.Key).StartsWith("silo-", StringComparison.Ordinal))
        .Select(s => ((string)s.Key, (Dictionary<object, object>)s.Value))
        .ToList();

    private static List<Dictionary<string, string>> ComposeSiloEnvironments() => ComposeSilos().Select(s => s.Service.Map("environment").Strings()).ToList();

    private static int UrlPort(string urls) => int.Parse(PortPattern().Match(urls).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@":(\d+)/?$")]
    private static partial Regex PortPattern();
}
