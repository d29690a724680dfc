package org.dcplanner.consolidation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The one HTTP client of the hardening tests and benchmarks (bad-input corpus, load check): every
 * request is built by {@link #request}, so authenticating all of them is a change in that one method.
 */
public final class ApiClient {
    private static final String BASIC = "Basic "
            + java.util.Base64.getEncoder()
                    .encodeToString((TestUsers.PLANNER + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
    private final String base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    public ApiClient(String base) {
        this.base = base;
    }

    public static ApiClient onPort(int port) {
        return new ApiClient("http://127.0.0.1:" + port);
    }

    /** A request to {@code path} (relative to the service), signed in as the test planner (HTTP Basic). */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", BASIC);
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** A body of unknown length: sent chunked, so the server can only cap it while reading. */
    public static HttpRequest.BodyPublisher chunked(byte[] body) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    }

    /** Bytes written as they are to a socket (for requests no client library would send); returns the raw response. */
    public String raw(String request) {
        URI uri = URI.create(base);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(rawAuthenticated(request).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            return response.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Raw requests carry the same credentials as {@link #request}: the header goes after the request line. */
    private static String rawAuthenticated(String request) {
        int lineEnd = request.indexOf("\r\n");
        if (lineEnd < 0) return request;
        return request.substring(0, lineEnd + 2) + "Authorization: " + BASIC + "\r\n" + request.substring(lineEnd + 2);
    }
}
