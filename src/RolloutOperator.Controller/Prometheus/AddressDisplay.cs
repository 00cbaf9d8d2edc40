namespace RolloutOperator.Controller.PrometheusProvider;

internal static class AddressDisplay
{
    // Scheme, host, port and path only: a URL may carry user info, which is a credential.
    public static string Of(Uri address) => address.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
}
