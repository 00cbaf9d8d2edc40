using System.Net;
using k8s;
using k8s.Autorest;

namespace RolloutOperator.Runtime.Informers;

internal static class KubernetesErrors
{
    /// <summary>410 Gone: the resourceVersion or continue token is too old; only a relist helps.</summary>
    public static bool IsExpired(Exception? exception) => exception switch
    {
        KubernetesException { Status.Code: 410 } => true,
        HttpOperationException { Response.StatusCode: HttpStatusCode.Gone } => true,
        _ => false,
    };
}
