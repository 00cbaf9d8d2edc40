namespace RolloutOperator.Core.Api;

[Description("A string match: exactly one of exact, prefix, regex.")]
[CelRule("(has(self.exact) ? 1 : 0) + (has(self.prefix) ? 1 : 0) + (has(self.regex) ? 1 : 0) == 1", "set exactly one of exact, prefix, regex")]
public sealed class StringMatch
{
    [Description("Exact value.")]
    [MaxLength(1024)]
    public string? Exact { get; set; }

    [Description("Value prefix.")]
    [MaxLength(1024)]
    public string? Prefix { get; set; }

    [Description("Regular expression (RE2 syntax as the router understands it).")]
    [MaxLength(1024)]
    public string? Regex { get; set; }
}
