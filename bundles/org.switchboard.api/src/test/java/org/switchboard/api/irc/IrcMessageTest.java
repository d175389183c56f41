package org.switchboard.api.irc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

/** The message value type: parsed (tags in wire form) and built messages behave the same. */
class IrcMessageTest {

    private static IrcMessage parsed(String section) {
        return IrcMessage.parsed(section, "nick!user@host", "PRIVMSG", List.of("#chan", "hello"));
    }

    private static IrcMessage built(Map<String, String> tags) {
        return new IrcMessage(tags, "nick!user@host", "PRIVMSG", List.of("#chan", "hello"));
    }

    @Test
    void parsedAndBuiltMessagesAreEqualWithEqualHashCodes() {
        IrcMessage fromWire = parsed("time=2024-01-02T03:04:05.678Z;msgid=abc;account=nick");
        IrcMessage fromParts = built(Map.of("time", "2024-01-02T03:04:05.678Z", "msgid", "abc", "account", "nick"));
        assertEquals(fromParts, fromWire);
        assertEquals(fromWire, fromParts);
        assertEquals(fromParts.hashCode(), fromWire.hashCode());
        // Also before the parsed message was asked for anything, in a hash set the other way round.
        Set<IrcMessage> set = new HashSet<>(List.of(parsed("msgid=abc;account=nick;time=2024-01-02T03:04:05.678Z")));
        assertTrue(set.contains(fromParts));
        assertEquals("IrcMessage[tags=" + fromWire.tags() + ", source=nick!user@host, command=PRIVMSG, params=[#chan,"
                + " hello]]", fromWire.toString());
    }

    @Test
    void messagesDifferingInAnyPartAreNotEqual() {
        IrcMessage base = parsed("a=1");
        assertNotEquals(base, parsed("a=2"));
        assertNotEquals(base, parsed(null));
        assertNotEquals(base, base.withSource("other!u@h"));
        assertNotEquals(base, base.withSource(null));
        assertNotEquals(base, IrcMessage.parsed("a=1", "nick!user@host", "NOTICE", List.of("#chan", "hello")));
        assertNotEquals(base, IrcMessage.parsed("a=1", "nick!user@host", "PRIVMSG", List.of("#chan", "hello", "")));
        assertNotEquals(base, "a=1");
    }

    @Test
    void noTagSectionAndAnEmptyOneAreNoTags() {
        for (IrcMessage message : List.of(parsed(null), parsed(""), parsed(";"), parsed(";;=x;="), built(null),
                built(Map.of()))) {
            assertEquals(Map.of(), message.tags(), message.toString());
            assertNull(message.tag("x"));
            assertEquals(built(Map.of()), message);
        }
    }

    @Test
    void oneTagIsFoundWithoutDecodingTheOthersAndAgreesWithTheMap() {
        IrcMessage message = parsed("a=1;time=t1;timezone=z;+draft/reply=r;vendor.example/k=v;flag;empty=;"
                + "esc=semi\\:sp\\sback\\\\cr\\rlf\\n;unknown=x\\yz;trailing=end\\;time=t2;x=time;=novalue;;");
        // Asked before tags() decodes the section, and again after.
        Map<String, String> lookedUp = new LinkedHashMap<>();
        for (String key : List.of("a", "time", "timezone", "+draft/reply", "vendor.example/k", "flag", "empty",
                "esc", "unknown", "trailing", "x", "tim", "times", "novalue", "", "a=1", "a;time", "=novalue")) {
            lookedUp.put(key, message.tag(key));
        }
        assertEquals("t2", lookedUp.get("time"), "a repeated key keeps its last value");
        assertEquals("z", lookedUp.get("timezone"));
        assertEquals("semi;sp back\\cr\rlf\n", lookedUp.get("esc"));
        assertEquals("xyz", lookedUp.get("unknown"));
        assertEquals("end", lookedUp.get("trailing"));
        assertEquals("", lookedUp.get("flag"));
        assertEquals("", lookedUp.get("empty"));
        assertEquals("time", lookedUp.get("x"));
        for (String absent : List.of("tim", "times", "novalue", "", "a=1", "a;time", "=novalue")) {
            assertNull(lookedUp.get(absent), absent);
        }

        Map<String, String> expected = new HashMap<>();
        expected.put("a", "1");
        expected.put("time", "t2");
        expected.put("timezone", "z");
        expected.put("+draft/reply", "r");
        expected.put("vendor.example/k", "v");
        expected.put("flag", "");
        expected.put("empty", "");
        expected.put("esc", "semi;sp back\\cr\rlf\n");
        expected.put("unknown", "xyz");
        expected.put("trailing", "end");
        expected.put("x", "time");
        assertEquals(expected, message.tags());
        for (Map.Entry<String, String> looked : lookedUp.entrySet()) {
            assertEquals(looked.getValue(), message.tag(looked.getKey()), looked.getKey());
        }
        assertThrows(NullPointerException.class, () -> parsed("a=1").tag(null));
    }

