namespace RolloutOperator.Core.Api;

[JsonConverter(typeof(JsonStringEnumConverter<WebMethod>))]
public enum WebMethod
{
    GET,
    POST,
}
