package org.dcplanner.consolidation.problem;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.dcplanner.consolidation.ApiClient;

/** A multipart/form-data body built by hand (so a test can also cut one short). */
final class Multipart {
    private static final String BOUNDARY = "----corpus-boundary-7d1f";
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    Multipart field(String name, String value) {
        write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
        return this;
    }

    Multipart file(String name, String filename, byte[] content) {
        write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(content);
        write("\r\n");
        return this;
    }

    HttpRequest post(ApiClient api, String path) {
        write("--" + BOUNDARY + "--\r\n");
        return api.request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
    }

    /** A body that stops in the middle of its file part, without the closing boundary. */
    static HttpRequest truncated(ApiClient api, String path) {
        Multipart m = new Multipart();
        m.write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cut.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nvm,timestamp,cpuMhz\nvm-1,2026-01-05T00:00:00Z,1");
        return api.request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(m.body.toByteArray()))
                .build();
    }

    private void write(String s) {
        body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
