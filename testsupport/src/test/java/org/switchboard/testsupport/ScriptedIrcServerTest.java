package org.switchboard.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class ScriptedIrcServerTest {

    @Test
    void recordsLinesAndSendsScriptedReplies() throws Exception {
        try (ScriptedIrcServer server = ScriptedIrcServer.start();
                Socket socket = new Socket(server.host(), server.port())) {
            ScriptedIrcServer.Peer peer = server.awaitPeer();
            OutputStream out = socket.getOutputStream();
            out.write("NICK a\r\nUSER a 0 * :A\nPING x\r\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertEquals("USER a 0 * :A", peer.awaitLineStartingWith("USER"));
            assertEquals("PING x", peer.nextLine());
            assertEquals(List.of("NICK a", "USER a 0 * :A", "PING x"), peer.received());

            byte[] line = "PRIVMSG a :h\u00e9\r\n".getBytes(StandardCharsets.UTF_8);
            peer.sendSplit(line, 5, 14);
            peer.close();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            in.transferTo(got);
            assertEquals("PRIVMSG a :h\u00e9\r\n", got.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void awaitFailsWithWhatWasReceivedInsteadOfHanging() throws Exception {
        try (ScriptedIrcServer server = ScriptedIrcServer.start();
                Socket socket = new Socket(server.host(), server.port())) {
            ScriptedIrcServer.Peer peer = server.awaitPeer();
            socket.getOutputStream().write("NICK a\r\n".getBytes(StandardCharsets.UTF_8));
            // received first, so that the failure below has it to list however slowly the reader runs
            peer.awaitLine("NICK a");
            AssertionError error = assertThrows(AssertionError.class,
                    () -> peer.awaitLine(l -> l.startsWith("USER"), Duration.ofMillis(300)));
            assertEquals(true, error.getMessage().contains("NICK a"));
        }
    }
}
