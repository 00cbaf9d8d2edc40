namespace RolloutOperator.Core.Api;

[Description("Basic authentication credentials from Secret keys.")]
public sealed class BasicAuth
{
    [Description("Username Secret key.")]
    [Required]
    public SecretKeyRef UsernameSecretRef { get; set; } = new();

    [Description("Password Secret key.")]
    [Required]
    public SecretKeyRef PasswordSecretRef { get; set; } = new();
}
