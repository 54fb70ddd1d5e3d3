package org.roster.app;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.client.methods.RequestBuilder;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.util.EntityUtils;

/**
 * CardDAV requests whose connections come from a chosen loopback address (127.0.0.2, 127.0.0.3,
 * …), so the server sees them as another client's than the tests' own on 127.0.0.1. Linux routes
 * all of 127.0.0.0/8 to the loopback interface, so the server needs to listen on nothing more.
 */
final class LoopbackClient implements Closeable {

    private final CloseableHttpClient http;
    private final URI server;

    /**
     * @param from        the local address the connections come from
     * @param server      the server's root, on 127.0.0.1
     * @param connections how many requests may be under way at once
     */
    LoopbackClient(String from, URI server, int connections) throws IOException {
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager();
        pool.setMaxTotal(connections);
        pool.setDefaultMaxPerRoute(connections);
        this.http = HttpClients.custom().setConnectionManager(pool).disableAutomaticRetries()
                .setDefaultRequestConfig(RequestConfig.custom().setLocalAddress(InetAddress.getByName(from))
                        .setConnectTimeout(10_000).setSocketTimeout(30_000).build())
                .build();
        this.server = server;
    }

    /** A PROPFIND of this path signed in with this name and password; returns the status. */
    int propfind(String path, String user, String password) throws IOException {
        HttpUriRequest request = RequestBuilder.create("PROPFIND").setUri(server.resolve(path))
                .setHeader("Depth", "0")
                .setHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8)))
                .build();
        try (CloseableHttpResponse response = http.execute(request)) {
            EntityUtils.consume(response.getEntity());
            return response.getStatusLine().getStatusCode();
        }
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
