using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using EvoGrains.Grains.Placement;
using EvoGrains.Hosting;
using EvoGrains.Hosting.Configuration;
using EvoGrains.Hosting.Evaluation;
using Microsoft.Extensions.Configuration;
using YamlDotNet.RepresentationModel;

namespace EvoGrains.Grains.Tests.Deployment;

/// <summary>
/// Static checks of helm/evograins and deploy/docker (no helm or docker binary is needed): the YAML
/// files parse, every value is documented, the required resources exist, and every
/// <c>EvoGrains__*</c> variable the chart sets is a configuration key the silo actually reads — and
/// binds and validates through the silo's own options reader — so the chart cannot drift from the silo.
/// </summary>
public sealed partial class HelmChartTests
{
    private static readonly string RepoRoot = FindRepoRoot();
    private static readonly string ChartDir = Path.Combine(RepoRoot, "helm", "evograins");
    private static readonly string TemplatesDir = Path.Combine(ChartDir, "templates");
    private static readonly Lazy<YamlMappingNode> Values = new(() => LoadMapping(Path.Combine(ChartDir, "values.yaml")));

    [Fact]
    public void Chart_yaml_is_a_helm3_application_chart()
    {
        var chart = LoadMapping(Path.Combine(ChartDir, "Chart.yaml"));

        Assert.Equal("v2", Scalar(chart, "apiVersion"));
        Assert.Equal("evograins", Scalar(chart, "name"));
        Assert.Equal("application", Scalar(chart, "type"));
        Assert.Matches(SemVer(), Scalar(chart, "version"));
        Assert.False(string.IsNullOrWhiteSpace(Scalar(chart, "appVersion")));
    }

    [Fact]
    public void Every_values_key_has_a_comment_line_above_it()
    {
        var lines = File.ReadAllLines(Path.Combine(ChartDir, "values.yaml"));
        var undocumented = new List<string>();
        CollectUndocumented(Values.Value, "", lines, undocumented);

        Assert.True(undocumented.Count == 0, "values.yaml keys without a comment line above: " + string.Join(", ", undocumented));
    }

