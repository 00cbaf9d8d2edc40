using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;

namespace RolloutOperator.Core.Tests.Parsing;

public sealed class SpecDefaultsTests
{
    public static TheoryData<string> DefaultedFields => [.. SchemaDefaults().Keys];

    [Theory]
    [MemberData(nameof(DefaultedFields))]
    public void ParserDefault_SchemaDefaultValue_IsEqual(string field)
    {
        Assert.True(SpecDefaults.ByField.TryGetValue(field, out var parserDefault), $"the parser has no default for {field}");
        Assert.Equal(JsonSerializer.Serialize(SchemaDefaults()[field]), ApiJson.Serialize(parserDefault));
    }

    [Fact]
    public void ParserDefaults_EveryEntry_HasSchemaDefault()
    {
        Assert.Equal(SchemaDefaults().Keys.Order(StringComparer.Ordinal), SpecDefaults.ByField.Keys.Order(StringComparer.Ordinal));
    }

    private static Dictionary<string, object?> SchemaDefaults() =>
        typeof(RolloutSpec).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(RolloutSpec).Namespace)
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Select(p => (Field: $"{t.Name}.{p.Name}", Default: p.GetCustomAttribute<DefaultValueAttribute>())))
            .Where(x => x.Default is not null)
            .ToDictionary(x => x.Field, x => x.Default!.Value);
}
