namespace Gongkai.Archive.Wacz;

/// <summary>
/// Sort-friendly URI Reordering Transform, the key of CDXJ index lines: <c>https://www.example.gov.cn/a/</c> becomes
/// <c>cn,gov,example)/a/</c> (scheme and <c>www.</c> dropped, host labels reversed, lower case, non-default port kept).
/// </summary>
public static class Surt
{
    /// <summary>The SURT of an absolute URL.</summary>
    public static string Of(Uri url)
    {
        var host = url.Host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }

        var reversed = url.HostNameType == UriHostNameType.Dns ? string.Join(',', host.Split('.').Reverse()) : host;
        var port = url.IsDefaultPort ? "" : $":{url.Port}";
        return $"{reversed}{port}){url.PathAndQuery.ToLowerInvariant()}";
    }
}
