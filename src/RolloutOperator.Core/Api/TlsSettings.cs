namespace RolloutOperator.Core.Api;

[Description("TLS settings for the provider connection.")]
public sealed class TlsSettings
{
    [Description("CA bundle (PEM) from a Secret key.")]
    public SecretKeyRef? CaSecretRef { get; set; }

    [Description("CA bundle (PEM) from a file mounted into the operator. Accepted only in ClusterAnalysisTemplates, below a directory allowed by the operator's --credential-file-dirs.")]
    [MaxLength(4096)]
    public string? CaFile { get; set; }

    [Description("Skip certificate verification. For tests only.")]
    [DefaultValue(false)]
    public bool? InsecureSkipVerify { get; set; }
}
