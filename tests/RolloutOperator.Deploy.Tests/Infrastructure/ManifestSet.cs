using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace RolloutOperator.Deploy.Tests.Infrastructure;

/// <summary>A parsed multi-document render (helm template, kubectl kustomize).</summary>
internal sealed class ManifestSet(IReadOnlyList<Manifest> items)
{
    public IReadOnlyList<Manifest> Items { get; } = items;

    public static ManifestSet Parse(string yaml)
    {
        var deserializer = new DeserializerBuilder().Build();
        var parser = new Parser(new StringReader(yaml));
        parser.Consume<StreamStart>();
        var items = new List<Manifest>();
        while (parser.Accept<DocumentStart>(out _))
        {
            if (deserializer.Deserialize<object?>(parser) is Dictionary<object, object> map)
            {
                items.Add(new Manifest(map));
            }
        }

        return new ManifestSet(items);
    }

    public IEnumerable<Manifest> OfKind(string kind) => Items.Where(m => m.Kind == kind);

    public Manifest Single(string kind)
    {
        var matches = OfKind(kind).ToList();
        Assert.True(matches.Count == 1, $"expected one {kind}, found {matches.Count}: {string.Join(", ", matches)}");
        return matches[0];
    }
}
