package org.switchboard.connection.internal;

import org.apache.commons.lang3.StringUtils;
import org.switchboard.api.irc.UrlSecrets;

/**
 * One server of a network.
 *
 * <p>Written as {@code host}, {@code host:port}, {@code +host:port} or {@code host:+port} (TLS, the usual IRC
 * notation), {@code irc://host:port} or {@code ircs://host:port}; IPv6 literals in brackets. Default ports are
 * 6667 for plaintext and 6697 for TLS.
 */
public record ServerAddress(String host, int port, boolean tls) {

    public static final int DEFAULT_PORT = 6667;
    public static final int DEFAULT_TLS_PORT = 6697;

    public ServerAddress {
        if (StringUtils.isBlank(host)) {
            throw new IllegalArgumentException("server host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("server port " + port + " is out of range 1-65535");
        }
    }

    public static ServerAddress parse(String text) {
        String spec = StringUtils.trimToEmpty(text);
        if (spec.indexOf('@') >= 0) {
            // user:password@host: refused, and kept out of the message, which reaches the log
            throw new IllegalArgumentException("'" + UrlSecrets.withoutUserInfo(spec)
                    + "': user or password in a server address is not supported");
        }
        boolean tls = false;
        if (StringUtils.startsWithIgnoreCase(spec, "ircs://")) {
            tls = true;
            spec = spec.substring(7);
        } else if (StringUtils.startsWithIgnoreCase(spec, "irc://")) {
            spec = spec.substring(6);
        } else if (spec.startsWith("+")) {
            tls = true;
            spec = spec.substring(1);
        }
        spec = StringUtils.substringBefore(spec, "/");
        String host;
        String portText = null;
        if (spec.startsWith("[")) {
            int close = spec.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'" + text + "': unclosed [ in IPv6 address");
            }
            host = spec.substring(1, close);
            String rest = spec.substring(close + 1);
            if (rest.startsWith(":")) {
                portText = rest.substring(1);
            } else if (!rest.isEmpty()) {
                throw new IllegalArgumentException("'" + text + "': unexpected text after the address");
            }
        } else {
            int colon = spec.lastIndexOf(':');
            if (colon >= 0 && spec.indexOf(':') == colon) {
                host = spec.substring(0, colon);
                portText = spec.substring(colon + 1);
            } else {
                host = spec;
            }
        }
        if (portText != null && portText.startsWith("+")) {
            tls = true;
            portText = portText.substring(1);
        }
        int port = tls ? DEFAULT_TLS_PORT : DEFAULT_PORT;
        if (portText != null) {
            if (!StringUtils.isNumeric(portText) || portText.length() > 5) {
                throw new IllegalArgumentException("'" + text + "': port '" + portText + "' is not a number");
            }
            port = Integer.parseInt(portText);
        }
        if (StringUtils.isBlank(host)) {
            throw new IllegalArgumentException("'" + text + "': no host name");
        }
        return new ServerAddress(host, port, tls);
    }

    @Override
    public String toString() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return h + ":" + (tls ? "+" : "") + port;
    }
}
