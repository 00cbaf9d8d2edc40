namespace RolloutOperator.Core.Api;

public sealed record PrinterColumn(string Name, string Type, string JsonPath, string Description, int Priority = 0);
