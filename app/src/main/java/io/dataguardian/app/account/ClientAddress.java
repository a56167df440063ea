package io.dataguardian.app.account;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Client addresses as they may be stored or logged: IPv4 cut to its /24, IPv6 to its /48. */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String truncate(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        String a = address.trim();
        // only literal addresses; never a DNS lookup
        if (!a.matches("[0-9a-fA-F:.%\\[\\]]+")) {
            return "unknown";
        }
        try {
            byte[] bytes = InetAddress.getByName(a.replace("[", "").replace("]", "").replaceAll("%.*$", "")).getAddress();
            if (bytes.length == 4) {
                return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0/24";
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 6; i += 2) {
                sb.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return sb.append(":/48").toString();
        } catch (UnknownHostException ex) {
            return "unknown";
        }
    }
}
