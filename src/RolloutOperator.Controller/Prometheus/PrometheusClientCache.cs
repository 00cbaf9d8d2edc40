using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace RolloutOperator.Controller.PrometheusProvider;

/// <summary>
/// One HttpClient (and connection pool) per distinct (address, TLS settings). TLS trust is fixed per handler, so a
/// different CA bundle needs its own handler; keyed by a hash of the bundle, never its text. Least recently used
/// entries beyond the bound are dropped and not disposed (a request may still use them); their idle connections close
/// on their own.
/// </summary>
internal sealed class PrometheusClientCache(PrometheusOptions options) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ClientKey, Entry> _clients = [];
    private long _clock;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _clients.Count;
            }
        }
    }

    public HttpClient Get(Uri address, string? caBundle, string caSource, bool insecureSkipVerify)
    {
        var key = new ClientKey(address.GetLeftPart(UriPartial.Authority), insecureSkipVerify, caBundle is null ? null : Hash(caBundle));
        lock (_gate)
        {
            if (!_clients.TryGetValue(key, out var entry))
            {
                var roots = caBundle is null || insecureSkipVerify ? null : TlsTrust.LoadBundle(caBundle, caSource);
                entry = new Entry(Create(roots, insecureSkipVerify));
                Evict();
                _clients[key] = entry;
            }

            entry.LastUsed = ++_clock;
            return entry.Client;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var entry in _clients.Values)
            {
                entry.Client.Dispose();
            }

            _clients.Clear();
        }
    }

    private void Evict()
    {
        while (_clients.Count >= Math.Max(1, options.MaxCachedClients))
        {
            var oldest = _clients.MinBy(pair => pair.Value.LastUsed).Key;
            _clients.Remove(oldest);
        }
    }

    private HttpClient Create(System.Security.Cryptography.X509Certificates.X509Certificate2Collection? roots, bool insecure)
    {
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AllowAutoRedirect = false,
        };
        handler.SslOptions.RemoteCertificateValidationCallback = TlsTrust.Callback(roots, insecure);

        // The measurement's own linked token is the timeout; HttpClient's would fire with a misleading exception.
        return new HttpClient(handler, disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan,
            MaxResponseContentBufferSize = options.MaxResponseBytes,
        };
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private readonly record struct ClientKey(string Authority, bool Insecure, string? CaHash);

    private sealed class Entry(HttpClient client)
    {
        public HttpClient Client { get; } = client;

        public long LastUsed { get; set; }
    }
}
