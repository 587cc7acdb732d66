using YamlDotNet.RepresentationModel;

namespace HelpBot.Scale.Tests;

/// <summary>
/// No cluster here, so the manifests are checked as documents: valid YAML, each object well-formed, and the pieces
/// consistent with each other and with the host (probe paths, port, the settings the host reads, Secret names and keys).
/// </summary>
public sealed class KubernetesManifestTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "manifests", "kubernetes");

    [Fact]
    public void Every_manifest_is_valid_yaml_with_kubernetes_objects()
    {
        var files = Directory.GetFiles(Folder, "*.yaml");
        Assert.Contains(files, file => Path.GetFileName(file) == "deployment.yaml");

        foreach (var file in files)
        {
            var documents = Load(file);
            Assert.NotEmpty(documents);
            foreach (var document in documents)
            {
                Assert.False(string.IsNullOrWhiteSpace(Scalar(document, "apiVersion")), $"{file}: apiVersion");
                Assert.False(string.IsNullOrWhiteSpace(Scalar(document, "kind")), $"{file}: kind");
                if (Scalar(document, "kind") != "Kustomization")
                {
                    Assert.False(string.IsNullOrWhiteSpace(Scalar(document, "metadata", "name")), $"{file}: metadata.name");
                }
            }
        }
    }

    [Fact]
    public void The_deployment_runs_several_replicas_with_probes_resources_and_settings_from_secrets()
    {
        var deployment = Object("deployment.yaml", "Deployment");
        var container = Assert.IsType<YamlMappingNode>(Assert.Single(Sequence(deployment, "spec", "template", "spec", "containers")));
        var env = Sequence(container, "env").Cast<YamlMappingNode>().ToDictionary(e => Scalar(e, "name")!);

        Assert.True(int.Parse(Scalar(deployment, "spec", "replicas")!, System.Globalization.CultureInfo.InvariantCulture) >= 2);
        Assert.Equal("/readyz", Scalar(container, "readinessProbe", "httpGet", "path"));
        Assert.Equal("/healthz", Scalar(container, "livenessProbe", "httpGet", "path"));
        Assert.NotNull(Scalar(container, "resources", "requests", "cpu"));
        Assert.NotNull(Scalar(container, "resources", "requests", "memory"));
        Assert.NotNull(Scalar(container, "resources", "limits", "memory"));

        Assert.Equal("http://+:8080", Scalar(env["ASPNETCORE_URLS"], "value"));
        Assert.Equal("8080", Scalar(Assert.IsType<YamlMappingNode>(Sequence(container, "ports")[0]), "containerPort"));
        foreach (var name in new[] { "ConnectionStrings__Redis", "MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppTenantId" })
        {
            Assert.True(env.ContainsKey(name), $"{name} is not set");
            Assert.NotNull(Scalar(env[name], "valueFrom", "secretKeyRef", "name"));
        }

        // Every Secret key the Deployment reads exists in the example.
        var secrets = Load("secrets.example.yaml").ToDictionary(s => Scalar(s, "metadata", "name")!);
        foreach (var reference in env.Values.Select(e => Node(e, "valueFrom", "secretKeyRef")).OfType<YamlMappingNode>())
        {
            var secret = secrets[Scalar(reference, "name")!];
            Assert.NotNull(Scalar(secret, "stringData", Scalar(reference, "key")!));
        }
    }

    [Fact]
    public void The_readiness_checks_give_up_before_the_readiness_probe_does()
    {
        var deployment = Object("deployment.yaml", "Deployment");
        var container = Assert.IsType<YamlMappingNode>(Assert.Single(Sequence(deployment, "spec", "template", "spec", "containers")));
        var env = Sequence(container, "env").Cast<YamlMappingNode>().ToDictionary(e => Scalar(e, "name")!);
        var probeTimeout = TimeSpan.FromSeconds(int.Parse(Scalar(container, "readinessProbe", "timeoutSeconds")!, System.Globalization.CultureInfo.InvariantCulture));

        // A check still running when the probe times out fails readiness, whatever it would have reported.
        Assert.True(env.ContainsKey("HelpBot__Readiness__PlatformCheckTimeout"), "HelpBot__Readiness__PlatformCheckTimeout is not set");
        Assert.True(env.ContainsKey("Redis__OperationTimeout"), "Redis__OperationTimeout is not set");
        Assert.True(TimeSpan.Parse(Scalar(env["HelpBot__Readiness__PlatformCheckTimeout"], "value")!, System.Globalization.CultureInfo.InvariantCulture) < probeTimeout);
        Assert.True(TimeSpan.Parse(Scalar(env["Redis__OperationTimeout"], "value")!, System.Globalization.CultureInfo.InvariantCulture) < probeTimeout);
    }

    [Fact]
    public void The_service_selects_the_deployments_pods_on_the_named_port()
    {
        var deployment = Object("deployment.yaml", "Deployment");
        var service = Object("service.yaml", "Service");
        var podLabels = Assert.IsType<YamlMappingNode>(Node(deployment, "spec", "template", "metadata", "labels"));
        var selector = Assert.IsType<YamlMappingNode>(Node(service, "spec", "selector"));

        foreach (var (key, value) in selector.Children)
        {
            Assert.Equal(((YamlScalarNode)value).Value, Scalar(podLabels, ((YamlScalarNode)key).Value!));
        }

        Assert.Equal("http", Scalar(Assert.IsType<YamlMappingNode>(Sequence(service, "spec", "ports")[0]), "targetPort"));
    }

    [Fact]
    public void The_kustomization_lists_existing_files_and_not_the_example_secrets()
    {
        var kustomization = Object("kustomization.yaml", "Kustomization");
        var resources = Sequence(kustomization, "resources").Select(r => ((YamlScalarNode)r).Value!).ToArray();

        Assert.All(resources, resource => Assert.True(File.Exists(Path.Combine(Folder, resource)), resource));
        Assert.DoesNotContain("secrets.example.yaml", resources);
    }

    private static List<YamlMappingNode> Load(string file)
    {
        using var reader = new StreamReader(Path.Combine(Folder, file));
        var stream = new YamlStream();
        stream.Load(reader);
        return [.. stream.Documents.Select(document => Assert.IsType<YamlMappingNode>(document.RootNode))];
    }

    private static YamlMappingNode Object(string file, string kind) =>
        Assert.Single(Load(file), document => Scalar(document, "kind") == kind);

    private static YamlNode? Node(YamlMappingNode root, params string[] path)
    {
        YamlNode? node = root;
        foreach (var step in path)
        {
            node = node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(step), out var child) ? child : null;
        }

        return node;
    }

    private static string? Scalar(YamlMappingNode root, params string[] path) => (Node(root, path) as YamlScalarNode)?.Value;

    private static IList<YamlNode> Sequence(YamlMappingNode root, params string[] path) =>
        Assert.IsType<YamlSequenceNode>(Node(root, path)).Children;
}
