using System.Text;

namespace RolloutOperator.Controller.Outbound;

/// <summary>A response body read up to a byte limit; a longer one is reported, never buffered whole.</summary>
internal readonly record struct BoundedBody(string Text, bool TooLarge)
{
    public static async Task<BoundedBody> ReadAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > maxBytes)
        {
            return new("", true);
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[8192];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return new("", true);
                }

                buffer.Write(chunk, 0, read);
            }

            return new(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), false);
        }
    }
}
