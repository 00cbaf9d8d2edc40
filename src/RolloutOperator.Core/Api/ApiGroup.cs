namespace RolloutOperator.Core.Api;

public static class ApiGroup
{
    public const string Name = "rollout-operator.io";
    public const string Version = "v1alpha1";
    public const string ApiVersion = Name + "/" + Version;

    /// <summary>Prefix of every label and annotation the operator owns.</summary>
    public const string Prefix = Name + "/";
    public const string FieldManager = "rollout-operator";
    public const string RevisionLabel = Prefix + "revision";
}
