package org.dcplanner.consolidation.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The network path between the service and its PostgreSQL, owned by a test: a TCP relay on a loopback port of its
 * own. {@link #cut} makes the database vanish as a stopped server does for its clients (the port refuses new
 * connections, every open connection is closed under the pool); {@link #restore} listens on the same port again.
 * Used instead of stopping a server because PostgreSQL refuses to run as root, as the CI runs.
 */
final class DatabaseLink implements AutoCloseable {
    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;

    DatabaseLink(String targetHost, int targetPort) {
        this.target = new InetSocketAddress(targetHost, targetPort);
        this.listener = listen(0);
        this.port = listener.getLocalPort();
        accept(listener);
    }

    int port() {
        return port;
    }

    /** The database gone: no listener on the port, every relayed connection closed. */
    synchronized void cut() {
        closeQuietly(listener);
        for (Socket s : open) closeQuietly(s);
        open.clear();
    }

    /** The database back on the same port. */
    synchronized void restore() {
        if (!listener.isClosed()) return;
        listener = listen(port);
        accept(listener);
    }

    @Override
    public void close() {
        cut();
    }

    private static ServerSocket listen(int port) {
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on loopback port " + port, e);
        }
    }

    private void accept(ServerSocket server) {
        daemon("db-link-accept-" + port, () -> {
            while (!server.isClosed()) {
                Socket client;
                try {
                    client = server.accept();
                } catch (IOException e) {
                    return; // listener closed by cut()
                }
                Socket upstream = new Socket();
                open.add(client);
                open.add(upstream);
                try {
                    upstream.connect(target, 5_000);
                    pump(client, upstream);
                    pump(upstream, client);
                } catch (IOException e) {
                    // the target refused: the client sees its connection closed
                    closeQuietly(client);
                    closeQuietly(upstream);
                }
            }
        });
    }

    private void pump(Socket from, Socket to) {
        daemon("db-link-pump", () -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (SocketException e) {
                // closed by cut() or by the other side
            } catch (IOException e) {
                // the same: the relayed connection is over
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        });
    }

    private static void daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            if (c != null) c.close();
        } catch (Exception ignored) {
            // already closed
        }
    }
}
