package org.dcplanner.consolidation.ingestion.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.core.io.InputStreamSource;

/**
 * What makes two uploads the same workload: SHA-256 over the trace's bytes, the inventory's bytes and the
 * parameters that change what is stored (format, VM profile, step, start); the name is not part of it.
 * One streaming pass over the (on-disk) upload.
 */
final class UploadFingerprint {
    private UploadFingerprint() {}

    static String of(InputStreamSource trace, InputStreamSource inventory, IngestRequest request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            digest(sha, trace);
            sha.update((byte) 0);
            if (inventory != null) digest(sha, inventory);
            String params = "\0format="
                    + (request.format() == null ? "" : request.format().id())
                    + "\0vmProfile=" + request.vmProfile().id()
                    + "\0stepSeconds=" + (request.stepSeconds() == null ? "" : request.stepSeconds())
                    + "\0start=" + (request.start() == null ? "" : request.start())
                    + (request.assumedCpuPercent() == null ? "" : "\0assumedCpuPercent=" + request.assumedCpuPercent());
            sha.update(params.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        } catch (IOException e) {
            throw IngestProblems.invalid(
                    "unreadable-upload",
                    "The upload could not be read: " + e.getMessage(),
                    request.source().name(),
                    0,
                    null);
        }
    }

    private static void digest(MessageDigest sha, InputStreamSource source) throws IOException {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = source.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) sha.update(buffer, 0, n);
        }
    }
}
