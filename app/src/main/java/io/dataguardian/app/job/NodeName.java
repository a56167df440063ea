package io.dataguardian.app.job;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This node's name as logs and the audit log show it (host name and process id). */
final class NodeName {

    private static final String NAME = compute();

    private NodeName() {
    }

    static String get() {
        return NAME;
    }

    private static String compute() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "#" + ProcessHandle.current().pid();
    }
}
