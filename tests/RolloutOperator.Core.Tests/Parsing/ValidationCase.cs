using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;

namespace RolloutOperator.Core.Tests.Parsing;

/// <summary>A spec broken in one way, the field path the error must name, and optionally a fragment of its message.</summary>
internal sealed record ValidationCase(Func<RolloutSpec> Build, string Path, string? Message = null, Func<ParseContext>? Context = null);
