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

    [Fact]
    public void The_autoscaler_scales_the_deployment_on_cpu_and_stays_above_the_disruption_budget()
    {
        var deployment = Object("deployment.yaml", "Deployment");
        var autoscaler = Object("horizontalpodautoscaler.yaml", "HorizontalPodAutoscaler");
        var budget = Object("poddisruptionbudget.yaml", "PodDisruptionBudget");

        Assert.Equal("autoscaling/v2", Scalar(autoscaler, "apiVersion"));
        Assert.Equal("Deployment", Scalar(autoscaler, "spec", "scaleTargetRef", "kind"));
        Assert.Equal(Scalar(deployment, "metadata", "name"), Scalar(autoscaler, "spec", "scaleTargetRef", "name"));
        var min = Number(autoscaler, "spec", "minReplicas");
        Assert.True(Number(autoscaler, "spec", "maxReplicas") > min);

        // CPU utilisation is measured against the container's CPU request, so the Deployment must have one.
        var metric = Assert.IsType<YamlMappingNode>(Assert.Single(Sequence(autoscaler, "spec", "metrics")));
        Assert.Equal("cpu", Scalar(metric, "resource", "name"));
        var container = Assert.IsType<YamlMappingNode>(Assert.Single(Sequence(deployment, "spec", "template", "spec", "containers")));
        Assert.NotNull(Scalar(container, "resources", "requests", "cpu"));

        // At the autoscaler's minimum a drain may still evict one pod: minAvailable must stay below minReplicas.
        Assert.True(Number(budget, "spec", "minAvailable") < min, "PodDisruptionBudget minAvailable must be below the autoscaler's minReplicas");
        AssertSelectsPods(deployment, Assert.IsType<YamlMappingNode>(Node(budget, "spec", "selector", "matchLabels")));
    }

    [Fact]
    public void The_network_policy_admits_only_the_http_port_and_allows_dns_redis_and_https_but_not_the_metadata_address()
    {
        var deployment = Object("deployment.yaml", "Deployment");
        var policy = Object("networkpolicy.yaml", "NetworkPolicy");
        AssertSelectsPods(deployment, Assert.IsType<YamlMappingNode>(Node(policy, "spec", "podSelector", "matchLabels")));
        Assert.Equal(["Ingress", "Egress"], Sequence(policy, "spec", "policyTypes").Select(t => ((YamlScalarNode)t).Value));

        var ingressPorts = Sequence(policy, "spec", "ingress").Cast<YamlMappingNode>()
            .SelectMany(rule => Sequence(rule, "ports").Cast<YamlMappingNode>())
            .Select(port => Scalar(port, "port"))
            .ToList();
        Assert.Equal(["http"], ingressPorts);
        var container = Assert.IsType<YamlMappingNode>(Assert.Single(Sequence(deployment, "spec", "template", "spec", "containers")));
        Assert.Equal("http", Scalar(Assert.IsType<YamlMappingNode>(Sequence(container, "ports")[0]), "name"));

        var egress = Sequence(policy, "spec", "egress").Cast<YamlMappingNode>().ToList();
        var egressPorts = egress.SelectMany(rule => Sequence(rule, "ports").Cast<YamlMappingNode>()).Select(port => Scalar(port, "port")).ToHashSet();
        Assert.Superset(new HashSet<string?> { "53", "6379", "443" }, egressPorts);
        var https = Assert.Single(egress, rule => Sequence(rule, "ports").Cast<YamlMappingNode>().Any(port => Scalar(port, "port") == "443"));
        var block = Assert.IsType<YamlMappingNode>(Node(Assert.IsType<YamlMappingNode>(Assert.Single(Sequence(https, "to"))), "ipBlock"));
        Assert.Contains("169.254.169.254/32", Sequence(block, "except").Select(e => ((YamlScalarNode)e).Value));
    }

    [Fact]
    public void Desk_tokens_and_the_direct_line_secret_come_from_secrets_and_no_credential_is_written_in_a_manifest()
    {
        var deployment = Object("deployment.yaml", "Deployment");
        var container = Assert.IsType<YamlMappingNode>(Assert.Single(Sequence(deployment, "spec", "template", "spec", "containers")));
        var env = Sequence(container, "env").Cast<YamlMappingNode>().ToDictionary(e => Scalar(e, "name")!);

        foreach (var name in new[] { "AgentDesk__Tokens__0", "DirectLine__Secret", "Platform__ApiKey", "AgentDesk__TeamsWebhookUrl" })
        {
            Assert.True(env.ContainsKey(name), $"{name} is not set");
            Assert.NotNull(Scalar(env[name], "valueFrom", "secretKeyRef", "name"));
        }

        // Anything that looks like a credential is read from a Secret, never written as a literal value.
        string[] credentialWords = ["Password", "Secret", "Token", "ApiKey", "ConnectionStrings", "Webhook"];
        foreach (var (name, variable) in env)
        {
            if (credentialWords.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase)))
            {
                Assert.Null(Scalar(variable, "value"));
            }
        }

        // The applied manifests hold no Secret; the example's values are placeholders only.
        var applied = Sequence(Object("kustomization.yaml", "Kustomization"), "resources").Select(r => ((YamlScalarNode)r).Value!);
        Assert.All(applied, file => Assert.DoesNotContain(Load(file), document => Scalar(document, "kind") == "Secret"));
        foreach (var secret in Load("secrets.example.yaml"))
        {
            var data = Assert.IsType<YamlMappingNode>(Node(secret, "stringData"));
            Assert.Null(Node(secret, "data")); // base64 would hide a real value from review
            foreach (var (key, value) in data.Children)
            {
                var text = ((YamlScalarNode)value).Value ?? string.Empty;
                var isPlaceholder = text.Contains("CHANGE-ME", StringComparison.Ordinal)
                    || text.All(c => c is '0' or '-')
                    || ((YamlScalarNode)key).Value == "MicrosoftAppType";
                Assert.True(isPlaceholder, $"{Scalar(secret, "metadata", "name")}.{((YamlScalarNode)key).Value} is not a placeholder");
            }
        }
    }

    [Fact]
    public void The_readiness_probe_waits_longer_than_the_checks_behind_it()
    {
        var deployment = Object("deployment.yaml", "Deployment");
        var container = Assert.IsType<YamlMappingNode>(Assert.Single(Sequence(deployment, "spec", "template", "spec", "containers")));
        var env = Sequence(container, "env").Cast<YamlMappingNode>().ToDictionary(e => Scalar(e, "name")!);
        var probeTimeout = TimeSpan.FromSeconds(Number(container, "readinessProbe", "timeoutSeconds"));

        // /readyz runs the Redis PING (bounded by Redis:OperationTimeout) and the platform check (bounded by
        // HelpBot:Readiness:PlatformCheckTimeout, default 1 s): both must fit in the probe's own timeout.
        Assert.True(TimeSpan.Parse(Scalar(env["Redis__OperationTimeout"], "value")!, System.Globalization.CultureInfo.InvariantCulture) < probeTimeout);
        var platformCheck = env.TryGetValue("HelpBot__Readiness__PlatformCheckTimeout", out var configured)
            ? TimeSpan.Parse(Scalar(configured, "value")!, System.Globalization.CultureInfo.InvariantCulture)
            : TimeSpan.FromSeconds(1);
        Assert.True(platformCheck < probeTimeout);
    }

    private static void AssertSelectsPods(YamlMappingNode deployment, YamlMappingNode selector)
    {
        var podLabels = Assert.IsType<YamlMappingNode>(Node(deployment, "spec", "template", "metadata", "labels"));
        Assert.NotEmpty(selector.Children);
        foreach (var (key, value) in selector.Children)
        {
            Assert.Equal(((YamlScalarNode)value).Value, Scalar(podLabels, ((YamlScalarNode)key).Value!));
        }
    }

    private static int Number(YamlMappingNode root, params string[] path) =>
        int.Parse(Scalar(root, path)!, System.Globalization.CultureInfo.InvariantCulture);

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