    [Fact]
    public void Chart_has_the_required_templates()
    {
        string[] required =
        [
            "_helpers.tpl", "NOTES.txt", "silo-cpu-deployment.yaml", "silo-gpu-deployment.yaml",
            "redis-statefulset.yaml", "redis-service.yaml", "redis-secret.yaml", "pdb-silo-cpu.yaml", "pdb-silo-gpu.yaml",
            "networkpolicy.yaml", "service-gateway.yaml", "service-dashboard.yaml", "serviceaccount.yaml",
        ];
        foreach (var file in required)
        {
            Assert.True(File.Exists(Path.Combine(TemplatesDir, file)), $"missing templates/{file}");
        }

        var helpers = Template("_helpers.tpl");
        foreach (var name in new[] { "evograins.fullname", "evograins.labels", "evograins.selectorLabels" })
        {
            Assert.Contains($"define \"{name}\"", helpers, StringComparison.Ordinal);
        }

        Assert.Equal(2, KindCount("Deployment"));
        Assert.Equal(1, KindCount("StatefulSet"));
        Assert.Equal(2, KindCount("PodDisruptionBudget"));
        Assert.Equal(2, KindCount("NetworkPolicy"));
        Assert.Equal(1, KindCount("ServiceAccount"));
        Assert.Equal(0, KindCount("Ingress"));
        Assert.Contains("volumeClaimTemplates:", Template("redis-statefulset.yaml"), StringComparison.Ordinal);
        Assert.Contains("kind: Service\n", Template("service-gateway.yaml"), StringComparison.Ordinal);
        Assert.Contains("type: ClusterIP", Template("service-dashboard.yaml"), StringComparison.Ordinal);
        Assert.Equal("ClusterIP", Scalar(Values.Value, "gateway", "serviceType"));
        Assert.Contains("silo-cpu", Template("pdb-silo-cpu.yaml"), StringComparison.Ordinal);
        Assert.Contains("silo-gpu", Template("pdb-silo-gpu.yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public void Template_actions_and_blocks_are_balanced()
    {
        foreach (var path in Directory.EnumerateFiles(TemplatesDir))
        {
            var text = File.ReadAllText(path);
            var name = Path.GetFileName(path);
            Assert.True(Count(text, "{{") == Count(text, "}}"), $"{name}: unbalanced {{{{ }}}}");
            Assert.True(BlockOpen().Count(text) == BlockEnd().Count(text), $"{name}: if/with/range/define and end do not pair up");
        }
    }

    [Fact]
    public void Notes_tell_how_to_submit_a_search()
    {
        var notes = Template("NOTES.txt");

        Assert.Contains("port-forward svc/", notes, StringComparison.Ordinal);
        Assert.Contains("evograins submit --spec", notes, StringComparison.Ordinal);
        Assert.Contains("--gateway 127.0.0.1:", notes, StringComparison.Ordinal);
        Assert.Contains("EVOGRAINS_REDIS=", notes, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_EvoGrains_variable_in_the_templates_is_a_silo_configuration_key()
    {
        var known = SiloConfigurationKeys();
        var used = Directory.EnumerateFiles(TemplatesDir)
            .SelectMany(path => EnvName().Matches(File.ReadAllText(path)).Select(m => m.Groups[1].Value))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(used);
        var unknown = used.Where(name => !known.Contains(name["EvoGrains__".Length..].Replace("__", ":", StringComparison.Ordinal))).ToList();
        Assert.True(unknown.Count == 0, $"not silo configuration keys: {string.Join(", ", unknown)}; known: {string.Join(", ", known.Order(StringComparer.Ordinal))}");

        string[] essential =
        [
            "ServiceId", "ClusterId", "Clustering:Provider", "Clustering:ConnectionString", "Storage:Provider",
            "Storage:ConnectionString", "Silo:SiloPort", "Silo:GatewayPort", "Silo:AdvertisedIPAddress",
            "Silo:Accelerator", "Silo:ShutdownTimeout", "Placement:AllowCpuTrainers", "Training:Threads",
        ];
        foreach (var key in essential)
        {
            Assert.Contains("EvoGrains__" + key.Replace(":", "__", StringComparison.Ordinal), used);
        }
    }

    [Theory]
    [InlineData("silo-cpu-deployment.yaml", AcceleratorMode.Cpu)]
    [InlineData("silo-gpu-deployment.yaml", AcceleratorMode.Gpu)]
    public void Silo_environment_binds_and_validates_through_the_silo_options_reader(string template, AcceleratorMode accelerator)
    {
        var env = SiloEnvironment(template);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(env).Build();

        var options = EvoGrainsSiloOptionsReader.Read(configuration);

        Assert.Equal(accelerator, options.Silo.Accelerator);
        Assert.Equal(ClusteringProvider.Redis, options.Clustering.Provider);
        Assert.Equal(Enum.Parse<StorageProvider>(Scalar(Values.Value, "storage", "provider"), ignoreCase: true), options.Storage.Provider);
        Assert.Equal(Scalar(Values.Value, "orleans", "serviceId"), options.ServiceId);
        Assert.Equal(TimeSpan.FromSeconds(Int(Values.Value, "orleans", "shutdownTimeoutSeconds")), options.Silo.ShutdownTimeout);
        Assert.Equal(Int(Values.Value, "orleans", "gatewayPort"), options.Silo.GatewayPort);
        Assert.Equal("10.1.2.3", options.Silo.AdvertisedIPAddress);
        Assert.Equal(Scalar(Values.Value, "dashboard", "path"), options.Dashboard.Path);
        Assert.True(configuration.GetValue<int?>(TrainingHostOptions.ThreadsKey) is >= 0);
    }

    [Fact]
    public void Gpu_silos_request_gpus_and_publish_the_gpu_accelerator()
    {
        var gpu = Template("silo-gpu-deployment.yaml");

        Assert.Matches(@"limits:[\s\S]*nvidia\.com/gpu: \{\{ \.Values\.gpuSilo\.gpusPerPod \}\}", gpu);
        Assert.True(Int(Values.Value, "gpuSilo", "gpusPerPod") >= 1);
        Assert.Contains("nodeSelector:", gpu, StringComparison.Ordinal);
        Assert.Contains("tolerations:", gpu, StringComparison.Ordinal);
        var gpuValues = (YamlMappingNode)Values.Value["gpuSilo"];
        Assert.NotEmpty(Assert.IsType<YamlMappingNode>(gpuValues["nodeSelector"]).Children);
        Assert.NotEmpty(Assert.IsType<YamlSequenceNode>(gpuValues["tolerations"]).Children);
        Assert.Equal("gpu", SiloEnvironment("silo-gpu-deployment.yaml")["EvoGrains:Silo:Accelerator"]);
        Assert.Equal("cpu", SiloEnvironment("silo-cpu-deployment.yaml")["EvoGrains:Silo:Accelerator"]);
        Assert.DoesNotContain("nvidia.com/gpu", Template("silo-cpu-deployment.yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public void Termination_grace_outlasts_the_silo_shutdown_timeout()
    {
        Assert.True(Int(Values.Value, "orleans", "terminationGracePeriodSeconds") > Int(Values.Value, "orleans", "shutdownTimeoutSeconds"));
        foreach (var template in new[] { "silo-cpu-deployment.yaml", "silo-gpu-deployment.yaml" })
        {
            Assert.Contains("terminationGracePeriodSeconds: {{ .Values.orleans.terminationGracePeriodSeconds }}", Template(template), StringComparison.Ordinal);
        }

        var helpers = Template("_helpers.tpl");
        Assert.Contains("int .Values.orleans.shutdownTimeoutSeconds", helpers, StringComparison.Ordinal);
        Assert.Contains("le (int .Values.orleans.terminationGracePeriodSeconds) (int .Values.orleans.shutdownTimeoutSeconds)", helpers, StringComparison.Ordinal);
    }

    [Fact]
    public void Probes_use_the_silo_health_endpoints()
    {
        var helpers = Template("_helpers.tpl");

        Assert.Matches($@"livenessProbe:\s+httpGet:\s+path: {EvoGrainsSiloEndpoints.LivePath}\s", helpers);
        Assert.Matches($@"readinessProbe:\s+httpGet:\s+path: {EvoGrainsSiloEndpoints.ReadyPath}\s", helpers);
        Assert.Matches(@"startupProbe:\s+httpGet:", helpers);
        foreach (var template in new[] { "silo-cpu-deployment.yaml", "silo-gpu-deployment.yaml" })
        {
            Assert.Contains("include \"evograins.silo.probes\"", Template(template), StringComparison.Ordinal);
            Assert.Contains("mountPath: /tmp", Template(template), StringComparison.Ordinal);
            Assert.Contains("toYaml .Values.securityContext", Template(template), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Containers_run_non_root_on_a_read_only_root_without_capabilities()
    {
        var security = (YamlMappingNode)Values.Value["securityContext"];
        Assert.Equal("true", Scalar(security, "readOnlyRootFilesystem"));
        Assert.Equal("true", Scalar(security, "runAsNonRoot"));
        Assert.Equal("false", Scalar(security, "allowPrivilegeEscalation"));
        var drop = (YamlSequenceNode)((YamlMappingNode)security["capabilities"])["drop"];
        Assert.Contains(drop.Children, node => node.ToString() == "ALL");
        Assert.Equal("true", Scalar(Values.Value, "podSecurityContext", "runAsNonRoot"));
    }

    [Theory]
    [InlineData("Dockerfile.silo-cpu", true)]
    [InlineData("Dockerfile.silo-cuda", true)]
    [InlineData("Dockerfile.client", false)]
    public void Dockerfiles_are_multi_stage_non_root_and_secret_free(string file, bool silo)
    {
        var text = File.ReadAllText(Path.Combine(RepoRoot, "deploy", "docker", file));

        Assert.Matches(@"(?m)^FROM \S+ AS build$", text);
        Assert.Matches(@"(?m)^COPY --from=build ", text);
        Assert.Matches(@"(?m)^USER (?!0\b|root\b)\S+", text);
        Assert.DoesNotMatch(@"(?im)^(ENV|ARG)\b.*(password|secret|AccountKey|ConnectionString)", text);
        if (silo)
        {
            Assert.Matches(@"HEALTHCHECK[\s\S]*/health/live", text);
            Assert.Matches(@"(?m)^EXPOSE 8080 11111 30000$", text);
            Assert.Contains("ASPNETCORE_HTTP_PORTS=8080", text, StringComparison.Ordinal);
            Assert.Contains(file.EndsWith("cuda", StringComparison.Ordinal) ? "-p:TorchBackend=cuda" : "-p:TorchBackend=cpu", text, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// The configuration keys (without the <c>EvoGrains:</c> prefix) the silo reads: the properties of
    /// <see cref="EvoGrainsSiloOptions"/>, <see cref="GpuPlacementOptions"/> and the training thread key.
    /// </summary>
    private static HashSet<string> SiloConfigurationKeys()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        AddKeys(typeof(EvoGrainsSiloOptions), "", keys);
        AddKeys(typeof(GpuPlacementOptions), WithoutSection(GpuPlacementOptions.SectionName) + ":", keys);
        keys.Add(WithoutSection(TrainingHostOptions.ThreadsKey));
        return keys;

        static string WithoutSection(string key) => key[(EvoGrainsSiloOptions.SectionName.Length + 1)..];
    }

    private static void AddKeys(Type type, string prefix, HashSet<string> keys)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var t = property.PropertyType;
            if (t.IsClass && t != typeof(string) && t.Namespace?.StartsWith("EvoGrains", StringComparison.Ordinal) == true)
            {
                AddKeys(t, prefix + property.Name + ":", keys);
            }
            else
            {
                keys.Add(prefix + property.Name);
            }
        }
    }

    /// <summary>
    /// The silo's configuration as a Deployment template would set it with the default values:
    /// literal values as written, <c>{{ .Values.x.y | quote }}</c> looked up in values.yaml, the
    /// shutdown timeout formatted like the helper does, secret references replaced by samples.
    /// </summary>
    private static Dictionary<string, string?> SiloEnvironment(string template)
    {
        var env = new Dictionary<string, string?>(StringComparer.Ordinal) { ["POD_IP"] = "10.1.2.3" };
        var text = Template("_helpers.tpl") + "\n" + Template(template);
        foreach (Match match in EnvEntry().Matches(text))
        {
            var key = match.Groups["name"].Value.Replace("__", ":", StringComparison.Ordinal);
            var value = match.Groups["value"].Value.Trim();
            env[key] = value switch
            {
                "\"$(POD_IP)\"" => "10.1.2.3",
                _ when value.Contains("evograins.shutdownTimeout", StringComparison.Ordinal) =>
                    TimeSpan.FromSeconds(Int(Values.Value, "orleans", "shutdownTimeoutSeconds")).ToString("c", CultureInfo.InvariantCulture),
                _ when value.Contains("evograins.redis.connectionValue", StringComparison.Ordinal) || value.Length == 0 =>
                    "evograins-redis:6379,password=sample,abortConnect=false",
                _ when ValuesReference().Match(value) is { Success: true } reference =>
                    Scalar(Values.Value, reference.Groups[1].Value.Split('.')),
                _ => value.Trim('"'),
            };
        }

        // The template sets the container name only under storage.provider=azureblob.
        return env;
    }

    private static void CollectUndocumented(YamlMappingNode mapping, string path, string[] lines, List<string> undocumented)
    {
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = path + keyNode;
            var line = (int)keyNode.Start.Line; // 1-based
            if (line < 2 || !lines[line - 2].TrimStart().StartsWith('#'))
            {
                undocumented.Add(key);
            }

            // Entries of lists (tolerations, extraEnv) are data, not chart settings; only mappings nest settings.
            if (valueNode is YamlMappingNode child)
            {
                CollectUndocumented(child, key + ".", lines, undocumented);
            }
        }
    }

    private static YamlMappingNode LoadMapping(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return Assert.IsType<YamlMappingNode>(Assert.Single(stream.Documents).RootNode);
    }

    private static string Scalar(YamlMappingNode root, params string[] path)
    {
        YamlNode node = root;
        foreach (var segment in path)
        {
            node = ((YamlMappingNode)node)[segment];
        }

        return Assert.IsType<YamlScalarNode>(node).Value ?? "";
    }

    private static int Int(YamlMappingNode root, params string[] path) => int.Parse(Scalar(root, path), CultureInfo.InvariantCulture);

    private static string Template(string file) => File.ReadAllText(Path.Combine(TemplatesDir, file)).ReplaceLineEndings("\n");

    private static int KindCount(string kind) =>
        Directory.EnumerateFiles(TemplatesDir, "*.yaml").Sum(path => Regex.Matches(File.ReadAllText(path), $@"(?m)^kind: {kind}\s*$").Count);

    private static int Count(string text, string token) => (text.Length - text.Replace(token, "", StringComparison.Ordinal).Length) / token.Length;

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EvoGrains.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EvoGrains.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$")]
    private static partial Regex SemVer();

    [GeneratedRegex(@"name:\s*(EvoGrains__[A-Za-z0-9_]+)")]
    private static partial Regex EnvName();

    // "- name: EvoGrains__X" followed by "value: ..." or by an include/valueFrom on the next line.
    [GeneratedRegex(@"- name: (?<name>EvoGrains__[A-Za-z0-9_]+)\n\s*(?:value: (?<value>[^\n]*)|(?<value>\{\{-? include [^\n]*)|valueFrom:(?<value>))")]
    private static partial Regex EnvEntry();

    [GeneratedRegex(@"^\{\{ \.Values\.([A-Za-z0-9_.]+) \| quote \}\}$")]
    private static partial Regex ValuesReference();

    [GeneratedRegex(@"\{\{-?\s*(if|with|range|define)\b")]
    private static partial Regex BlockOpen();

    [GeneratedRegex(@"\{\{-?\s*end\b")]
    private static partial Regex BlockEnd();
}
