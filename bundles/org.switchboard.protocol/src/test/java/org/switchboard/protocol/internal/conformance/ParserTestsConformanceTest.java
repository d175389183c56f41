package org.switchboard.protocol.internal.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.switchboard.api.irc.CaseMapping;
import org.switchboard.api.irc.IrcDecoder;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.irc.IrcSource;
import org.switchboard.protocol.internal.IrcProtocolComponent;

/**
 * The ircdocs parser-tests vectors (CC0, copied with their LICENSE into {@code src/test/resources/parser-tests}),
 * one dynamic test per vector.
 *
 * <p>Deliberate deviations, by vector name:
 * <ul>
 * <li>msg-split, every vector in {@link #LOWER_CASE_VERBS}: {@link IrcMessage#command()} is upper-cased by the API
 * contract (commands are case-insensitive, and one canonical spelling lets every listener compare with
 * {@code equals} and lets the parser share one string per command), so the verb {@code foo} is expected as
 * {@code FOO}. Everything else about these vectors is asserted exactly.</li>
 * </ul>
 * No other vector is skipped or changed.
 */
class ParserTestsConformanceTest {

    static final Set<String> LOWER_CASE_VERBS = Set.of(
            "foo bar baz asdf",
            ":coolguy foo bar baz asdf",
            "foo bar baz :asdf quux",
            "foo bar baz :",
            "foo bar baz ::asdf",
            ":coolguy foo bar baz :asdf quux",
            ":coolguy foo bar baz :  asdf quux ",
            ":coolguy foo bar baz :",
            ":coolguy foo bar baz :  ",
            "@a=b;c=32;k;rt=ql7 foo",
            "@a=b\\\\and\\nk;c=72\\s45;d=gh\\:764 foo",
            "@c;h=;a=b :quux ab cd",
            ":cool\tguy foo bar baz");