    @Test
    void lookupsFindEveryEntryOfALongSectionWithEqualsSignsInsideValues() {
        // More entries than the index starts with room for, and '=' inside values before valueless keys.
        IrcMessage message = parsed("k1=a=b=c;flag1;k2=x=;flag2;k3==;k4=4;k5=5;flag3;k6=6=6;k7=7");
        assertEquals("a=b=c", message.tag("k1"));
        assertEquals("", message.tag("flag1"));
        assertEquals("x=", message.tag("k2"));
        assertEquals("", message.tag("flag2"));
        assertEquals("=", message.tag("k3"));
        assertEquals("4", message.tag("k4"));
        assertEquals("5", message.tag("k5"));
        assertEquals("", message.tag("flag3"));
        assertEquals("6=6", message.tag("k6"));
        assertEquals("7", message.tag("k7"));
        assertNull(message.tag("a"));
        assertNull(message.tag("b"));
        assertNull(message.tag("k"));
    }

    @Test
    void anyTagSectionDecodesAndLooksUpConsistently() {
        // Sections from the characters that matter to the grammar; the map is checked against a plain split.
        char[] alphabet = {'a', 'b', 'k', '=', '=', ';', ';', '\\', ':', 's', 'n', 'r', 'x', '\u00e9', '\uFFFD'};
        Random random = new Random(3);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder section = new StringBuilder();
            int length = random.nextInt(24);
            for (int i = 0; i < length; i++) {
                section.append(alphabet[random.nextInt(alphabet.length)]);
            }
            IrcMessage message = parsed(section.toString());
            Map<String, String> reference = referenceDecode(section.toString());
            for (String key : List.of("a", "b", "k", "ab", "ka", "x", "\u00e9")) {
                assertEquals(reference.get(key), message.tag(key), section + " key " + key);
            }
            assertEquals(reference, message.tags(), section.toString());
        }
    }

    /** The IRCv3 rules written the slow, obvious way. */
    private static Map<String, String> referenceDecode(String section) {
        Map<String, String> tags = new HashMap<>();
        for (String entry : section.split(";", -1)) {
            int equals = entry.indexOf('=');
            String key = equals < 0 ? entry : entry.substring(0, equals);
            if (key.isEmpty()) {
                continue;
            }
            StringBuilder value = new StringBuilder();
            String raw = equals < 0 ? "" : entry.substring(equals + 1);
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c != '\\') {
                    value.append(c);
                } else if (++i < raw.length()) {
                    char escaped = raw.charAt(i);
                    value.append(escaped == ':' ? ';' : escaped == 's' ? ' ' : escaped == 'r' ? '\r'
                            : escaped == 'n' ? '\n' : escaped);
                }
            }
            tags.put(key, value.toString());
        }
        return tags;
    }

    @Test
    void immutable() {
        Map<String, String> tags = new HashMap<>(Map.of("k", "v"));
        List<String> params = new ArrayList<>(List.of("#chan", "text"));
        IrcMessage message = new IrcMessage(tags, "s", "PRIVMSG", params);
        tags.put("k", "changed");
        params.set(1, "changed");
        assertEquals(Map.of("k", "v"), message.tags());
        assertEquals(List.of("#chan", "text"), message.params());
        assertThrows(UnsupportedOperationException.class, () -> message.tags().put("a", "b"));
        assertThrows(UnsupportedOperationException.class, () -> message.params().add("x"));

        IrcMessage fromWire = parsed("k=v");
        assertThrows(UnsupportedOperationException.class, () -> fromWire.tags().put("a", "b"));
        assertThrows(UnsupportedOperationException.class, () -> fromWire.tags().remove("k"));
        assertThrows(UnsupportedOperationException.class, () -> fromWire.params().set(0, "x"));
        assertEquals("v", fromWire.tag("k"));
    }

    @Test
    void decodedOnceAndTheSameFromEveryThread() throws Exception {
        IrcMessage message = parsed("time=t;msgid=m;account=a");
        assertSame(message.tags(), message.tags());
        IrcMessage shared = parsed("time=t;msgid=m;account=a");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Map<String, String>>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(CompletableFuture.supplyAsync(shared::tags, pool));
            }
            for (CompletableFuture<Map<String, String>> result : results) {
                assertEquals(Map.of("time", "t", "msgid", "m", "account", "a"), result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sourceNickIsComputedOnceAndAgreesWithIrcSource() {
        IrcMessage message = parsed("a=1");
        assertSame(message.sourceNick(), message.sourceNick());
        assertEquals("nick", message.sourceNick());
        assertNull(IrcMessage.of("PING", "x").sourceNick());
        assertEquals("other", message.withSource("other@host").sourceNick());
        for (String source : List.of("n!u@h", "n@h!u", "n!u!v@h@i", "server.example", "!u@h", "@h", "n!", "n@",
                "\u00f1ick!\u00fcser@h\u00f6st", "\u4e2d!u@h")) {
            assertEquals(IrcSource.parse(source).nick(), message.withSource(source).sourceNick(), source);
        }
    }

    @Test
    void withSourceKeepsTheTagsAndWithTagsReplacesThem() {
        IrcMessage message = parsed("a=1;b=2");
        IrcMessage moved = message.withSource("server.example");
        assertEquals("server.example", moved.source());
        assertEquals("1", moved.tag("a"));
        assertEquals(Map.of("a", "1", "b", "2"), moved.tags());
        IrcMessage retagged = message.withTags(Map.of("c", "3"));
        assertEquals(Map.of("c", "3"), retagged.tags());
        assertNull(retagged.tag("a"));
        assertEquals(message.source(), retagged.source());
        assertEquals(message.params(), retagged.params());
    }

    @Test
    void partsAndFactories() {
        IrcMessage message = new IrcMessage(null, null, "PONG", null);
        assertEquals(List.of(), message.params());
        assertNull(message.param(0));
        assertNull(message.lastParam());
        assertTrue(message.is("pong"));
        assertThrows(NullPointerException.class, () -> new IrcMessage(Map.of(), "s", null, List.of()));
        assertThrows(NullPointerException.class, () -> IrcMessage.parsed("a=1", "s", null, List.of()));
        assertEquals(new IrcMessage(Map.of(), null, "PING", List.of("x")), IrcMessage.of("PING", "x"));
        assertEquals("IrcMessage[tags={}, source=null, command=PING, params=[x]]", IrcMessage.of("PING", "x").toString());
    }

    @Test
    void aTrailingParameterGivenAsUtf8BytesBehavesLikeTheString() {
        byte[] text = "h\u00e9llo \u4e2d\u6587".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        IrcMessage fromWire = IrcMessage.parsed("msgid=1", "nick!user@host", "PRIVMSG", List.of("#chan"), text);
        IrcMessage fromParts = new IrcMessage(Map.of("msgid", "1"), "nick!user@host", "PRIVMSG",
                List.of("#chan", "h\u00e9llo \u4e2d\u6587"));
        assertEquals(2, fromWire.paramCount());
        assertSame(text, fromWire.lastParamUtf8(), "the bytes are kept, not encoded again");
        assertEquals("#chan", fromWire.param(0));
        assertEquals("h\u00e9llo \u4e2d\u6587", fromWire.lastParam());
        assertSame(fromWire.lastParam(), fromWire.param(1));
        assertNull(fromWire.param(2));
        assertEquals(fromParts, fromWire);
        assertEquals(fromWire, fromParts);
        assertEquals(fromParts.hashCode(), fromWire.hashCode());
        assertEquals(fromParts.toString(), fromWire.toString());
        assertEquals(fromParts.params(), fromWire.params());
        assertThrows(UnsupportedOperationException.class, () -> fromWire.params().add("x"));
        assertSame(text, fromWire.withSource("other").lastParamUtf8());
        assertSame(text, fromWire.withTags(Map.of()).lastParamUtf8());
        assertEquals(fromParts.withTags(Map.of()), fromWire.withTags(Map.of()));
        // a message built from strings encodes its last parameter once, when asked
        byte[] encoded = fromParts.lastParamUtf8();
        assertTrue(java.util.Arrays.equals(text, encoded));
        assertSame(encoded, fromParts.lastParamUtf8());
        assertNull(IrcMessage.of("PING").lastParamUtf8());
        assertEquals(0, IrcMessage.of("PING").paramCount());
        IrcMessage onlyTrailing = IrcMessage.parsed(null, null, "PING", List.of(), new byte[0]);
        assertEquals(List.of(""), onlyTrailing.params());
        assertEquals(IrcMessage.of("PING", ""), onlyTrailing);
        assertThrows(NullPointerException.class, () -> IrcMessage.parsed(null, null, "PING", List.of(), null));
    }
}
