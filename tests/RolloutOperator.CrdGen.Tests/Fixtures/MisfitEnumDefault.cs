using System.ComponentModel;
using RolloutOperator.Core.Api;

namespace RolloutOperator.CrdGen.Tests.Fixtures;

internal sealed class MisfitEnumDefault
{
    [DefaultValue("Never")]
    public WorkloadScaleDown? ScaleDown { get; set; }
}