    private final IrcProtocol protocol = new IrcProtocolComponent();

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> vectors(String file) throws IOException {
        try (InputStream in = ParserTestsConformanceTest.class.getResourceAsStream("/parser-tests/" + file)) {
            Map<String, Object> document = (Map<String, Object>) new Load(LoadSettings.builder().build())
                    .loadFromInputStream(in);
            return (List<Map<String, Object>>) document.get("tests");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> tags(Map<String, Object> atoms) {
        Object tags = atoms.get("tags");
        return tags == null ? Map.of() : (Map<String, String>) tags;
    }

    @SuppressWarnings("unchecked")
    private static List<String> params(Map<String, Object> atoms) {
        Object params = atoms.get("params");
        return params == null ? List.of() : (List<String>) params;
    }

    @SuppressWarnings("unchecked")
    @TestFactory
    Stream<DynamicNode> msgSplit() throws IOException {
        return vectors("msg-split.yaml").stream().map(vector -> {
            String input = (String) vector.get("input");
            Map<String, Object> atoms = (Map<String, Object>) vector.get("atoms");
            String verb = (String) atoms.get("verb");
            String expectedCommand = LOWER_CASE_VERBS.contains(input) ? verb.toUpperCase(Locale.ROOT) : verb;
            IrcMessage expected = new IrcMessage(tags(atoms), (String) atoms.get("source"), expectedCommand,
                    params(atoms));
            return dynamicContainer(input, List.of(
                    dynamicTest("parse", () -> assertEquals(expected, protocol.parse(input))),
                    dynamicTest("decode", () -> assertEquals(List.of(expected), decode(input + "\r\n")))));
        });
    }

    private List<IrcMessage> decode(String stream) {
        List<IrcMessage> messages = new ArrayList<>();
        protocol.newDecoder(StandardCharsets.ISO_8859_1).decode(
                ByteBuffer.wrap(stream.getBytes(StandardCharsets.UTF_8)), new IrcDecoder.Sink() {
                    @Override
                    public void message(IrcMessage message) {
                        messages.add(message);
                    }

                    @Override
                    public void malformed(String problem, String line) {
                        throw new AssertionError(problem + ": " + line);
                    }
                });
        return messages;
    }

    @Test
    void everyListedDeviationNamesARealVectorThatNeedsIt() throws IOException {
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> vector : vectors("msg-split.yaml")) {
            @SuppressWarnings("unchecked")
            String verb = (String) ((Map<String, Object>) vector.get("atoms")).get("verb");
            String input = (String) vector.get("input");
            if (LOWER_CASE_VERBS.contains(input)) {
                assertNotEquals(verb.toUpperCase(Locale.ROOT), verb, input);
                seen.add(input);
            } else {
                assertEquals(verb.toUpperCase(Locale.ROOT), verb, "unlisted vector with lower-case verb: " + input);
            }
        }
        assertEquals(LOWER_CASE_VERBS, seen);
    }

    @SuppressWarnings("unchecked")
    @TestFactory
    Stream<DynamicNode> msgJoin() throws IOException {
        return vectors("msg-join.yaml").stream().map(vector -> {
            Map<String, Object> atoms = (Map<String, Object>) vector.get("atoms");
            List<String> matches = (List<String>) vector.get("matches");
            IrcMessage message = new IrcMessage(tags(atoms), (String) atoms.get("source"), (String) atoms.get("verb"),
                    params(atoms));
            return dynamicTest((String) vector.get("desc"), () -> {
                String line = protocol.serialize(message);
                assertTrue(matches.contains(line), () -> line + " is none of " + matches);
            });
        });
    }

    @SuppressWarnings("unchecked")
    @TestFactory
    Stream<DynamicNode> userhostSplit() throws IOException {
        return vectors("userhost-split.yaml").stream().map(vector -> {
            String source = (String) vector.get("source");
            Map<String, String> atoms = (Map<String, String>) vector.get("atoms");
            return dynamicTest(source, () -> {
                IrcSource parsed = IrcSource.parse(source);
                Map<String, String> actual = new LinkedHashMap<>();
                actual.put("nick", parsed.nick());
                actual.put("user", parsed.user() == null ? "" : parsed.user());
                actual.put("host", parsed.host() == null ? "" : parsed.host());
                Map<String, String> expected = new LinkedHashMap<>();
                for (String key : List.of("nick", "user", "host")) {
                    expected.put(key, atoms.getOrDefault(key, ""));
                }
                assertEquals(expected, actual);
                assertEquals(source, protocol.parse(":" + source + " PRIVMSG #c :x").source());
            });
        });
    }

    @SuppressWarnings("unchecked")
    @TestFactory
    Stream<DynamicNode> maskMatch() throws IOException {
        return vectors("mask-match.yaml").stream().map(vector -> {
            String mask = (String) vector.get("mask");
            List<DynamicNode> cases = new ArrayList<>();
            for (String text : (List<String>) vector.getOrDefault("matches", List.of())) {
                cases.add(dynamicTest("matches " + text,
                        () -> assertTrue(protocol.maskMatches(mask, text, CaseMapping.RFC1459))));
            }
            for (String text : (List<String>) vector.getOrDefault("fails", List.of())) {
                cases.add(dynamicTest("fails " + text,
                        () -> assertFalse(protocol.maskMatches(mask, text, CaseMapping.RFC1459))));
            }
            return dynamicContainer(mask, cases);
        });
    }

    @TestFactory
    Stream<DynamicNode> validateHostname() throws IOException {
        return vectors("validate-hostname.yaml").stream().map(vector -> {
            String host = (String) vector.get("host");
            boolean valid = (Boolean) vector.get("valid");
            return dynamicTest("\"" + host + "\" " + (valid ? "valid" : "invalid"),
                    () -> assertEquals(valid, protocol.isValidHostname(host)));
        });
    }

    @Test
    void everyVectorFileIsLoaded() throws IOException {
        assertEquals(List.of(true, true, true, true, true), Stream.of("msg-split.yaml", "msg-join.yaml",
                "userhost-split.yaml", "mask-match.yaml", "validate-hostname.yaml")
                .map(file -> {
                    try {
                        return vectors(file).size() > 5;
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                }).toList());
    }
}
