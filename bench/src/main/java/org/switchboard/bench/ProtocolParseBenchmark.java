package org.switchboard.bench;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.switchboard.api.irc.IrcDecoder;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.protocol.internal.IrcProtocolComponent;

/**
 * Parse throughput of the protocol bundle from bytes, single thread: a realistic corpus of server traffic is fed
 * through one {@link IrcDecoder} in 16 KiB reads, the way a connection's reader thread sees it. One operation is
 * one line, so the score is lines per second and {@code gc.alloc.rate.norm} (with {@code -prof gc}) is bytes
 * allocated per line.
 *
 * <p>Run (from the repository root; needs the protocol bundle installed, {@code mvn -q -B -o install -pl
 * bundles/org.switchboard.api,bundles/org.switchboard.protocol}):
 *
 * <pre>
 * mvn -q -B -Pbench -pl bench package &amp;&amp; java -jar bench/target/benchmarks.jar -f 1 -wi 3 -i 5 -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ProtocolParseBenchmark {

    /** Lines in the corpus; {@link OperationsPerInvocation} must match. */
    static final int LINES = 20_000;
    private static final int READ_SIZE = 16 * 1024;

    private final IrcProtocol protocol = new IrcProtocolComponent();
    private IrcDecoder decoder;
    private ByteBuffer[] reads;
    private String[] textLines;

    @Setup
    public void setUp() {
        List<String> corpus = Corpus.lines(LINES, new Random(42));
        textLines = corpus.toArray(String[]::new);
        StringBuilder stream = new StringBuilder(LINES * 120);
        for (String line : corpus) {
            stream.append(line).append("\r\n");
        }
        byte[] bytes = stream.toString().getBytes(StandardCharsets.UTF_8);
        List<ByteBuffer> slices = new ArrayList<>();
        for (int offset = 0; offset < bytes.length; offset += READ_SIZE) {
            slices.add(ByteBuffer.wrap(bytes, offset, Math.min(READ_SIZE, bytes.length - offset)).slice());
        }
        reads = slices.toArray(ByteBuffer[]::new);
        decoder = protocol.newDecoder(Charset.forName("windows-1252"));
        CountingSink check = new CountingSink(null);
        decodeAll(check);
        if (check.messages != LINES || check.malformed != 0) {
            throw new IllegalStateException("corpus decoded to " + check.messages + " messages and "
                    + check.malformed + " malformed lines, expected " + LINES + " messages");
        }
    }

    private void decodeAll(IrcDecoder.Sink sink) {
        for (ByteBuffer read : reads) {
            read.rewind();
            decoder.decode(read, sink);
        }
    }

    /** The hot path: bytes from the socket to parsed messages. */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public void decodeFromBytes(Blackhole blackhole) {
        decodeAll(new CountingSink(blackhole));
    }

    /**
     * {@link #decodeFromBytes} plus what the session reads of every message it routes: command, source nick, first
     * and last parameter, the {@code time}, {@code msgid} and {@code batch} tags (the last absent from the corpus,
     * as on most lines). A message decodes its tags only when asked, so this is the figure for real use; the
     * difference to {@link #decodeFromBytes} is what laziness saves a consumer that reads nothing.
     */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public void decodeAndRoute(Blackhole blackhole) {
        decodeAll(new RoutingSink(blackhole));
    }

    /** For comparison: {@link IrcProtocol#parse(String)} on lines that are already text. */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public void parseText(Blackhole blackhole) {
        for (String line : textLines) {
            blackhole.consume(protocol.parse(line));
        }
    }

    /** Reads of each message what {@code MessageRouter} in the session bundle reads of a PRIVMSG. */
    private static final class RoutingSink implements IrcDecoder.Sink {
        private final Blackhole blackhole;

        RoutingSink(Blackhole blackhole) {
            this.blackhole = blackhole;
        }

        @Override
        public void message(IrcMessage message) {
            blackhole.consume(message.command());
            blackhole.consume(message.sourceNick());
            blackhole.consume(message.param(0));
            blackhole.consume(message.lastParam());
            blackhole.consume(message.tag("time"));
            blackhole.consume(message.tag("msgid"));
            blackhole.consume(message.tag("batch"));
        }

        @Override
        public void malformed(String problem, String line) {
            throw new IllegalStateException("the corpus is well-formed: " + problem + " " + line);
        }
    }

    private static final class CountingSink implements IrcDecoder.Sink {
        private final Blackhole blackhole;
        int messages;
        int malformed;

        CountingSink(Blackhole blackhole) {
            this.blackhole = blackhole;
        }

        @Override
        public void message(IrcMessage message) {
            messages++;
            if (blackhole != null) {
                blackhole.consume(message);
            }
        }

        @Override
        public void malformed(String problem, String line) {
            malformed++;
        }
    }
}
