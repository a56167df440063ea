package io.dataguardian.app.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Asks Redis for PONG once at start-up, with a short timeout, so that the session store can be
 * chosen before Spring Session's Redis repository (which fails hard when Redis is down) is built.
 */
final class RedisProbe {

    private RedisProbe() {
    }

    /** Returns null when Redis answered, otherwise the reason it did not. */
    static String ping(String redisUrl, int timeoutMillis) {
        URI uri;
        try {
            uri = URI.create(redisUrl);
        } catch (IllegalArgumentException ex) {
            throw new InvalidSettingException("DATAGUARDIAN_REDIS_URL",
                    "not a valid URL (expected redis://host:6379 or rediss://host:6379)");
        }
        if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new InvalidSettingException("DATAGUARDIAN_REDIS_URL",
                    "expected redis://[user:password@]host:port or rediss://..., got " + Secrets.maskUrl(redisUrl));
        }
        int port = uri.getPort() > 0 ? uri.getPort() : 6379;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), timeoutMillis);
            if ("rediss".equals(uri.getScheme())) {
                return null; // TLS: a TCP answer is as far as this probe goes
            }
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            String userInfo = uri.getRawUserInfo();
            if (userInfo != null && !userInfo.isEmpty()) {
                int colon = userInfo.indexOf(':');
                String user = colon >= 0 ? decode(userInfo.substring(0, colon)) : "";
                String password = decode(colon >= 0 ? userInfo.substring(colon + 1) : userInfo);
                out.write(user.isEmpty() ? command("AUTH", password) : command("AUTH", user, password));
                String reply = readLine(in);
                if (!reply.startsWith("+OK")) {
                    return "authentication failed";
                }
            }
            out.write(command("PING"));
            String reply = readLine(in);
            return reply.startsWith("+PONG") ? null : "unexpected reply to PING";
        } catch (IOException ex) {
            return ex.getClass().getSimpleName() + (ex.getMessage() != null ? " (" + ex.getMessage() + ")" : "");
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static byte[] command(String... parts) {
        StringBuilder sb = new StringBuilder("*").append(parts.length).append("\r\n");
        for (String part : parts) {
            sb.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n' && sb.length() < 512) {
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }
}
